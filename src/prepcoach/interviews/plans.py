"""Rows to the core's inputs and back: the next interview's countdown, the debriefs owed, the
week's interviews, and a question asked becoming one of the user's own in the bank. Judges
nothing itself (`coach.debrief` does)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import debrief as core
from prepcoach.interviews.models import AskedQuestion, Debrief
from prepcoach.jobs.models import Interview
from prepcoach.practice.models import Question


def interviews_of(user: User) -> QuerySet[Interview]:
    """The user's interviews, each of a job of theirs."""
    return owned_by(Interview.objects.select_related("opportunity"), user).filter(
        opportunity__user=F("user")
    )


@dataclass(frozen=True)
class Upcoming:
    interview: Interview
    countdown: str


@dataclass(frozen=True)
class Owed:
    interview: Interview
    when: str


def next_interview(user: User, now: dt.datetime) -> Upcoming | None:
    """The next interview still to come, with its countdown on `now`'s clock."""
    found = interviews_of(user).filter(starts_at__gt=now).first()
    return Upcoming(found, core.countdown(found.starts_at, now)) if found else None


def debriefs_owed(user: User, now: dt.datetime) -> list[Owed]:
    """Interviews whose debrief the dashboard asks for (within a day, not yet written)."""
    recent = interviews_of(user).filter(
        starts_at__lte=now, starts_at__gt=now - core.DEBRIEF_WINDOW, debrief__isnull=True
    )
    return [
        Owed(i, core.when_words(i.starts_at.astimezone(now.tzinfo), now.date()))
        for i in recent
        if core.debrief_owed(i.starts_at, now, written=False)
    ]


def between(user: User, start: dt.date, end: dt.date, zone: dt.tzinfo) -> list[Interview]:
    """Interviews from `start` up to (not including) `end`, days on the user's clock."""
    first = dt.datetime.combine(start, dt.time(), zone)
    last = dt.datetime.combine(end, dt.time(), zone)
    return list(interviews_of(user).filter(starts_at__gte=first, starts_at__lt=last))


def bank_twin(user: User, text: str) -> Question | None:
    """The question of that text (any case) already in the user's bank, theirs or a starter."""
    text = " ".join(text.split())
    mine = owned_by(Question.objects.all(), user, "owner").filter(text__iexact=text).first()
    return mine or Question.objects.filter(owner__isnull=True, text__iexact=text).first()


def add_to_bank(asked: AskedQuestion) -> tuple[Question, bool]:
    """The question asked, as one of its owner's own questions tagged with the company and
    round; (the existing one, False) when that text is already in their bank."""
    return add_question(asked.debrief.interview, asked.text)


def add_question(interview: Interview, text: str) -> tuple[Question, bool]:
    """A question asked at `interview` (noted in its debrief or found in its transcript) into
    its owner's bank, tagged with the company and round; the existing one when it is there."""
    user, text = interview.user, " ".join(text.split())
    if (twin := bank_twin(user, text)) is not None:
        return twin, False
    local = interview.starts_at
    company = interview.opportunity.company
    try:
        with transaction.atomic():
            made = Question.objects.create(
                owner=user, text=text, company=company[:120],
                interview_round=interview.round_name[:80],
                source=f"{company}, {interview.round_name}, {local:%b %Y}"[:200],
            )  # fmt: skip
    except IntegrityError:  # a second click a moment ago saved it
        twin = bank_twin(user, text)
        assert twin is not None
        return twin, False
    return made, True


def in_bank(user: User, debrief: Debrief) -> dict[int, Question]:
    """Which of a debrief's questions are in the user's bank already (by asked id)."""
    out = {}
    for asked in debrief.questions.all():
        if (twin := bank_twin(user, asked.text)) is not None:
            out[asked.pk] = twin
    return out
