"""An answer in a mock for a job is checked against the job's key terms as its owner corrected
them (`jobs.Opportunity.key_terms`), not the extractor's list read afresh from the advert: the
job page says "Your answers in mock interviews for this job are checked for these words", and
a review found the analysis still read the uncorrected list.

- alice: removed the junk term "English" from her Reporting analyst job and added the skill
  "stakeholder management" the extractor missed; she answers a question in a mock for it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.interview_transcript import Pair
from prepcoach.coach.keywords import key_terms
from prepcoach.interviews.transcripts import read_answer
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.practice.tasks import analyse_attempt
from tests.research.test_key_terms import ADVERT, JUNK, MISSED

ANSWER = (
    "When our admissions reports kept arriving late, I took over the weekly SQL report. I spent "
    "time on stakeholder management with the ward managers, explaining the figures in plain "
    "English, and rebuilt the Tableau dashboard. Reports now arrive two days earlier."
)

pytestmark = pytest.mark.usefixtures("sentence_model")


def corrected_job(alice: User) -> Opportunity:
    job = Opportunity.objects.create(
        user=alice, company="Acme Health", role="Reporting analyst", job_description=ADVERT
    )
    assert JUNK in key_terms(ADVERT, company=job.company, title=job.role)
    job.remove_term(JUNK)
    job.add_term(MISSED)
    job.save()
    return job


def test_the_mock_answer_is_checked_against_the_corrected_terms(alice: User) -> None:
    job = corrected_job(alice)
    question = Question.objects.create(
        owner=alice, text="Tell me about a time you improved a report for the people using it."
    )
    session = MockSession.objects.create(
        user=alice, opportunity=job, question_ids=[question.pk], question_texts=[question.text]
    )
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text=ANSWER,
        session=session, status=Attempt.Status.QUEUED,
    )  # fmt: skip
    assert analyse_attempt.call(attempt.pk) == "analysed"
    attempt.refresh_from_db()
    keywords = attempt.analysis["keywords"]
    judged = [*keywords["used"], *keywords["missed"]]
    assert MISSED in keywords["used"]  # added by alice, and said
    assert JUNK not in judged  # removed by alice, though said
    assert set(judged) == set(job.key_terms)


def test_a_real_interviews_answer_is_read_against_the_corrected_terms_too(alice: User) -> None:
    job = corrected_job(alice)
    interview = Interview.objects.create(
        user=alice, opportunity=job, round_name="First round",
        starts_at=timezone.now() - dt.timedelta(days=1),
    )  # fmt: skip
    pair = Pair("How did you improve a report?", "How did you improve a report?", (), ANSWER,
                None, None)  # fmt: skip
    keywords = read_answer(interview, pair)["keywords"]
    assert MISSED in keywords["used"]
    assert JUNK not in [*keywords["used"], *keywords["missed"]]
