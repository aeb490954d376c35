"""What several of Plan's pages share: the owned goal or step a URL names, the "Got it" under
what moved in the plan, saying which steps a change moved, and celebrating milestones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.coach import planning
from prepcoach.coach.progress import (
    MilestoneState,
    milestone_changes,
    no_longer_said,
    peak_of,
)
from prepcoach.goals import plans
from prepcoach.goals.models import Goal, Milestone, Step


def goal_of(request: HttpRequest, goal_id: int) -> Goal:
    return get_owned_or_404(Goal.objects.all(), signed_in_user(request), pk=goal_id)


def step_of(request: HttpRequest, step_id: int) -> Step:
    return get_owned_or_404(
        Step.objects.select_related("goal"), signed_in_user(request), "goal__user", pk=step_id
    )


def got_it(request: HttpRequest) -> HttpResponse | None:
    """The "Got it" under what moved in the plan (a POST: a GET never writes): remember the plan
    as seen, and back to the page it was said on."""
    if request.method != "POST" or "seen" not in request.POST:
        return None
    plans.seen(signed_in_user(request), timezone.localdate())
    return redirect(request.get_full_path())


def celebrate_milestones(
    request: HttpRequest, goal: Goal, today: dt.date, corrected: bool = False
) -> None:
    """After any change to the goal's progress: celebrate the milestones it now reaches, and,
    after a correction (`corrected`), unmark those it no longer holds
    (`coach.progress.milestone_changes`)."""
    progress = plans.progress_of(goal, today)
    percent = progress.percent
    states = [
        MilestoneState(m.pk, m.title, m.threshold, m.reached_on)
        for m in Milestone.objects.filter(goal=goal)  # not a prefetch from before the change
    ]
    changes = milestone_changes(states, percent, corrected, peak_of(progress))
    if changes.reached:
        Milestone.objects.filter(pk__in=[m.id for m in changes.reached]).update(reached_on=today)
        for milestone in changes.reached:
            messages.success(
                request, f"Milestone reached: {milestone.title}!", extra_tags="celebrate"
            )
    if changes.no_longer:
        Milestone.objects.filter(pk__in=[m.id for m in changes.no_longer]).update(reached_on=None)
        for milestone in changes.no_longer:
            messages.info(request, no_longer_said(milestone, percent))


def report_moves(request: HttpRequest, before: planning.Plan, exclude: object = None) -> None:
    """After a change to the plan, say which other steps moved and where to."""
    after = plans.plan_for(signed_in_user(request), timezone.localdate())
    plans.remember(signed_in_user(request), timezone.localdate(), after)
    moved = [m for m in planning.moves(before.finishes, after.finishes) if m.step_id != exclude]
    if not moved:
        return
    parts = [
        f"“{title}” now finishes {now} instead of {was}"
        for title, was, now, _ in _titled(moved[:5])
    ]
    more = f"; and {len(moved) - 5} more" if len(moved) > 5 else ""
    messages.info(request, "To fit your week, the plan moved: " + "; ".join(parts) + more + ".")


def describe(replan: plans.Replan | None) -> dict[str, object] | None:
    """The moves since the user's last look, with step titles, for the page."""
    if replan is None:
        return None
    return {"since": replan.since, "moves": _titled(replan.moves)}


def _titled(moved: list[planning.Move]) -> list[tuple[str, str, str, bool]]:
    ids: list[Any] = [m.step_id for m in moved]
    titles: dict[Any, str] = dict(Step.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [
        (titles.get(m.step_id, "a step"), _when(m.before), _when(m.after), m.later) for m in moved
    ]


def _when(day: dt.date | None) -> str:
    return f"{day:%a %-d %b}" if day else "after the weeks your plan covers"
