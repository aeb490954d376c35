"""How many hours a person can give to interview preparation on each day of the week.

The planner schedules work into these hours; the SMART check's "attainable" verdict compares
what a plan needs with what they add up to before a deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_HOURS_PER_DAY = 16.0  # leaves eight hours for sleep: anything above is a typo, not a plan


# What the profile offers someone who has not said yet: an hour each weekday evening and two on
# each weekend day (nine a week, about what a working person preparing for interviews can keep
# up). Only offered: nothing is planned into it until they save it.
SUGGESTED_HOURS = (1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0)


class AvailabilityError(ValueError):
    """Hours that cannot describe a real week."""


@dataclass(frozen=True, slots=True)
class WeeklyAvailability:
    """Hours available on Monday … Sunday, in that order (date.weekday() indexes it)."""

    hours: tuple[float, ...] = (0.0,) * 7

    def __post_init__(self) -> None:
        if len(self.hours) != 7:
            raise AvailabilityError(f"A week has 7 days; got {len(self.hours)} values.")
        for day, value in zip(WEEKDAYS, self.hours, strict=True):
            if not 0 <= value <= MAX_HOURS_PER_DAY:
                raise AvailabilityError(
                    f"{day}: {value:g} hours is outside 0 to {MAX_HOURS_PER_DAY:g}."
                )

    @classmethod
    def from_list(cls, values: list[float] | tuple[float, ...] | None) -> WeeklyAvailability:
        """Build from stored values; None or an empty list means nothing planned yet."""
        if not values:
            return cls()
        return cls(tuple(float(v) for v in values))

    @property
    def per_week(self) -> float:
        return sum(self.hours)

    @property
    def is_empty(self) -> bool:
        return self.per_week == 0

    def on(self, day: dt.date) -> float:
        return self.hours[day.weekday()]

    def between(self, start: dt.date, end: dt.date) -> float:
        """Hours available from start to end, both days included; 0 if end is before start."""
        days = (end - start).days + 1
        if days <= 0:
            return 0.0
        full_weeks, rest = divmod(days, 7)
        total = full_weeks * self.per_week
        for offset in range(rest):
            total += self.on(start + dt.timedelta(days=full_weeks * 7 + offset))
        return total
