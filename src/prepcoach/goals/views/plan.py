"""The plan, `/plan/`: every active goal, and the finished and dropped ones a page at a time."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prepcoach.accounts.access import owned_by, signed_in_user
from prepcoach.goals import plans
from prepcoach.goals.models import Goal
from prepcoach.goals.views.common import describe, got_it

FINISHED_PAGE = 5  # finished and dropped goals shown a page at a time on the plan, latest first


def _page_number(raw: str | None) -> int | str | None:
    """The page asked for, a number below 1 read as the first (Django's `get_page` shows the
    last page for them, as for one past the end); anything else as given."""
    try:
        return max(1, int(raw or ""))
    except ValueError:
        return raw


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if response := got_it(request):
        return response
    user, today = signed_in_user(request), timezone.localdate()
    week = plans.availability_of(user)
    plan = plans.plan_for(user, today, availability=week)
    goals = owned_by(Goal.objects.all(), user)
    # Finished goals pile up without bound: the latest a page at a time, the older a link away.
    finished = Paginator(
        goals.exclude(status=Goal.Status.ACTIVE).order_by(
            F("closed_at").desc(nulls_last=True), "-updated_at", "-pk"
        ),
        FINISHED_PAGE,
    ).get_page(_page_number(request.GET.get("finished")))
    active = list(goals.filter(status=Goal.Status.ACTIVE))
    views = plans.goal_views([*active, *finished.object_list], today, plan)
    replan = plans.changes_since_last_look(user, today, plan)
    return render(
        request,
        "goals/index.html",
        {
            "active": views[: len(active)],
            "finished": views[len(active) :],
            "finished_page": finished,
            "plan": plan,
            "short_goals": {v.goal.pk: v.goal for v in views if plan.shortfall_of(v.goal.pk)},
            "streak": plans.streak_of(user, today),
            "no_hours": week.is_empty,
            "replan": describe(replan),
        },
    )
