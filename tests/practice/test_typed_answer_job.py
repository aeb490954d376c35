"""A typed answer in free practice is read against the job it was practised for ("Practising
for" on the question's page), as a mock's answer is against its mock's job. A new user's trial:
an answer to a question from the bank could not be tied to a job, so its report had no
key-terms card.

- alice: practises for her Data analyst job at Acme, whose key terms she corrected (removed the
  junk "English", added "stakeholder management").
- bob: another job seeker with his own job; alice's answer must never be read against it.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, Question
from tests.research.test_key_terms import ADVERT, JUNK, MISSED

pytestmark = pytest.mark.usefixtures("sentence_model")

ANSWER = (
    "When our admissions reports kept arriving late, I took over the weekly SQL report. I spent "
    "time on stakeholder management with the ward managers, explaining the figures in plain "
    "English, and rebuilt the Tableau dashboard. Reports now arrive two days earlier."
)


@pytest.fixture
def job(alice: User) -> Opportunity:
    made = Opportunity.objects.create(
        user=alice, company="Acme", role="Data analyst", job_description=ADVERT
    )
    made.remove_term(JUNK)
    made.add_term(MISSED)
    made.save()
    return made


@pytest.fixture
def bobs_job(bob: User) -> Opportunity:
    return Opportunity.objects.create(
        user=bob, company="Globex", role="Sales lead", job_description=ADVERT
    )


def answer(client: Client, question: Question, **fields: object) -> Attempt:
    """Alice's typed answer, saved and analysed (the tests' tasks run at once)."""
    response = client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": ANSWER, **fields}
    )
    assert response.status_code == 302
    attempt = Attempt.objects.latest("created_at")
    assert attempt.status == Attempt.Status.ANALYSED
    return attempt


def terms_card(client: Client, attempt: Attempt) -> str | None:
    """The report's key-terms card, tags dropped, or None when the report has none."""
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(
        r'<section class="card" aria-labelledby="terms-title">(.*?)</section>', page, re.S
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1])).strip() if found else None


def test_the_report_reads_alices_answer_against_the_job_she_chose(
    alice_client: Client, question: Question, job: Opportunity
) -> None:
    attempt = answer(alice_client, question, job=job.pk)
    assert attempt.job == job
    keywords = attempt.analysis["keywords"]
    assert MISSED in keywords["used"]  # her own term, said
    assert JUNK not in [*keywords["used"], *keywords["missed"]]  # removed by her
    assert set(keywords["used"]) | set(keywords["missed"]) == set(job.key_terms)
    card = terms_card(alice_client, attempt)
    assert card is not None, "no key-terms card"
    assert card.startswith("Key terms of Data analyst at Acme")
    assert MISSED in card


def test_without_a_job_chosen_the_report_has_no_key_terms_card(
    alice_client: Client, question: Question, job: Opportunity
) -> None:
    attempt = answer(alice_client, question, job="")
    assert attempt.job is None
    keywords = attempt.analysis["keywords"]
    assert keywords["used"] == keywords["missed"] == []
    assert terms_card(alice_client, attempt) is None


def test_bobs_job_posted_by_alice_is_not_used(
    alice_client: Client, question: Question, bobs_job: Opportunity
) -> None:
    attempt = answer(alice_client, question, job=bobs_job.pk)
    assert attempt.job is None  # ignored: the answer is saved for no job, never refused
    keywords = attempt.analysis["keywords"]
    assert keywords["used"] == keywords["missed"] == []
    assert terms_card(alice_client, attempt) is None


def test_analyse_again_keeps_the_job(
    alice_client: Client, question: Question, job: Opportunity
) -> None:
    attempt = answer(alice_client, question, job=job.pk)
    alice_client.post(reverse("practice:attempt_reanalyse", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED
    assert attempt.job == job
    assert MISSED in attempt.analysis["keywords"]["used"]
    card = terms_card(alice_client, attempt)
    assert card is not None
    assert card.startswith("Key terms of Data analyst at Acme")


def test_a_deleted_job_leaves_the_answer_and_its_report(
    alice_client: Client, question: Question, job: Opportunity
) -> None:
    attempt = answer(alice_client, question, job=job.pk)
    job.delete()
    attempt.refresh_from_db()  # kept, for no job now
    assert attempt.job is None
    assert MISSED in attempt.analysis["keywords"]["used"]  # its report as it was read
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    card = terms_card(alice_client, attempt)
    assert card is not None
    assert card.startswith("The job's key terms")  # the job is gone: not named
    alice_client.post(reverse("practice:attempt_reanalyse", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED  # read again, for no job


def test_a_refused_answer_comes_back_with_the_job_still_chosen(
    alice_client: Client, question: Question, job: Opportunity
) -> None:
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": "", "job": job.pk}
    )
    assert response.status_code == 422
    assert re.search(rf'<option value="{job.pk}" selected>Data analyst at Acme</option>',
                     response.text)  # fmt: skip
    assert not Attempt.objects.exists()
