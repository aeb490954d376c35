"""The week, `/plan/week/`: each day's steps, follow-ups and interviews in the hours it has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prepcoach.accounts.access import owned_by, signed_in_user
from prepcoach.coach import planning
from prepcoach.coach.network import follow_ups_due
from prepcoach.goals import plans
from prepcoach.goals.models import Goal, Step
from prepcoach.goals.views.common import describe, got_it
from prepcoach.jobs import schedule
from prepcoach.network import plans as network_plans

WEEK_RANGE_DAYS = 3 * 366  # weeks further away are not plans; the page shows this week instead


@login_required
def week(request: HttpRequest) -> HttpResponse:
    if response := got_it(request):
        return response
    user, today = signed_in_user(request), timezone.localdate()
    try:
        start = dt.date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        start = today
    if abs((start - today).days) > WEEK_RANGE_DAYS:
        start = today
    start -= dt.timedelta(days=start.weekday())
    # Each read once, for the plan and the page: the steps ahead, those done this week, the
    # follow-ups (this week's and, for this week, the overdue).
    active = list(plans.active_steps(user))
    done_rows = list(plans.done_steps(user, min(start, today)))
    availability = plans.availability_of(user)
    plan = plans.plan_for(user, today, availability=availability, active=active,
                          done_rows=done_rows)  # fmt: skip
    steps = {s.pk: s for s in active}
    done = {s.pk: s for s in done_rows}
    every_follow_up = network_plans.follow_ups(user)
    end = start + dt.timedelta(days=7)
    follow_ups = [f for f in every_follow_up if start <= f.due < end]
    zone = timezone.get_current_timezone()
    interviews = schedule.between(user, start, start + dt.timedelta(days=7), zone)
    days = [
        {
            "day": day,
            "follow_ups": [f for f in follow_ups if f.due == day],
            "interviews": [i for i in interviews if i.starts_at.astimezone(zone).date() == day],
            "hours": availability.on(day),
            "items": [(done[a.step_id], a.hours) for a in plan.done_on(day) if a.step_id in done]
            + [(steps[a.step_id], a.hours) for a in allocations if a.step_id in steps],
            "used": sum(a.hours for a in allocations + plan.done_on(day)),
            "is_today": day == today,
            "is_past": day < today,
        }
        for day, allocations in plan.week_of(start).items()
    ]
    short_ids: list[Any] = [s.goal_id for s in plan.shortfalls]
    goals = {g.pk: g for g in owned_by(Goal.objects.all(), user).filter(pk__in=short_ids)}
    this_week = start <= today < start + dt.timedelta(days=7)
    replan = plans.changes_since_last_look(user, today, plan) if this_week else None
    # This week names what is due in it but planned only after it (`planning.planned_after`).
    by_id: dict[Hashable, Step] = {s.pk: s for s in active}
    after_this_week = (
        [
            (by_id[step_id], day)
            for step_id, day in planning.planned_after(
                plan, [plans.plan_step(s) for s in active], end
            )
        ]
        if this_week
        else []
    )
    return render(
        request,
        "goals/week.html",
        {
            "days": days,
            "start": start,
            "previous": start - dt.timedelta(days=7),
            "next": start + dt.timedelta(days=7),
            "shortfalls": [(goals[s.goal_id], s) for s in plan.shortfalls if s.goal_id in goals],
            "no_hours": availability.is_empty,
            "late": {sid: o for sid, o in plan.outcomes.items() if not o.on_time},
            "replan": describe(replan),
            "after_this_week": after_this_week,
            "overdue_follow_ups": (
                follow_ups_due(every_follow_up, today, 1).overdue if this_week else ()
            ),
        },
    )
