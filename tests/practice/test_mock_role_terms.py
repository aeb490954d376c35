"""A mock set up from a job asks about the role from the job's key terms
(`coach.mock_interview.role_questions`), and says which questions come from them. A new user's
trial: an aseptic pharmacy technician job (field "General": the bank has no pharmacy
questions), set to "Mostly about the role", was asked four generic behavioural questions.

- alice: a job seeker with that job (its advert pasted) and another with no advert.
"""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.mock_interview import TERM_SOURCE, term_of
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import MockSession, Question

pytestmark = pytest.mark.usefixtures("sentence_model")

ADVERT = """Pharmacy Technician – Aseptic Services (Band 5)

Key responsibilities
- Prepare and label cytotoxic and non-cytotoxic products using validated aseptic technique.
- Perform environmental monitoring: settle plates, finger dabs, particle counts.
- Reconcile patients' medicines on admission and counsel patients at discharge.
- Maintain the controlled drugs register in line with the Misuse of Drugs Regulations 2001.
- Report incidents through Datix and take part in root cause analysis.
- Manage stock rotation, cold-chain storage and expiry-date checks.

About you
Essential: sound knowledge of COSHH; accurate pharmaceutical calculations.
Desirable: experience with Omnicell automated dispensing cabinets.
"""
COMPANY = "St Hilda's University Hospitals NHS Foundation Trust"
ROLE = "Pharmacy Technician – Aseptic Services"


@pytest.fixture
def job(alice: User) -> Opportunity:
    return Opportunity.objects.create(
        user=alice, company=COMPANY, role=ROLE, job_description=ADVERT
    )


def start(client: Client, job: Opportunity, mix: str = "role", count: int = 4) -> str:
    """The mock started from the job's page as the trial did; its first page, unescaped."""
    data = {"opportunity": job.pk, "company": job.company, "role": job.role,
            "field": "general", "seniority": "any", "count": str(count), "mix": mix,
            "seconds_per_answer": "120", "speak": "on"}  # fmt: skip
    url = reverse("practice:mock_new") + f"?opportunity={job.pk}"
    return html.unescape(client.post(url, data, follow=True).text)


def test_a_role_mock_for_a_pharmacy_job_asks_about_its_key_terms(
    alice_client: Client, alice: User, job: Opportunity
) -> None:
    first = start(alice_client, job)
    session = MockSession.objects.get()
    assert len(session.question_texts) == 4
    terms = {t.lower() for t in job.key_terms}
    about = [term_of(t) for t in session.question_texts]
    named = [t for t in about if t is not None]
    assert len(named) == 3  # two thirds of four, rounded
    assert {t.lower() for t in named} <= terms
    # Each is alice's own question, marked as written from a job's terms.
    written = Question.objects.filter(owner=alice, source=TERM_SOURCE)
    assert written.count() == 3
    assert "3 of the 4 questions are written from the job's key terms" in first
    # The question's page says which term it comes from; the bank's says nothing.
    for number, term in enumerate(about, start=1):
        page = html.unescape(
            alice_client.get(reverse("practice:mock_question", args=[session.pk, number])).text
        )
        if term is None:
            assert "Written by prepcoach from the job's key term" not in page
        else:
            assert f"Written by prepcoach from the job's key term “{term}”" in page


def test_the_setup_page_says_the_role_questions_come_from_the_job_terms(
    alice_client: Client, job: Opportunity
) -> None:
    page = html.unescape(
        alice_client.get(reverse("practice:mock_new") + f"?opportunity={job.pk}").text
    )
    assert "are written from this job's key terms, such as" in page
    assert "“aseptic technique”" in page


def test_a_job_without_an_advert_falls_back_to_the_bank_and_says_so(
    alice_client: Client, alice: User
) -> None:
    bare = Opportunity.objects.create(user=alice, company=COMPANY, role=ROLE)
    setup = html.unescape(
        alice_client.get(reverse("practice:mock_new") + f"?opportunity={bare.pk}").text
    )
    assert "This job has no advert, so no question about the role is written" in setup
    first = start(alice_client, bare)
    session = MockSession.objects.get()
    assert len(session.question_ids) == 4
    assert all(term_of(t) is None for t in session.question_texts)
    assert not Question.objects.filter(owner=alice, source=TERM_SOURCE).exists()
    assert "This job has no advert" in first


def test_a_behavioural_mix_writes_no_question_from_the_terms(
    alice_client: Client, alice: User, job: Opportunity
) -> None:
    start(alice_client, job, mix="behavioral")
    session = MockSession.objects.get()
    assert all(term_of(t) is None for t in session.question_texts)


def test_a_question_written_for_one_job_is_not_picked_from_the_bank_for_another(
    alice_client: Client, alice: User, job: Opportunity
) -> None:
    start(alice_client, job, count=12)
    written = set(
        Question.objects.filter(owner=alice, source=TERM_SOURCE).values_list("pk", flat=True)
    )
    assert written
    MockSession.objects.all().delete()
    other = Opportunity.objects.create(user=alice, company="Acme", role="Office manager")
    start(alice_client, other, count=12)
    assert not written & set(MockSession.objects.get().question_ids)
