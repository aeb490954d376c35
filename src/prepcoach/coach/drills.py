"""Spaced-repetition drills with FSRS (the fsrs library): what is due, what a grade does next,
and how well things are remembered. Any item can be drilled: questions now, stories and
company facts later; the core only sees card states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fsrs import Card, Rating, Scheduler

GRADES = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
# No fuzz: a learner sees the same next date the page promised when they graded.
SCHEDULER = Scheduler(enable_fuzzing=False)


@dataclass(frozen=True, slots=True)
class Graded:
    state: dict[str, Any]  # the card, as fsrs serialises it: store it as JSON
    due: dt.datetime
    interval: str  # "in 10 minutes", "in 3 days"


def new_card(card_id: int, now: dt.datetime) -> dict[str, Any]:
    return dict(Card(card_id=card_id, due=now).to_dict())


def grade(state: dict[str, Any], grade_name: str, now: dt.datetime) -> Graded:
    if grade_name not in GRADES:
        raise ValueError(f"Grade must be one of {', '.join(GRADES)}; got {grade_name!r}.")
    card, _ = SCHEDULER.review_card(_card(state), GRADES[grade_name], review_datetime=now)
    return Graded(dict(card.to_dict()), card.due, _interval(card.due - now))


def preview(state: dict[str, Any], now: dt.datetime) -> dict[str, str]:
    """What each grade would do, for the buttons: {"again": "in 1 minute", ...}."""
    return {name: grade(state, name, now).interval for name in GRADES}


@dataclass(frozen=True, slots=True)
class DueItem:
    id: Any
    due: dt.datetime
    is_new: bool  # never reviewed


def due_queue(
    items: Sequence[DueItem], now: dt.datetime, daily_target: int, reviewed_today: int
) -> list[DueItem]:
    """Reviews that are due, most overdue first, then new items up to the day's target."""
    due = sorted((i for i in items if not i.is_new and i.due <= now), key=lambda i: i.due)
    room = max(daily_target - reviewed_today - len(due), 0)
    new = sorted((i for i in items if i.is_new), key=lambda i: i.due)[:room]
    return [*due, *new]


@dataclass(frozen=True, slots=True)
class Retention:
    reviews: int
    recalled: float | None  # share of reviews not graded "again"
    expected_now: float | None  # FSRS's average chance of recall across reviewed cards now
    due_today: int
    reviewed_today: int
    cards_reviewed: int = 0  # the cards expected_now is the mean over


def retention(
    ratings: Sequence[str], states: Sequence[dict[str, Any]], now: dt.datetime, due_today: int,
    reviewed_today: int, last_grades: Sequence[str | None] = (),
) -> Retention:  # fmt: skip
    """`last_grades` is each card's latest grade, in the order of `states`.

    FSRS's chance of recall is 100 % at the moment of any review, "again" included: it measures
    the card just after its answer was shown. So a card last graded "again" counts as not
    recalled until it is passed again; the others count at FSRS's chance of recall now."""
    recalled = sum(r != "again" for r in ratings) / len(ratings) if ratings else None
    grades = list(last_grades) or [None] * len(states)
    cards = [(_card(s), g) for s, g in zip(states, grades, strict=True)]
    reviewed = [(c, g) for c, g in cards if c.last_review is not None]
    expected = (
        sum(
            0.0 if g == "again" else SCHEDULER.get_card_retrievability(c, current_datetime=now)
            for c, g in reviewed
        )
        / len(reviewed)
        if reviewed
        else None
    )
    return Retention(len(ratings), recalled, expected, due_today, reviewed_today, len(reviewed))


def _card(state: dict[str, Any]) -> Card:
    return Card.from_dict(state)  # type: ignore[arg-type]  # a stored CardDict, read back


def _interval(delta: dt.timedelta) -> str:
    minutes = max(round(delta.total_seconds() / 60), 1)
    if minutes < 60:
        return f"in {minutes} minute{'s' * (minutes != 1)}"
    hours = round(minutes / 60)
    if hours < 24:
        return f"in {hours} hour{'s' * (hours != 1)}"
    days = round(hours / 24)
    if days < 60:
        return f"in {days} day{'s' * (days != 1)}"
    months = round(days / 30)
    return f"in {months} month{'s' * (months != 1)}"
