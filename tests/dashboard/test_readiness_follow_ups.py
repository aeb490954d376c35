"""Readiness trends each answer to a job's questions by the figure its report gives: the
answer to a follow-up asking for a part has none (`follow_up_answer.measured_answer`), where
its whole-story figure had pulled the week's mean down. Nor is it one of the job's questions
answered: it had been counted among them (`coach.readiness.practice_of`)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer import measured_rating
from prepcoach.coach.readiness import readiness
from prepcoach.dashboard.readiness import gather
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE
from tests.interviews.conftest import add_debrief, add_interview, add_job

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


def practice_section(client: Client, interview_id: int) -> str:
    page = client.get(f"/ready/{interview_id}/")
    assert page.status_code == 200
    return page.text.split('id="practice"')[1].split("</section>")[0]


def test_another_jobs_follow_up_in_the_same_words_is_not_this_jobs(
    alice_client: Client, alice: User
) -> None:
    """Follow-ups' words are generic ("What changed, in numbers?"): one asked in a mock for
    Initech matched Acme's question of the same words and was said on Acme's page as "not
    counting 1 answer to a follow-up". By its words, only a first answer is the job's."""
    acme, initech = add_job(alice, "Acme"), add_job(alice, "Initech")
    mock = MockSession.objects.create(user=alice, opportunity=initech)
    first = Attempt.objects.create(
        user=alice, session=mock, mode="mock", question_text=PROCESS,
        status=Attempt.Status.ANALYSED, analysis=WHOLE,
    )  # fmt: skip
    Attempt.objects.create(
        user=alice, session=mock, mode="mock", question_text=IN_NUMBERS, follow_up_to=first,
        status=Attempt.Status.ANALYSED, analysis=NUMBERS,
    )  # fmt: skip
    screen = add_interview(alice, acme, hours=-200, round_name="Phone screen")
    add_debrief(screen, IN_NUMBERS)  # Acme asked it first, in the same words
    interview = add_interview(alice, acme, round_name="Final round")
    section = practice_section(alice_client, interview.pk)
    assert "No answer to this job&#x27;s questions yet." in section
    assert "follow-up" not in section
    # Initech's own mock still brings it to Initech's page, counted apart.
    theirs = practice_section(alice_client, add_interview(alice, initech).pk)
    assert "1 answer to this job&#x27;s questions, not counting 1 answer to a follow-up" in theirs


def test_a_follow_up_whose_first_answer_was_deleted_practises_none_of_the_jobs_questions(
    alice_client: Client, alice: User
) -> None:
    """Saved as one whose first answer was deleted (`is_follow_up`, no `follow_up_to`), as
    `practice.evidence.answer_facts` reads it: in the words of one of the job's questions, it
    still answers none of them, and is counted apart."""
    job = add_job(alice, "Acme")
    asked = Question.objects.create(owner=alice, text=IN_NUMBERS, company="Acme")
    orphan = Attempt.objects.create(
        user=alice, question=asked, question_text=IN_NUMBERS, is_follow_up=True,
        status=Attempt.Status.ANALYSED, analysis=NUMBERS,
    )  # fmt: skip
    assert (orphan.follow_up_to_id, orphan.is_follow_up) == (None, True)
    interview = add_interview(alice, job, round_name="Final round")
    section = practice_section(alice_client, interview.pk)
    assert (
        "No answer to this job&#x27;s questions yet, not counting 1 answer to a follow-up."
        in section
    )
    assert f"Not practised yet:</p><ul><li>{IN_NUMBERS}</li>" in section


def test_a_job_without_questions_still_says_its_follow_ups(
    alice_client: Client, alice: User
) -> None:
    """A job with no questions yet, its one answer a follow-up practised for it (its first
    answer deleted): "No questions for this job yet" had hidden it."""
    job = add_job(alice, "Acme")
    Attempt.objects.create(
        user=alice, job=job, question_text=IN_NUMBERS, is_follow_up=True,
        status=Attempt.Status.ANALYSED, analysis=NUMBERS,
    )  # fmt: skip
    interview = add_interview(alice, job, round_name="Final round")
    section = practice_section(alice_client, interview.pk)
    assert (
        "No questions for this job yet (not counting 1 answer to a follow-up). <a href=" in section
    )
