"""A goal's check-ins: one a day, correctable, and what "undo" puts back.

A second check-in on the same day replaces the first (the chart has one point a day, and the
day's figure is the one the user gave last); what it replaced is kept in the session so one
click puts it back. A deleted check-in is kept the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from prepcoach.goals.models import CheckIn, Goal

UNDO_KEY = "goals.checkin_undo"


@dataclass(frozen=True)
class Kept:
    """A check-in as it was, to put back."""

    goal_id: int
    day: str  # ISO date
    value: str | None  # Decimal as text, or None
    note: str
    checkin_id: int | None  # the row to restore in place; None: it was deleted, recreate it
    said: str  # what the page says happened, before "Undo"
    shown: bool = False


def log_check_in(
    goal: Goal, day: dt.date, value: Decimal | None, note: str
) -> tuple[CheckIn, CheckIn | None]:
    """Record the day's figure: the day's check-in is updated if there is one (any extras from
    before this rule are removed). Returns the check-in and a copy of what it replaced."""
    with transaction.atomic():
        same_day = list(goal.check_ins.filter(day=day).order_by("-created_at", "-pk"))
        if not same_day:
            return CheckIn.objects.create(goal=goal, day=day, value=value, note=note), None
        current, *extras = same_day
        before = CheckIn(pk=current.pk, goal=goal, day=day, value=current.value, note=current.note)
        CheckIn.objects.filter(pk__in=[c.pk for c in extras]).delete()
        current.value, current.note = value, note
        current.save(update_fields=["value", "note"])
        return current, before


def keep_for_undo(session: Any, check_in: CheckIn, said: str, *, deleted: bool) -> None:
    kept = Kept(
        goal_id=check_in.goal_id,
        day=check_in.day.isoformat(),
        value=None if check_in.value is None else str(check_in.value),
        note=check_in.note,
        checkin_id=None if deleted else check_in.pk,
        said=said,
    )
    session[UNDO_KEY] = asdict(kept)


def undo_offer(session: Any, goal: Goal) -> Kept | None:
    """The undo to show on this goal's page: on the first page after the change, once."""
    stored = session.get(UNDO_KEY)
    if not stored or stored.get("goal_id") != goal.pk:
        return None
    kept = Kept(**stored)
    if kept.shown:
        del session[UNDO_KEY]
        return None
    session[UNDO_KEY] = {**stored, "shown": True}
    return kept


def undo(session: Any, goal: Goal) -> bool:
    """Put back what the last replace or delete on this goal took away."""
    stored = session.get(UNDO_KEY)
    if not stored or stored.get("goal_id") != goal.pk:
        return False
    kept = Kept(**stored)
    del session[UNDO_KEY]
    value = None if kept.value is None else Decimal(kept.value)
    day = dt.date.fromisoformat(kept.day)
    if kept.checkin_id is not None:
        changed = goal.check_ins.filter(pk=kept.checkin_id).update(value=value, note=kept.note)
        return bool(changed)
    log_check_in(goal, day, value, kept.note)
    return True
