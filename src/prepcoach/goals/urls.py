from django.urls import path

from prepcoach.goals import checkin_views, facts, feed_views, milestone_views
from prepcoach.goals.views import goal_form, goal_page, plan, reminders, review, steps, week

app_name = "goals"
urlpatterns = [
    path("", plan.index, name="index"),
    path("goals/new/", goal_form.goal_new, name="new"),
    path("goals/check/", goal_form.smart_check, name="smart_check"),
    path("jobs/<int:opportunity_id>/facts-goal/", facts.facts_goal, name="facts_goal"),
    path("goals/<int:goal_id>/", goal_page.detail, name="detail"),
    path("goals/<int:goal_id>/edit/", goal_form.goal_edit, name="edit"),
    path("goals/<int:goal_id>/status/", goal_page.goal_status, name="status"),
    path("goals/<int:goal_id>/split/", goal_page.goal_split, name="split"),
    path("goals/<int:goal_id>/steps/", steps.step_add, name="step_add"),
    path("goals/<int:goal_id>/check-ins/", goal_page.checkin_add, name="checkin_add"),
    path("goals/<int:goal_id>/milestones/", goal_page.milestone_add, name="milestone_add"),
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
    path("steps/<int:step_id>/edit/", steps.step_edit, name="step_edit"),
    path("steps/<int:step_id>/toggle/", steps.step_toggle, name="step_toggle"),
    path("steps/<int:step_id>/place/", steps.step_place, name="step_place"),
    path("steps/<int:step_id>/delete/", steps.step_delete, name="step_delete"),
    path("week/", week.week, name="week"),
    path("review/", review.review, name="review"),
    path("calendar/", feed_views.calendar_settings, name="calendar"),
    path("calendar/address/", feed_views.feed_action, name="feed_action"),
    path("calendar/plan.ics", feed_views.ics_download, name="ics"),
    path("calendar/<str:token>.ics", feed_views.feed, name="feed"),
    path("reminders/stop/<str:signed>/", reminders.reminders_stop, name="reminders_stop"),
]
