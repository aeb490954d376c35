"""Deleting a transcript: questions already in the bank stay; owner only, POST only."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.interviews.models import Transcript
from prepcoach.practice.models import Question
from tests.interviews.conftest import add_interview, add_transcript


def test_alice_deletes_it_and_her_bank_keeps_the_questions(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    transcript = add_transcript(interview)
    alice_client.post(f"/interviews/transcripts/{transcript.pk}/bank/0/")
    response = alice_client.post(f"/interviews/transcripts/{transcript.pk}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == f"/interviews/{interview.pk}/"
    assert "Transcript deleted. Questions already in your bank stay." in response.content.decode()
    assert not Transcript.objects.exists()
    assert Question.objects.filter(owner=alice).count() == 1


def test_bob_cannot_and_get_deletes_nothing(client: Client, alice: User, bob: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3))
    client.force_login(bob)
    assert client.post(f"/interviews/transcripts/{transcript.pk}/delete/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/interviews/transcripts/{transcript.pk}/delete/").status_code == 405
    assert Transcript.objects.exists()
