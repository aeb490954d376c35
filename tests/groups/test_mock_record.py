"""The answerer records in their own browser: the recorder starts an Attempt the answerer owns,
linked to the peer mock; chunks and finalising are practice's own."""

from pathlib import Path

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import PeerAnswer, PeerMock
from prepcoach.practice.models import Attempt
from tests.groups.conftest import SHARED_TEXT
from tests.practice.conftest import tone_wav


def record(client: Client, mock: PeerMock, audio: bytes) -> Attempt:
    started = client.post(reverse("groups:mock_record", args=[mock.pk, 1])).json()
    assert (
        client.post(f"{started['chunk_url']}/0/", audio, content_type="audio/wav").status_code
        == 201
    )
    assert client.post(started["finalise_url"]).status_code == 200
    return Attempt.objects.get(pk=started["id"])


def test_a_recorded_answer_is_the_answerers_and_the_interviewer_may_play_it(
    alice_client: Client, bob_client: Client, alice: User, peer_mock: PeerMock,
    settings: object, tmp_path: Path,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    audio = tone_wav(1.0)
    attempt = record(alice_client, peer_mock, audio)
    assert attempt.user == alice
    assert attempt.question_text == SHARED_TEXT
    assert Path(attempt.recording.path).read_bytes() == audio  # kept, whatever the analysis says
    answer = PeerAnswer.objects.get(mock=peer_mock)
    assert answer.attempt == attempt
    media = bob_client.get(
        reverse("groups:answer_media", args=[answer.pk]), HTTP_RANGE="bytes=0-99"
    )
    assert media.status_code == 206
    assert media.content == audio[:100]
    page = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert reverse("groups:answer_media", args=[answer.pk]) in page
    # practice's own pages stay the owner's alone.
    assert bob_client.get(reverse("practice:attempt_media", args=[attempt.pk])).status_code == 404


def test_a_retake_replaces_the_answer_shown_and_keeps_the_first(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock, settings: object,
    tmp_path: Path,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    first = record(alice_client, peer_mock, tone_wav(1.0))
    old_answer = PeerAnswer.objects.get(mock=peer_mock)
    second = record(alice_client, peer_mock, tone_wav(1.5))
    assert PeerAnswer.objects.get(mock=peer_mock).attempt == second
    assert Attempt.objects.filter(pk=first.pk).exists()
    assert bob_client.get(reverse("groups:answer_media", args=[old_answer.pk])).status_code == 404


def test_only_the_answerer_records(
    bob_client: Client, carol_client: Client, dave_client: Client, peer_mock: PeerMock
) -> None:
    url = reverse("groups:mock_record", args=[peer_mock.pk, 1])
    for other in (bob_client, carol_client, dave_client):
        assert other.post(url).status_code == 404
    assert not Attempt.objects.exists()
