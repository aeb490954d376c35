"""The recorder's start (`practice:recording_start`) takes the job the answer is practised for,
as the typed answer does, so a recorded answer's report reads it against that job's key terms.

- alice: records an answer for her Data analyst job at Acme.
- bob: another job seeker; his job's id sent by alice is ignored.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.access import answer_job
from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question


def start(client: Client, question: Question, **fields: object) -> Attempt:
    response = client.post(
        reverse("practice:recording_start", args=[question.pk]),
        {"mode": "practice", "video": "0", **fields},
    )
    assert response.status_code == 201
    return Attempt.objects.get(pk=response.json()["id"])


def test_the_recorders_start_stores_the_job(
    alice_client: Client, alice: User, question: Question
) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    attempt = start(alice_client, question, job=job.pk)
    assert attempt.status == Attempt.Status.RECORDING
    assert attempt.job == job
    assert answer_job(attempt) == job


def test_bobs_job_sent_by_alice_is_ignored(
    alice_client: Client, bob: User, question: Question
) -> None:
    bobs = Opportunity.objects.create(user=bob, company="Globex", role="Sales lead")
    attempt = start(alice_client, question, job=bobs.pk)
    assert attempt.job is None
    assert answer_job(attempt) is None


def test_a_mocks_answer_is_its_mocks_jobs(
    alice_client: Client, alice: User, question: Question
) -> None:
    acme = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    initech = Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    mock = MockSession.objects.create(user=alice, opportunity=acme, question_ids=[question.pk])
    attempt = start(alice_client, question, mode="mock", session=mock.pk, job=initech.pk)
    assert attempt.job is None  # a mock's answer is read against its mock's job
    assert answer_job(attempt) == acme
