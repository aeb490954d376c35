from django.urls import path

from prepcoach.feedback import interviewer, views

app_name = "feedback"
urlpatterns = [
    path("improve/attempts/<int:attempt_id>/feedback/", views.attempt_feedback, name="attempt"),
    path("improve/attempts/<int:attempt_id>/feedback/ask/", views.request_new, name="ask"),
    path("improve/feedback/<int:request_id>/withdraw/", views.request_withdraw, name="withdraw"),
    path("improve/feedback/<int:request_id>/link/", views.request_created, name="created"),
    path("r/<str:token>/", views.review, name="review"),
    path("r/<str:token>/media/", views.review_media, name="review_media"),
    path("feedback/unsubscribe/<str:signed>/", views.unsubscribe, name="unsubscribe"),
    path(
        "grow/jobs/<int:opportunity_id>/interviewer-feedback/",
        interviewer.interviewer_feedback,
        name="interviewer",
    ),
    path(
        "grow/interviewer-feedback/<int:reply_id>/delete/",
        interviewer.reply_delete,
        name="reply_delete",
    ),
]
