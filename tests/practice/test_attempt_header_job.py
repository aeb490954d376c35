"""The answer page's header line: what kind of answer it is and, for one practised for a job,
which job it was read against.

- alice: practises a question for her Payroll administrator job; another answer for no job.
- bob: has a job of his own, named on none of alice's answers.

A trial's answer practised for a payroll job was headed "Free practice" above a report of that
job's key terms, as if no job had been read."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, Question

QUESTION = "Tell me about the payroll work you have done."


def header(client: Client, attempt: Attempt) -> str:
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(r"</h1>\s*<p class=\"meta\">(.*?)</p>", page, re.S)
    assert found is not None, "no header line under the question"
    return found[1]


def test_an_answer_practised_for_a_job_names_the_job(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(
        user=alice, company="Harbourside", role="Payroll administrator"
    )
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION, job=job)
    line = header(alice_client, attempt)
    assert "Practice for" in line
    assert f'href="{reverse("research:opportunity", args=[job.pk])}"' in line
    assert str(job) in line
    assert "Free practice" not in line


def test_an_answer_for_no_job_is_free_practice(alice_client: Client, alice: User) -> None:
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION)
    line = header(alice_client, attempt)
    assert "Free practice" in line
    assert "Practice for" not in line


def test_another_persons_job_is_never_named(alice_client: Client, alice: User, bob: User) -> None:
    # A row pointing at bob's job (a bug or an import) reads as no job (`access.answer_job`).
    his = Opportunity.objects.create(user=bob, company="Bob's firm", role="Secret role")
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION, job=his)
    line = header(alice_client, attempt)
    assert "Secret role" not in line
    assert "Free practice" in line


def test_a_drill_for_a_job_keeps_its_mode(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(
        user=alice, company="Harbourside", role="Payroll administrator"
    )
    attempt = Attempt.objects.create(
        user=alice, question_text=QUESTION, job=job, mode=Attempt.Mode.DRILL
    )
    line = header(alice_client, attempt)
    assert line.startswith("Drill for <a href=")
    assert str(job) in line


def test_the_answer_lists_name_the_job_too(alice_client: Client, alice: User, bob: User) -> None:
    # The trial's Improve page and question page listed its job answers as "Free practice".
    job = Opportunity.objects.create(
        user=alice, company="Harbourside", role="Payroll administrator"
    )
    question = Question.objects.create(owner=alice, text=QUESTION)
    Attempt.objects.create(user=alice, question=question, question_text=QUESTION, job=job)
    his = Opportunity.objects.create(user=bob, company="Bob's firm", role="Secret role")
    Attempt.objects.create(user=alice, question=question, question_text=QUESTION, job=his)
    for url in (reverse("practice:index"), reverse("practice:question", args=[question.pk])):
        page = alice_client.get(url).text
        assert f"Practice for {job}" in page
        assert "Free practice" in page  # the row pointing at bob's job reads as no job
        assert "Secret role" not in page
