from django.urls import path

from prepcoach.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.index, name="index"),
    path("invite/", views.invite, name="invite"),
    path("invites/<int:invite_id>/withdraw/", views.invite_withdraw, name="withdraw"),
    path("invite/<str:token>/", views.accept, name="accept"),
    path("<int:partnership_id>/", views.detail, name="detail"),
    path("<int:partnership_id>/goals/", views.shared_goals, name="shared_goals"),
    path("<int:partnership_id>/goals/<int:goal_id>/comments/", views.comment, name="comment"),
    path("<int:partnership_id>/nudge/", views.nudge, name="nudge"),
    path("<int:partnership_id>/mail/", views.weekly_mail, name="weekly_mail"),
    path("<int:partnership_id>/nudge-mail/", views.nudge_mail, name="nudge_mail"),
    path("<int:partnership_id>/end/", views.end, name="end"),
    path("milestones/<int:milestone_id>/cheer/", views.cheer, name="cheer"),
    path("mail/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nudges/stop/<str:token>/", views.nudges_stop, name="nudges_stop"),
]
