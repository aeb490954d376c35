"""Readiness's practice on a job's questions counts only first answers: the answer to a
follow-up (`AnswerFacts.follow_up`) answers the interviewer's follow-up, not one of the job's
questions, and its report judges it only on what it asked for. It had been counted among
"2 answers to this job's questions", and could mark a job's question practised when its words
matched one ("What changed, in numbers?" asked in an earlier round). It is counted apart and
said so; it adds nothing to the week's rating, which is of the answers counted.

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt

from prepcoach.coach.answer import measured_rating
from prepcoach.coach.readiness import AnswerFacts, practice_of
from tests.coach.test_follow_up_measured import (
    HARDEST,
    IN_NUMBERS,
    NUMBERS,
    PROCESS,
    WHOLE,
    stored,
)

TODAY = dt.date(2026, 12, 9)  # a Wednesday
MONDAY = dt.date(2026, 12, 7)
LOW = stored("situation", "action")  # a follow-up asking for no part: a figure of its own


def test_follow_ups_are_not_answers_to_the_jobs_questions() -> None:
    # The job's questions: one practised first, and one asked in an earlier round in the
    # words a follow-up uses.
    answers = [
        AnswerFacts(1, TODAY, PROCESS, WHOLE),
        AnswerFacts(2, TODAY, IN_NUMBERS, NUMBERS, follow_up=True),  # asks for a number
        AnswerFacts(3, TODAY, HARDEST, LOW, follow_up=True),  # asks for no part
    ]
    practice = practice_of([PROCESS, IN_NUMBERS], answers)
    assert practice.answers == 1
    assert practice.follow_ups == 2
    assert practice.practised == (PROCESS,)
    assert practice.unpractised == (IN_NUMBERS,)  # a follow-up in its words did not answer it
    assert not practice.done
    # The week's rating is the first answer's alone: the no-part follow-up's figure (lower)
    # is of another question.
    whole = measured_rating(WHOLE, "story")
    assert whole is not None
    assert measured_rating(LOW, "story") not in (None, whole)
    assert practice.points == ((MONDAY, float(whole)),)
    assert practice.words == (
        f"1 answer to this job's questions, not counting 2 answers to follow-ups; the week of "
        f"7 Dec rates {float(whole):.1f} of 5."
    )


def test_a_follow_up_alone_practises_none_of_the_jobs_questions() -> None:
    """A follow-up alone, in the words of the job's question, practises none of them. (An
    attempt whose first answer was deleted, `is_follow_up` kept and `follow_up_to` null, read
    through the page's own path: `tests/dashboard/test_readiness_follow_ups.py`.)"""
    practice = practice_of([IN_NUMBERS], [AnswerFacts(2, TODAY, IN_NUMBERS, NUMBERS, True)])
    assert (practice.answers, practice.follow_ups, practice.practised) == (0, 1, ())
    assert not practice.done
    assert practice.words == (
        "No answer to this job's questions yet, not counting 1 answer to a follow-up."
    )
    # The same words asked first are one of the job's questions answered.
    first = practice_of([IN_NUMBERS], [AnswerFacts(2, TODAY, IN_NUMBERS, NUMBERS)])
    assert (first.answers, first.follow_ups, first.practised) == (1, 0, (IN_NUMBERS,))
    assert first.done
