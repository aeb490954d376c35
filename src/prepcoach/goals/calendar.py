"""The plan as iCalendar: step due dates, goal deadlines, follow-ups with contacts and the work
scheduled for each day.

Everything is an all-day event on the user's own calendar date (computed in their time zone),
so a calendar anywhere shows it on the right day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import icalendar
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import Profile, User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.escape import ics_html, ics_text
from prepcoach.goals import plans
from prepcoach.goals.models import Goal
from prepcoach.network import plans as network_plans

SCHEDULE_DAYS = 28  # how far ahead the daily work blocks go; due dates go as far as they are


def user_today(user: User) -> dt.date:
    return local_now(user).date()


def build_calendar(user: User, host: str) -> bytes:
    today = user_today(user)
    profile = Profile.objects.filter(user=user).first()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//prepcoach//plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "prepcoach plan")
    cal.add("x-wr-timezone", profile.time_zone if profile else "UTC")
    stamp = timezone.now()

    def event(uid: str, day: dt.date, summary: str, description: str = "") -> None:
        item = icalendar.Event()
        item.add("uid", f"{uid}@{host}")
        item.add("dtstamp", stamp)
        item.add("dtstart", day)
        # The last day a calendar can hold ends on it: a far date never breaks the whole feed.
        item.add("dtend", day + dt.timedelta(days=1) if day < dt.date.max else day)
        item.add("summary", ics_text(summary))
        if description:
            item.add("description", ics_text(description))
            # Calendars that show a description as HTML take this one: the user's markup escaped.
            item.add(
                "x-alt-desc",
                icalendar.vText(ics_html(description)),
                parameters={"FMTTYPE": "text/html"},
            )
        item.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block time
        cal.add_component(item)

    steps = list(plans.active_steps(user))
    for step in steps:
        details = "\n".join([f"Goal: {step.goal.text}", *step.resource_list])
        event(f"step-{step.pk}", step.due_date, f"Due: {step.title}", details)
    goals = owned_by(Goal.objects.all(), user)
    for goal in goals.filter(status=Goal.Status.ACTIVE, target_date__isnull=False):
        assert goal.target_date is not None
        event(f"goal-{goal.pk}", goal.target_date, f"Goal deadline: {goal.text}", goal.success_note)
    for follow_up in network_plans.follow_ups(user):
        who = f"{follow_up.name} ({follow_up.company})" if follow_up.company else follow_up.name
        event(f"follow-up-{follow_up.contact_id}", follow_up.due, f"Follow up: {who}")
    titles: dict[Hashable, str] = {s.pk: s.title for s in steps}
    plan = plans.plan_for(user, today)
    for allocation in plan.allocations:
        if allocation.day < today + dt.timedelta(days=SCHEDULE_DAYS):
            event(
                f"work-{allocation.step_id}-{allocation.day:%Y%m%d}",
                allocation.day,
                f"{allocation.hours:g} h · {titles.get(allocation.step_id, 'step')}",
            )
    return bytes(cal.to_ical())
