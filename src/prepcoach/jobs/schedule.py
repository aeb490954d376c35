"""A user's interviews on their clock: the next one's countdown (dashboard, Plan, week) and the
week's interviews (Plan). Every step reads them here, so Plan does not import the debriefs'
app. Judges nothing itself (`coach.debrief` does)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, QuerySet

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import debrief as core
from prepcoach.jobs.models import Interview


def interviews_of(user: User) -> QuerySet[Interview]:
    """The user's interviews, each of a job of theirs."""
    return owned_by(Interview.objects.select_related("opportunity"), user).filter(
        opportunity__user=F("user")
    )


@dataclass(frozen=True)
class Upcoming:
    interview: Interview
    countdown: str


def next_interview(user: User, now: dt.datetime) -> Upcoming | None:
    """The next interview still to come, with its countdown on `now`'s clock."""
    found = interviews_of(user).filter(starts_at__gt=now).first()
    return Upcoming(found, core.countdown(found.starts_at, now)) if found else None


def between(user: User, start: dt.date, end: dt.date, zone: dt.tzinfo) -> list[Interview]:
    """Interviews from `start` up to (not including) `end`, days on the user's clock."""
    first = dt.datetime.combine(start, dt.time(), zone)
    last = dt.datetime.combine(end, dt.time(), zone)
    return list(interviews_of(user).filter(starts_at__gte=first, starts_at__lt=last))
