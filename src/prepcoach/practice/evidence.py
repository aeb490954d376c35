"""The evidence improvement areas are built from, gathered for one user: their newest analysed
answers, the reviews people gave them, and the goals already made from areas. The ranking and
its rules are `coach.improvement`; the page and the dashboard both read `areas_of`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.improvement import AnswerFacts, Area, ReviewFacts, improvement_areas
from prepcoach.feedback.models import Review
from prepcoach.goals.models import Goal
from prepcoach.practice.models import Attempt

ANSWERS = 50  # the newest analysed answers read; areas judge the last ten each can judge


@dataclass(frozen=True)
class Areas:
    areas: tuple[Area, ...]
    working_on: dict[str, Goal]  # area key → the active goal made from it
    answers: int
    reviews: int


def areas_of(user: User, today: dt.date) -> Areas:
    attempts = owned_by(Attempt.objects.all(), user).filter(status=Attempt.Status.ANALYSED)
    answers = [
        AnswerFacts(a.pk, timezone.localtime(a.created_at).date(), a.question_text,
                    a.analysis or {}, a.rating)
        for a in attempts.order_by("-created_at")[:ANSWERS]
    ]  # fmt: skip
    reviews = [
        ReviewFacts(
            r.request.owner_url(), timezone.localtime(r.updated_at).date(), r.reviewer_name,
            {k: int(v) for k, v in (r.scores or {}).items() if isinstance(v, int)}, r.overall,
            r.request.attempt.rating if r.request.attempt is not None else None,
        )
        for r in owned_by(Review.objects.all(), user, "request__owner").select_related(
            "request__attempt", "request__session", "request__story"
        )
    ]  # fmt: skip
    goals = owned_by(Goal.objects.all(), user).exclude(area="")
    working_on = {g.area: g for g in goals.filter(status=Goal.Status.ACTIVE)}
    # A goal reached closes its area: only later answers can open it again.
    closed: dict[str, dt.date] = {}
    for goal in goals.filter(status=Goal.Status.DONE, completed_on__isnull=False):
        assert goal.completed_on is not None
        # The latest of several goals made from one area is the one that closed it.
        closed[goal.area] = max(goal.completed_on, closed.get(goal.area, goal.completed_on))
    found = improvement_areas(answers, reviews, today, closed)
    return Areas(found, working_on, len(answers), len(reviews))
