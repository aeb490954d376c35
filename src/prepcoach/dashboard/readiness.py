"""Rows to `coach.readiness`'s plain inputs for one interview: the job's facts, the user's
stories, the job's questions (asked at it, tagged with its company, in its mocks) and the
answers to them, the open improvement areas, and the earlier rounds with their debriefs and
the questions found in their transcripts.
Judges nothing itself."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.interview_transcript import TranscriptError
from prepcoach.coach.readiness import (
    AnswerFacts,
    OpenArea,
    Readiness,
    ReadinessFacts,
    RoundFacts,
    readiness,
)
from prepcoach.coach.stories import read_bank
from prepcoach.interviews.models import Debrief
from prepcoach.interviews.transcripts import reading_of
from prepcoach.jobs.models import Interview
from prepcoach.jobs.schedule import interviews_of
from prepcoach.practice.evidence import answer_facts, areas_of
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.reflection.models import Story


def _heard(interview: Interview) -> tuple[list[tuple[str, str]], int]:
    """The questions found in the interview's transcripts (how the answer went is not said),
    and how many of its transcripts read."""
    out, read = [], 0
    for saved in interview.transcripts.all():
        try:
            out += [(pair.question, "") for pair in reading_of(saved).pairs]
        except TranscriptError:  # read when it was saved; a text that no longer reads adds none
            continue
        read += 1
    return out, read


def _round(interview: Interview) -> RoundFacts:
    day = timezone.localtime(interview.starts_at).date()
    found = Debrief.objects.filter(interview=interview).first()
    heard, read = _heard(interview)
    if found is None:
        return RoundFacts(
            interview.pk, interview.round_name, day, False, asked=tuple(heard), transcripts=read
        )
    return RoundFacts(
        interview.pk, interview.round_name, day, debriefed=True,
        outcome=found.get_outcome_display(), went_well=found.went_well,
        went_badly=found.went_badly, feedback=found.feedback,
        asked=tuple((a.text, a.went) for a in found.questions.all()) + tuple(heard),
        transcripts=read,
    )  # fmt: skip


def earlier_rounds(user: User, interview: Interview) -> list[RoundFacts]:
    before = interviews_of(user).filter(
        opportunity=interview.opportunity, starts_at__lt=interview.starts_at
    )
    return [_round(i) for i in before]


def gather(user: User, interview: Interview, today: dt.date) -> ReadinessFacts:
    job = interview.opportunity
    stories = owned_by(Story.objects.all(), user)
    earlier = earlier_rounds(user, interview)
    tagged = owned_by(Question.objects.all(), user, "owner").filter(company__iexact=job.company)
    mocks = owned_by(MockSession.objects.filter(opportunity=job), user)
    questions = [q.text for q in tagged] + [t for m in mocks for t in m.question_texts]
    questions += [q for r in earlier for q, _ in r.asked]
    questions = list(dict.fromkeys(" ".join(q.split()) for q in questions if q.strip()))
    answered = owned_by(Attempt.objects.all(), user).filter(
        # An answer practised for the job in free practice (`Attempt.job`) is practice for it.
        Q(session__opportunity=job)
        | Q(job=job)
        | Q(question__in=tagged)
        # By its words only a first answer: a follow-up's are generic ("What changed, in
        # numbers?") and matched the job's questions, bringing another job's follow-ups in.
        | Q(question_text__in=questions, is_follow_up=False),
        status=Attempt.Status.ANALYSED,
    )
    found = areas_of(user, today)
    # Why each answer could not be read, if it could not (its analysis's `cannot_tell`): no
    # practice of its question (`coach.readiness.practice_of`); the kept evidence has no such key.
    unread: dict[object, str] = {
        pk: str(why or "") for pk, why in answered.values_list("pk", "analysis__cannot_tell")
    }
    return ReadinessFacts(
        today=today,
        facts=[f.text for f in job.facts.order_by("-created_at", "-pk")],
        fact_target=job.fact_target,
        # A story prepcoach cannot read covers nothing by its words (`coach.stories.BankReading`).
        stories=list(read_bank(s.saved for s in stories).for_coverage),
        values=job.value_list,
        terms=job.key_terms,
        optional_terms=job.optional_terms,
        job_questions=questions,
        answers=[
            # Each answer's evidence, its own question's words (a follow-up's are the
            # follow-up's) and whether it answers a follow-up: what
            # `follow_up_answer.measured_answer` measures it by.
            AnswerFacts(a.ref, a.when, a.question, a.analysis, a.follow_up, unread.get(a.ref, ""))
            for a in answer_facts(answered.order_by("created_at"))
        ],
        areas=[OpenArea(a.key, a.title, a.rule, a.key in found.working_on) for a in found.areas],
        areas_read=found.answers + found.debriefs,
        earlier=earlier,
        my_questions=[q.strip() for q in job.my_questions.splitlines() if q.strip()],
    )


def readiness_of(user: User, interview: Interview, today: dt.date) -> Readiness:
    return readiness(gather(user, interview, today))
