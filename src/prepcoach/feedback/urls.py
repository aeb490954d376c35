from django.urls import path

from prepcoach.feedback import interviewer
from prepcoach.feedback.views import owner, reviewer, stop

app_name = "feedback"
urlpatterns = [
    path("improve/attempts/<int:attempt_id>/feedback/", owner.attempt_feedback, name="attempt"),
    path("improve/attempts/<int:attempt_id>/feedback/ask/", owner.request_new, name="ask"),
    path("improve/mock/<int:session_id>/feedback/", owner.session_feedback, name="session"),
    path("improve/mock/<int:session_id>/feedback/ask/", owner.session_ask, name="session_ask"),
    path("grow/stories/<int:story_id>/feedback/", owner.story_feedback, name="story"),
    path("grow/stories/<int:story_id>/feedback/ask/", owner.story_ask, name="story_ask"),
    path("improve/feedback/<int:request_id>/withdraw/", owner.request_withdraw, name="withdraw"),
    path("improve/feedback/<int:request_id>/link/", owner.request_created, name="created"),
    path("r/<str:token>/", reviewer.review, name="review"),
    path("r/<str:token>/media/", reviewer.review_media, name="review_media"),
    path(
        "r/<str:token>/answers/<int:attempt_id>/media/",
        reviewer.review_answer_media,
        name="review_answer_media",
    ),
    path("feedback/unsubscribe/<str:signed>/", stop.unsubscribe, name="unsubscribe"),
    path("improve/feedback/mail/", stop.mail_setting, name="mail"),
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
