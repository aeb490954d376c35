"""Readiness trends each answer to a job's questions by the figure its report gives: the
answer to a follow-up asking for a part has none (`follow_up_answer.measured_answer`), where
its whole-story figure had pulled the week's mean down. Nor is it one of the job's questions
answered: it had been counted among them (`coach.readiness.practice_of`)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer import measured_rating
from prepcoach.coach.readiness import readiness
from prepcoach.dashboard.readiness import gather
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, WHOLE
from tests.interviews.conftest import add_interview, add_job

ASKED = "Tell me about a time you rescued an audit."


def test_a_follow_ups_answer_adds_no_figure_to_the_trend(alice: User) -> None:
    job = add_job(alice, "Acme")
    question = Question.objects.create(owner=alice, text=ASKED, company="Acme")
    first = Attempt.objects.create(
        user=alice, question=question, question_text=ASKED, status=Attempt.Status.ANALYSED,
        analysis=WHOLE,
    )  # fmt: skip
    Attempt.objects.create(
        user=alice, question=question, question_text=IN_NUMBERS, follow_up_to=first,
        status=Attempt.Status.ANALYSED, analysis=NUMBERS,
    )  # fmt: skip
    interview = add_interview(alice, job, round_name="Final round")
    today = timezone.localdate()
    practice = readiness(gather(alice, interview, today), embedder=None).practice
    # The follow-up's answer is not an answer to one of the job's questions: counted apart.
    assert (practice.answers, practice.follow_ups) == (1, 1)
    assert practice.words.startswith(
        "1 answer to this job's questions, not counting 1 answer to a follow-up;"
    )
    monday = today - dt.timedelta(days=today.weekday())
    assert practice.points == ((monday, float(measured_rating(WHOLE, "story") or 0)),)
    assert measured_rating(NUMBERS, "story") != measured_rating(WHOLE, "story")
