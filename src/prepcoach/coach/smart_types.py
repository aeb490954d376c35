"""The SMART check's shapes: a criterion's verdict, reason and fix, and what else prepcoach knows
about the person (`SmartContext`). Plain data, shared by `smart` and `smart_fit`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.deadlines import DateOrder


class Verdict(StrEnum):
    MET = "met"
    MISSING = "missing"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Criterion:
    verdict: Verdict
    reason: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"verdict": self.verdict.value, "reason": self.reason, "fix": self.fix}


@dataclass(frozen=True, slots=True)
class SmartContext:
    """What else prepcoach knows about the person: all optional."""

    target_role: str = ""
    industry: str = ""
    job_description: str = ""
    # The key terms of the jobs in play: one is matched only whole ("A/B testing" needs both
    # words), so a word of it ("tests") does not make any goal relevant.
    job_terms: tuple[str, ...] = ()
    company: str = ""
    planned_hours: float | None = None  # what the goal's steps add up to
    available_hours: float | None = None  # hours free before the deadline, if already known
    availability: WeeklyAvailability | None = None  # or the weekly hours to count them from
    deadline: dt.date | None = None  # a saved target date: it wins over the words
    date_order: DateOrder | None = None  # "DMY" or "MDY": how the user writes 04/12
    # The day the week plan finishes the goal's steps, other goals' work included (None: not
    # planned, or beyond the plan's horizon): the date to propose when they do not fit.
    planned_finish: dt.date | None = None
    # Hours of the goal's steps the plan can only place after the steps' own due dates (an
    # overdue step, a large step due tomorrow): late against those dates, which is not the
    # goal's deadline, so it is said beside the verdict, never counted against the goal.
    late_step_hours: float = 0.0
    # Hours of the week the plan already gives to other goals' steps, and steps done today
    # used, by day: not free for a goal whose hours are counted from `availability` (a new
    # goal, or one without steps yet). A browser check: "you have 7.5 h before 11 December",
    # with 5.5 h of another goal's steps booked on those days.
    booked: tuple[tuple[dt.date, float], ...] = ()
