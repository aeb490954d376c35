"""A user's interviews on their clock: the next one's countdown (dashboard, Plan, week) and the
week's interviews (Plan). Every step reads them here, so Plan does not import the debriefs'
app. Judges nothing itself (`coach.debrief` does). A date typed into the job's form becomes an
interview here too (`add_dated`), so the week, the countdown and the debrief see it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, QuerySet

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import debrief as core
from prepcoach.jobs.models import Interview, Opportunity

# A date typed without a time (the job's form) is an interview at this hour on the user's
# clock, said when it is made, until its page is given the real time. The data migration that
# made the dates typed before into interviews (jobs 0002) uses the same hour and words.
DATED_TIME = dt.time(9, 0)
DATED_ROUND = "Interview"


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


def add_dated(job: Opportunity, days: Iterable[dt.date], zone: dt.tzinfo) -> list[Interview]:
    """An interview of `job` on each day that has none of its interviews yet (days on the
    user's clock, `zone`), at `DATED_TIME`; the ones made, earliest first."""
    made = []
    for day in sorted(set(days)):
        if not job.interviews.filter(
            starts_at__gte=dt.datetime.combine(day, dt.time(), zone),
            starts_at__lt=dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone),
        ).exists():
            made.append(
                Interview.objects.create(
                    user=job.user,
                    opportunity=job,
                    round_name=DATED_ROUND,
                    starts_at=dt.datetime.combine(day, DATED_TIME, zone),
                    format=Interview.Format.OTHER,
                )
            )
    return made
