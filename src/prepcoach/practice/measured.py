"""Goals made from an improvement area move by themselves: each analysed answer since the goal
began that meets the area's target counts (`coach.improvement.meets`), written as the goals
app's own check-in, and the goal is done when the count reaches its target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.improvement import AREA_KEYS, meets
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.practice.models import Attempt

AUTO_NOTE = "Measured from your answers: "
NAMED = 5  # answers a check-in names; more are counted, not named


def _counted(answers: list[Attempt]) -> str:
    """Which answers counted, by question and day, so a person can see what moved the goal."""
    if not answers:
        return ""
    named = [
        f"“{Truncator(a.question_text).chars(60)}” ({timezone.localdate(a.created_at):%-d %b})"
        for a in answers[:NAMED]
    ]
    more = f" and {len(answers) - NAMED} more" if len(answers) > NAMED else ""
    return f". Counted: {', '.join(named)}{more}"


def update_measured_goals(user: User, today: dt.date) -> list[Goal]:
    """Count, for each active goal made from an area, the answers since it began that meet
    it; log a check-in when the count changed and mark the goal done at its target. Returns
    the goals that moved."""
    goals = owned_by(Goal.objects.all(), user).filter(
        status=Goal.Status.ACTIVE, area__in=AREA_KEYS, target_value__isnull=False
    )
    moved = []
    for goal in goals.prefetch_related("check_ins"):
        answers = owned_by(Attempt.objects.all(), user).filter(
            status=Attempt.Status.ANALYSED, created_at__gte=goal.created_at
        )
        verdicts = [
            (a, meets(goal.area, a.analysis or {}, a.question_text, a.rating))
            for a in answers.order_by("created_at")
        ]
        met, judged = sum(v is True for _, v in verdicts), sum(v is not None for _, v in verdicts)
        # Compared with its own last count only: a check-in the user logged by hand stays
        # theirs, and does not stop the measure from moving.
        measured = [
            c.value for c in sorted(goal.check_ins.all(), key=lambda c: (c.day, c.created_at))
            if c.note.startswith(AUTO_NOTE)
        ]  # fmt: skip
        if (measured and measured[-1] == met) or (not measured and met == 0):
            continue
        with transaction.atomic():
            CheckIn.objects.create(
                goal=goal, day=today, value=Decimal(met),
                note=f"{AUTO_NOTE}{met} of {judged} answer{'s' * (judged != 1)} since the "
                f"goal began meet it{_counted([a for a, v in verdicts if v is True])}",
            )  # fmt: skip
            if goal.target_value is not None and met >= goal.target_value:
                Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.DONE, completed_on=today)
        moved.append(goal)
    return moved
