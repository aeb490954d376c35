from django.urls import path

from prepcoach.goals import checkin_views, facts, feed_views, milestone_views, views

app_name = "goals"
urlpatterns = [
    path("", views.index, name="index"),
    path("goals/new/", views.goal_new, name="new"),
    path("goals/check/", views.smart_check, name="smart_check"),
    path("jobs/<int:opportunity_id>/facts-goal/", facts.facts_goal, name="facts_goal"),
    path("goals/<int:goal_id>/", views.detail, name="detail"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="edit"),
    path("goals/<int:goal_id>/status/", views.goal_status, name="status"),
    path("goals/<int:goal_id>/split/", views.goal_split, name="split"),
    path("goals/<int:goal_id>/steps/", views.step_add, name="step_add"),
    path("goals/<int:goal_id>/check-ins/", views.checkin_add, name="checkin_add"),
    path("goals/<int:goal_id>/milestones/", views.milestone_add, name="milestone_add"),
    path("goals/<int:goal_id>/check-ins/undo/", checkin_views.checkin_undo, name="checkin_undo"),
    path("check-ins/<int:checkin_id>/edit/", checkin_views.checkin_edit, name="checkin_edit"),
    path("check-ins/<int:checkin_id>/delete/", checkin_views.checkin_delete, name="checkin_delete"),
    path(
        "milestones/<int:milestone_id>/edit/", milestone_views.milestone_edit, name="milestone_edit"
    ),
    path(
        "milestones/<int:milestone_id>/delete/",
        milestone_views.milestone_delete,
        name="milestone_delete",
    ),
    path("steps/<int:step_id>/edit/", views.step_edit, name="step_edit"),
    path("steps/<int:step_id>/toggle/", views.step_toggle, name="step_toggle"),
    path("steps/<int:step_id>/place/", views.step_place, name="step_place"),
    path("steps/<int:step_id>/delete/", views.step_delete, name="step_delete"),
    path("week/", views.week, name="week"),
    path("review/", views.review, name="review"),
    path("calendar/", feed_views.calendar_settings, name="calendar"),
    path("calendar/address/", feed_views.feed_action, name="feed_action"),
    path("calendar/plan.ics", feed_views.ics_download, name="ics"),
    path("calendar/<str:token>.ics", feed_views.feed, name="feed"),
    path("reminders/stop/<str:signed>/", views.reminders_stop, name="reminders_stop"),
]
