"""Picking or correcting who the user was in a transcript: the pairs and readings follow."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.interviews.models import Transcript
from tests.interviews.conftest import add_interview, add_transcript
from tests.interviews.test_transcript import PANEL


def url(transcript_id: int) -> str:
    return f"/interviews/transcripts/{transcript_id}/speaker/"


def test_picking_yourself_shows_your_answers(alice_client: Client, alice: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3), PANEL)
    response = alice_client.post(url(transcript.pk), {"speaker": "Lee"}, follow=True)
    page = response.content.decode()
    assert "You are Lee. 2 questions found, each with your answer." in page
    assert "You are <strong>Lee</strong>; asking: Kim." in page
    assert "as you said" in page
    assert "<strong>How are you?</strong>" in page
    saved = Transcript.objects.get()
    assert saved.speaker == "Lee"
    assert len(saved.readings) == 2
    alice_client.post(url(transcript.pk), {"speaker": "Kim"})
    saved.refresh_from_db()
    assert saved.speaker == "Kim"
    assert len(saved.readings) == 1  # Kim answers one question (Lee's two are dropped)


def test_a_name_not_in_it_changes_nothing(alice_client: Client, alice: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3), PANEL)
    response = alice_client.post(url(transcript.pk), {"speaker": "Zed"}, follow=True)
    assert "Pick one of the speakers named in the transcript." in response.content.decode()
    assert Transcript.objects.get().speaker == ""


def test_bob_cannot_and_get_is_refused(client: Client, alice: User, bob: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3), PANEL)
    client.force_login(bob)
    assert client.post(url(transcript.pk), {"speaker": "Lee"}).status_code == 404
    client.force_login(alice)
    assert client.get(url(transcript.pk)).status_code == 405
    assert Transcript.objects.get().speaker == ""
