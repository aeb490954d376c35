"""The weekly review, `/plan/review/`: what was done, what slipped, and the wins log."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prepcoach.accounts.access import owned_by, signed_in_user
from prepcoach.accounts.models import User
from prepcoach.coach.progress import weekly_review
from prepcoach.goals import plans
from prepcoach.goals.models import Goal, Milestone, Step


@login_required
def review(request: HttpRequest) -> HttpResponse:
    user, today = signed_in_user(request), timezone.localdate()
    plan = plans.plan_for(user, today)
    active = owned_by(Goal.objects.all(), user).filter(status=Goal.Status.ACTIVE)
    steps = Step.objects.filter(goal__in=active)
    short = sum(s.hours for s in plan.shortfalls)
    return render(
        request,
        "goals/review.html",
        {
            "review": weekly_review([plans.step_state(s) for s in steps], today, short),
            "goals": active,
            "wins": _wins(user),
            "streak": plans.streak_of(user, today),
        },
    )


def _wins(user: User) -> list[tuple[dt.date, str]]:
    goals = owned_by(Goal.objects.all(), user)
    milestones = Milestone.objects.filter(goal__in=goals, reached_on__isnull=False)
    done = goals.filter(status=Goal.Status.DONE, completed_on__isnull=False)
    wins = [
        (m.reached_on, f"Milestone “{m.title}” on “{m.goal.text}”")
        for m in milestones.select_related("goal")
        if m.reached_on
    ]
    wins += [(g.completed_on, f"Goal reached: “{g.text}”") for g in done if g.completed_on]
    return sorted(wins, reverse=True)
