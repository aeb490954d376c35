"""Deleting an interview deletes its debrief; questions already in the bank stay."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.interviews.models import Debrief
from prepcoach.jobs.models import Interview
from prepcoach.practice.models import Question
from tests.interviews.conftest import add_debrief, add_interview


def test_alice_deletes_an_interview(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    asked = add_debrief(interview, "Why us?").questions.get()
    alice_client.post(f"/interviews/asked/{asked.pk}/bank/")
    response = alice_client.post(f"/interviews/{interview.pk}/delete/", follow=True)
    assert "Interview deleted, with its debrief" in response.content.decode()
    assert not Interview.objects.exists()
    assert not Debrief.objects.exists()
    assert Question.objects.filter(owner=alice, text="Why us?").exists()


def test_get_deletes_nothing_and_bob_cannot(client: Client, alice: User, bob: User) -> None:
    interview = add_interview(alice)
    client.force_login(alice)
    assert client.get(f"/interviews/{interview.pk}/delete/").status_code == 405
    client.force_login(bob)
    assert client.post(f"/interviews/{interview.pk}/delete/").status_code == 404
    assert Interview.objects.filter(pk=interview.pk).exists()


def test_deleting_the_job_deletes_its_interviews(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice)
    response = alice_client.post(f"/grow/jobs/{interview.opportunity_id}/delete/", follow=True)
    assert "with its interviews and their debriefs" in response.content.decode()
    assert not Interview.objects.exists()
