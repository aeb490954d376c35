"""The pre-interview card: the few things to read in the last 15 minutes, printable and
phone-sized; each empty part says what to add; owner only."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Fact
from prepcoach.reflection.models import Story
from tests.interviews.conftest import add_debrief, add_interview, add_job


def url(interview_id: int) -> str:
    return f"/ready/{interview_id}/card/"


def test_an_empty_card_says_what_to_add(alice_client: Client, alice: User) -> None:
    job = add_job(alice, "Acme")
    interview = add_interview(alice, job, interviewers="Ana Lee, Head of Data\nSam Roe")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "<h1>Acme: First round</h1>" in page
    assert "With</span> Ana Lee, Head of Data; Sam Roe" in page
    assert f'<a href="/grow/jobs/{job.pk}/research/">Add a few about Acme</a>' in page
    assert "No story matches their values or the job's terms yet." in page
    assert f'href="/ready/{interview.pk}/#likely">See why</a>' in page
    assert "No questions of yours noted." in page
    assert "prepcoach/css/card.css" in page


def test_a_full_card(alice_client: Client, alice: User) -> None:
    job = add_job(alice, "Acme")
    job.job_description = "We need a data analyst with strong SQL skills."
    job.my_questions = "What does success look like in six months?\nWho would I work with?"
    job.logistics = "Bring ID to reception"
    job.save()
    Fact.objects.create(opportunity=job, text="Acme serves 40 clinics", source="site")
    Story.objects.create(user=alice, title="Audit rescue", action="I rebuilt the reports in SQL.")
    add_debrief(add_interview(alice, job, hours=-100, round_name="Phone screen"), "Why Acme?")
    page = alice_client.get(url(add_interview(alice, job).pk)).content.decode()
    assert "<li>Acme serves 40 clinics</li>" in page
    assert '<strong>Audit rescue</strong> <span class="meta">for SQL</span>' in page
    assert "<li>Why Acme?</li>" in page
    assert "<li>What does success look like in six months?</li>" in page
    assert "Bring ID to reception" in page


def test_bob_gets_404(client: Client, alice: User, bob: User) -> None:
    interview = add_interview(alice, add_job(alice, "Secret Co"))
    client.force_login(bob)
    response = client.get(url(interview.pk))
    assert response.status_code == 404
    assert "Secret Co" not in response.content.decode()
