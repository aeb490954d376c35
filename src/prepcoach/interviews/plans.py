"""Rows to the core's inputs and back: the debriefs owed and a question asked becoming one of
the user's own in the bank (the interviews themselves are read through `jobs.schedule`). Judges
nothing itself (`coach.debrief` does)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import debrief as core
from prepcoach.interviews.models import AskedQuestion, Debrief
from prepcoach.jobs.models import Interview
from prepcoach.jobs.schedule import interviews_of
from prepcoach.practice.models import Question


@dataclass(frozen=True)
class Owed:
    interview: Interview
    when: str


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
