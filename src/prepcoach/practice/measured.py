"""Goals made from an improvement area move by themselves: each analysed answer since the goal
began that meets the area's target counts (`coach.improvement.meets`), for the drill lapse
area each card forgotten when it began and recalled since (`coach.improvement_sources.
recalled_cards`), and for a plan's reasons or check each review given since it began that
scores that line 1 or 2 of 2 (`coach.improvement_sources.plan_line_met`); the count is written
as the goals app's own check-in, and the goal is done when it reaches its target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import Truncator

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.accounts.timing import user_zone
from prepcoach.coach.improvement import (
    ANSWER_KEYS,
    DEBRIEF_KEYS,
    REVIEW_KEYS,
    AnswerFacts,
    LapseFacts,
    meets,
)
from prepcoach.coach.improvement_sources import (
    competency_met,
    plan_line_met,
    recalled_cards,
    reworked,
)
from prepcoach.feedback.models import Review
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.interviews.models import AskedQuestion, Debrief
from prepcoach.practice.evidence import answer_facts
from prepcoach.practice.models import Attempt, DrillCard, DrillReview

AUTO_NOTE = "Measured from your answers: "
DRILL_NOTE = "Measured from your drills: "
DEBRIEF_NOTE = "Measured from your debriefs: "
REVIEW_NOTE = "Measured from your reviews: "
NAMED = 5  # answers or cards a check-in names; more are counted, not named


def _counted(answers: list[AnswerFacts]) -> str:
    """Which answers counted, by question and day, so a person can see what moved the goal."""
    return _named([f"“{Truncator(a.question).chars(60)}” ({a.when:%-d %b})" for a in answers])


def _named(things: list[str]) -> str:
    if not things:
        return ""
    more = f" and {len(things) - NAMED} more" if len(things) > NAMED else ""
    return f". Counted: {', '.join(things[:NAMED])}{more}"


def _active(user: User, keys: frozenset[str] | set[str]) -> QuerySet[Goal]:
    goals = owned_by(Goal.objects.all(), user).filter(
        status=Goal.Status.ACTIVE, area__in=keys, target_value__isnull=False
    )
    return goals.prefetch_related("check_ins")


def _log(goal: Goal, met: int, note: str, today: dt.date) -> bool:
    """Write the measured count as a check-in when it changed; the goal is done at its
    target. Compared with its own last count only: a check-in the user logged by hand stays
    theirs, and does not stop the measure from moving."""
    measured = [
        c.value for c in sorted(goal.check_ins.all(), key=lambda c: (c.day, c.created_at))
        if c.note.startswith((AUTO_NOTE, DRILL_NOTE, DEBRIEF_NOTE, REVIEW_NOTE))
    ]  # fmt: skip
    if (measured and measured[-1] == met) or (not measured and met == 0):
        return False
    with transaction.atomic():
        CheckIn.objects.create(goal=goal, day=today, value=Decimal(met), note=note)
        if goal.target_value is not None and met >= goal.target_value:
            Goal.objects.filter(pk=goal.pk).update(
                status=Goal.Status.DONE, completed_on=today, closed_at=timezone.now()
            )
    return True


def update_measured_goals(user: User, today: dt.date) -> list[Goal]:
    """Count, for each active goal made from an area measured by answers, the answers since
    it began that meet it; log a check-in when the count changed and mark the goal done at
    its target. Returns the goals that moved."""
    moved = []
    for goal in _active(user, ANSWER_KEYS):
        answers = owned_by(Attempt.objects.all(), user).filter(
            status=Attempt.Status.ANALYSED, created_at__gte=goal.created_at
        )
        # Each answer's evidence (what `meets` reads), not its whole analysis.
        verdicts = [
            (a, meets(goal.area, a.analysis, a.question, a.rating, a.follow_up))
            for a in answer_facts(answers.order_by("created_at"))
        ]
        met, judged = sum(v is True for _, v in verdicts), sum(v is not None for _, v in verdicts)
        note = (
            f"{AUTO_NOTE}{met} of {judged} answer{'s' * (judged != 1)} since the goal began "
            f"meet{'s' * (met == 1)} it{_counted([a for a, v in verdicts if v is True])}"
        )
        if _log(goal, met, note, today):
            moved.append(goal)
    return moved


def update_drill_goals(user: User, today: dt.date) -> list[Goal]:
    """For each active goal made from the drill lapse area, count the cards forgotten when it
    began and graded Good or Easy since; log and close as `update_measured_goals` does."""
    goals = list(_active(user, {"drill_lapses"}))
    if not goals:
        return []
    cards = owned_by(DrillCard.objects.all(), user).filter(reviews__gt=0)
    times: dict[int, list[tuple[dt.datetime, str]]] = {}
    rows = DrillReview.objects.filter(card__in=cards).order_by("card_id", "-reviewed_at", "-pk")
    for card_id, at, grade in rows.values_list("card_id", "reviewed_at", "rating"):
        times.setdefault(card_id, []).append((at, grade))
    facts = [
        LapseFacts(card.pk, str(card.item) if card.item is not None else "a removed item",
                   times[card.pk])
        for card in cards.prefetch_related("item") if card.pk in times
    ]  # fmt: skip
    moved = []
    for goal in goals:
        recalled = recalled_cards(facts, goal.created_at)
        met = len(recalled)
        names = [f"“{Truncator(c.label).chars(60)}”" for c in recalled]
        note = (
            f"{DRILL_NOTE}{met} forgotten card{'s' * (met != 1)} recalled since the goal "
            f"began{_named(names)}"
        )
        if _log(goal, met, note, today):
            moved.append(goal)
    return moved


def update_debrief_goals(user: User, today: dt.date) -> list[Goal]:
    """Goals made from debrief areas: a competency's counts the debriefs of interviews begun
    since the goal began (and started by now) that rate it 3 of 5 or better; "went badly"'s
    counts the questions that went badly before it began with a practice answer since that
    prepcoach measures 3 of 5 or better. Logged and closed as `update_measured_goals` does."""
    moved = []
    now = timezone.now()
    debriefs = owned_by(Debrief.objects.all(), user, "interview__user")
    for goal in _active(user, DEBRIEF_KEYS | {"asked_badly"}):
        if goal.area == "asked_badly":
            asked = AskedQuestion.objects.filter(
                debrief__in=debriefs.filter(interview__starts_at__lt=goal.created_at),
                went=AskedQuestion.Went.BADLY,
            ).order_by("pk")
            answers = owned_by(Attempt.objects.all(), user).filter(
                status=Attempt.Status.ANALYSED, created_at__gte=goal.created_at
            )
            found = reworked([q.text for q in asked], answer_facts(answers))
            met = len(found)
            note = (
                f"{DEBRIEF_NOTE}{met} question{'s' * (met != 1)} that went badly answered "
                f"3 of 5 or better since the goal began"
                + _named([f"“{Truncator(q).chars(60)}”" for q in found])
            )
        else:
            key = goal.area.removeprefix("competency_")
            rows = debriefs.filter(
                interview__starts_at__gte=goal.created_at, interview__starts_at__lte=now
            ).select_related("interview")
            verdicts = [(d, competency_met(d.ratings, key)) for d in rows]
            met = sum(v is True for _, v in verdicts)
            judged = sum(v is not None for _, v in verdicts)
            note = (
                f"{DEBRIEF_NOTE}{met} of {judged} debrief{'s' * (judged != 1)} since the goal "
                f"began rate it 3 of 5 or better"
                + _named([str(d.interview) for d, v in verdicts if v is True])
            )
        if _log(goal, met, note, today):
            moved.append(goal)
    return moved


def update_review_goals(user: User, today: dt.date) -> list[Goal]:
    """Goals made from a plan's reasons or check (areas of reviews alone): each counts the
    reviews of the user's things given since the goal began (a review written before it and
    sent again since is not a new one) that score its line 1 or 2 of 2. Logged and closed as
    `update_measured_goals` does."""
    moved = []
    zone = user_zone(user)  # a review's day on the owner's clock
    reviews = owned_by(Review.objects.all(), user, "request__owner").only(
        "reviewer_name", "scores", "created_at"
    )
    for goal in _active(user, REVIEW_KEYS):
        rows = reviews.filter(created_at__gte=goal.created_at).order_by("created_at", "pk")
        verdicts = [(r, plan_line_met(r.scores, goal.area)) for r in rows]
        met = sum(v is True for _, v in verdicts)
        judged = sum(v is not None for _, v in verdicts)
        names = [
            f"{Truncator(r.reviewer_name).chars(60)} ({r.created_at.astimezone(zone):%-d %b})"
            for r, v in verdicts
            if v is True
        ]
        note = (
            f"{REVIEW_NOTE}{met} of {judged} review{'s' * (judged != 1)} since the goal began "
            f"score{'s' * (met == 1)} it 1 or 2 of 2{_named(names)}"
        )
        if _log(goal, met, note, today):
            moved.append(goal)
    return moved
