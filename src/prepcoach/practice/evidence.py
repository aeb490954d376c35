"""The evidence improvement areas are built from, gathered for one user: their newest analysed
answers, the reviews people gave them, their debriefs of real interviews, their drill cards'
grades, and the goals already made from areas. The ranking and
its rules are `coach.improvement`; the page and the dashboard both read `areas_of`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.improvement import (
    AnswerFacts,
    Area,
    AskedFacts,
    DebriefFacts,
    LapseFacts,
    ReviewFacts,
    improvement_areas,
)
from prepcoach.coach.improvement_sources import LAPSE_WINDOW, RECENT_DEBRIEFS
from prepcoach.feedback.models import Review
from prepcoach.goals.models import Goal
from prepcoach.interviews.models import Debrief
from prepcoach.practice.models import Attempt, DrillCard, DrillReview

ANSWERS = 50  # the newest analysed answers read; areas judge the last ten each can judge


@dataclass(frozen=True)
class Areas:
    areas: tuple[Area, ...]
    working_on: dict[str, Goal]  # area key → the active goal made from it
    answers: int
    reviews: int
    debriefs: int = 0


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
    debriefs = debriefs_of(user)
    found = improvement_areas(answers, reviews, today, closed, debriefs, lapses_of(user))
    return Areas(found, working_on, len(answers), len(reviews), len(debriefs))


def debriefs_of(user: User) -> list[DebriefFacts]:
    """The newest debriefs of interviews that have started, each linking to its page: a
    debrief written ahead of an interview later today says nothing yet about how it went."""
    rows = (
        owned_by(Debrief.objects.all(), user, "interview__user")
        .filter(interview__starts_at__lte=timezone.now())
        .select_related("interview__opportunity")
        .prefetch_related("questions")
        .order_by("-interview__starts_at")[:RECENT_DEBRIEFS]
    )
    return [
        DebriefFacts(
            reverse("interviews:debrief", args=[d.interview_id]),
            timezone.localtime(d.interview.starts_at).date(), str(d.interview), d.went_badly,
            {k: v for k, v in (d.ratings or {}).items() if isinstance(v, int)},
            [AskedFacts(q.text, q.went, q.notes) for q in d.questions.all()],
        )
        for d in rows
    ]  # fmt: skip


def lapses_of(user: User) -> list[LapseFacts]:
    """Each drill card's last reviews, newest first, linking to what is drilled."""
    cards = owned_by(DrillCard.objects.all(), user).filter(reviews__gt=0).prefetch_related("item")
    grades: dict[int, list[tuple[dt.date, str]]] = {}
    reviews = DrillReview.objects.filter(card__in=cards).order_by("card_id", "-reviewed_at", "-pk")
    for card_id, at, grade in reviews.values_list("card_id", "reviewed_at", "rating"):
        kept = grades.setdefault(card_id, [])
        if len(kept) < LAPSE_WINDOW:
            kept.append((timezone.localtime(at).date(), grade))
    found = []
    for card in cards:
        if card.item is None or card.pk not in grades:
            continue
        url = getattr(card.item, "get_absolute_url", None)
        found.append(
            LapseFacts(url() if url else reverse("practice:drills"), str(card.item),
                       grades[card.pk])
        )  # fmt: skip
    return found
