"""The evidence improvement areas are built from, gathered for one user: their newest analysed
answers, the reviews people gave them, their debriefs of real interviews, their drill cards'
grades, and the goals already made from areas. The ranking and
its rules are `coach.improvement`; the page and the dashboard both read `areas_of`. Answers are
read by their evidence (`answer_facts`), never their whole analyses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.answer_evidence import current
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
from prepcoach.jobs.schedule import Upcoming, next_interview
from prepcoach.practice.models import Attempt, DrillCard, DrillReview

ANSWERS = 50  # the newest analysed answers read; areas judge the last ten each can judge


@dataclass(frozen=True)
class Areas:
    areas: tuple[Area, ...]
    working_on: dict[str, Goal]  # area key → the active goal made from it
    answers: int
    reviews: int
    debriefs: int = 0


def answer_facts(attempts: QuerySet[Attempt]) -> list[AnswerFacts]:
    """The answers in `attempts` (in its order) as the areas read them: each one's evidence
    (`Attempt.evidence`, a few hundred bytes), never its whole analysis, but for an answer
    whose evidence is missing or of another version (analysed by code before it), whose
    analysis is read instead, in one more query. An answer to a follow-up says so
    (`AnswerFacts.follow_up`, from `Attempt.is_follow_up`, kept when the answer it follows up
    is deleted): only it is judged on what the follow-up asked for, never a first answer whose
    question is worded as one; and the answer it follows up (`AnswerFacts.follows`, by its
    `follow_up_to` link), with which the areas read its story as one."""
    rows = list(
        attempts.values_list(
            "pk", "created_at", "question_text", "evidence", "rating", "is_follow_up",
            "follow_up_to",
        )
    )  # fmt: skip
    stale = [pk for pk, _, _, evidence, _, _, _ in rows if not current(evidence)]
    whole = {}
    if stale:
        whole = dict(Attempt.objects.filter(pk__in=stale).values_list("pk", "analysis"))
    return [
        AnswerFacts(pk, timezone.localtime(at).date(), question,
                    evidence if current(evidence) else whole.get(pk) or {}, rating,
                    follow_up, follows)
        for pk, at, question, evidence, rating, follow_up, follows in rows
    ]  # fmt: skip


def areas_of(
    user: User, today: dt.date, upcoming: Upcoming | Literal["read"] | None = "read"
) -> Areas:
    """The user's improvement areas, each goal due before their next interview: `upcoming`,
    when the caller has read it (the dashboard reads it once for its countdown), else read here."""
    attempts = owned_by(Attempt.objects.all(), user).filter(status=Attempt.Status.ANALYSED)
    answers = answer_facts(attempts.order_by("-created_at")[:ANSWERS])
    reviews = [
        ReviewFacts(
            r.request.owner_url(), timezone.localtime(r.updated_at).date(), r.reviewer_name,
            {k: int(v) for k, v in (r.scores or {}).items() if isinstance(v, int)}, r.overall,
            r.request.attempt.rating if r.request.attempt is not None else None,
        )
        for r in owned_by(Review.objects.all(), user, "request__owner")
        .select_related("request__attempt")
        # Only what a review's facts read: never the answer's analysis, nor a whole mock or story.
        .only("updated_at", "reviewer_name", "scores", "overall", "request__session",
              "request__story", "request__attempt__rating")
    ]  # fmt: skip
    goals = owned_by(Goal.objects.all(), user).exclude(area="")
    made = list(goals.filter(status__in=[Goal.Status.ACTIVE, Goal.Status.DONE]))  # one query
    working_on = {g.area: g for g in made if g.status == Goal.Status.ACTIVE}
    # A goal reached closes its area: only later answers can open it again.
    closed: dict[str, dt.date] = {}
    for goal in made:
        if goal.status != Goal.Status.DONE or goal.completed_on is None:
            continue
        # The latest of several goals made from one area is the one that closed it.
        closed[goal.area] = max(goal.completed_on, closed.get(goal.area, goal.completed_on))
    debriefs = debriefs_of(user)
    # An area's goal is due before the next interview (on the user's clock), not after it.
    now = local_now(user)
    coming = next_interview(user, now) if upcoming == "read" else upcoming
    interview = coming.interview.starts_at.astimezone(now.tzinfo).date() if coming else None
    found = improvement_areas(
        answers, reviews, today, closed, debriefs, lapses_of(user), interview=interview
    )
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
    cards = list(
        owned_by(DrillCard.objects.all(), user).filter(reviews__gt=0).prefetch_related("item")
    )
    if not cards:  # nothing drilled yet: no grades to read
        return []
    grades: dict[int, list[tuple[dt.date, str]]] = {}
    reviews = DrillReview.objects.filter(card__in=[card.pk for card in cards])
    for card_id, at, grade in reviews.order_by("card_id", "-reviewed_at", "-pk").values_list(
        "card_id", "reviewed_at", "rating"
    ):
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
