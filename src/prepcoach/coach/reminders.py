"""Reminder e-mails: when one is due, and what it lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.coach.progress import StepState

SEND_FROM_HOUR = 7  # local time: a reminder should greet the morning, not wake anyone


@dataclass(frozen=True, slots=True)
class Digest:
    overdue: tuple[StepState, ...]
    due: tuple[StepState, ...]  # today, or within the week for a weekly reminder

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due)


def reminder_due(frequency: str, now: dt.datetime, last_sent: dt.date | None) -> bool:
    """now is the user's local time. Daily: once a day after 7:00; weekly: Mondays;
    fortnight: a Monday at least 13 days after the last one sent (every other Monday)."""
    today = now.date()
    if frequency == "off" or now.hour < SEND_FROM_HOUR or last_sent == today:
        return False
    if frequency == "weekly":
        return today.weekday() == 0
    if frequency == "fortnight":
        return today.weekday() == 0 and (last_sent is None or (today - last_sent).days >= 13)
    return frequency == "daily"


def digest(steps: Sequence[StepState], today: dt.date, frequency: str) -> Digest:
    window = 7 if frequency == "weekly" else 1
    pending = sorted((s for s in steps if s.done_on is None), key=lambda s: s.due)
    return Digest(
        overdue=tuple(s for s in pending if s.due < today),
        due=tuple(s for s in pending if today <= s.due < today + dt.timedelta(days=window)),
    )
