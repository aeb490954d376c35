"""A user's interviews on their clock: the next one's countdown (dashboard, Plan, week) and the
week's interviews (Plan). Every step reads them here, so Plan does not import the debriefs'
app. Judges nothing itself (`coach.debrief` does). A date typed into the job's form becomes an
interview here too (`add_dated`), so the week, the countdown and the debrief see it, and a
date changed in it moves its interview (`move_dated`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.utils import timezone

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


def next_interview(user: User, now: dt.datetime, job: Opportunity | None = None) -> Upcoming | None:
    """The next interview still to come (of `job`, when given), with its countdown on `now`'s
    clock."""
    ahead = interviews_of(user).filter(starts_at__gt=now)
    if job is not None:
        ahead = ahead.filter(opportunity=job)
    found = ahead.first()
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


def move_dated(
    job: Opportunity,
    taken_out: Iterable[dt.date],
    typed: Iterable[dt.date],
    zone: dt.tzinfo,
    now: dt.datetime,
) -> list[tuple[dt.date, dt.date]]:
    """The job's form edited "Thu 10 Dec" to "Fri 11 Dec": when one day is taken out of its
    dates box and one new day typed, the interviews on that day move to the new one, each at
    its own time of day on the user's clock (`zone`), its round, format
    and the rest kept. A day taken out moves only when each of the job's interviews on it is
    still ahead of `now` and has no debrief, and a day typed only when the job has none that
    day; the others are left as they are (`add_dated` and the form's `kept` say what
    happens). The pairs moved (from, to), earliest first."""
    interviews = job.interviews.filter(user_id=job.user_id)
    # Named by its reverse name, not imported: the debriefs' app is downstream of jobs.
    debriefed = set(interviews.filter(debrief__isnull=False).values_list("pk", flat=True))
    on_day: dict[dt.date, list[Interview]] = {}
    for interview in interviews:
        on_day.setdefault(timezone.localtime(interview.starts_at, zone).date(), []).append(
            interview
        )
    movable = [
        day
        for day in sorted(set(taken_out))
        if day in on_day and all(i.starts_at > now and i.pk not in debriefed for i in on_day[day])
    ]
    free = [day for day in sorted(set(typed)) if day not in on_day]
    if len(set(taken_out)) != 1 or len(movable) != 1 or len(free) != 1:
        # One day changed is a move; with more, which day was meant to go where is a guess
        # (earliest with earliest sent "10 Dec -> 11 Dec, and add 7 Dec" to 7 Dec, with the
        # 10 Dec interview's time and round), so nothing moves and the form says what it kept.
        return []
    moved = [(movable[0], free[0])]
    for old, new in moved:
        for interview in on_day[old]:
            at = timezone.localtime(interview.starts_at, zone).time()
            interview.starts_at = dt.datetime.combine(new, at, zone)
            interview.save(update_fields=["starts_at"])
    return moved
