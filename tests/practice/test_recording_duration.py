"""A recording's real (decoded) length is checked against RECORDING_MAX_SECONDS when it is
joined, when "Analyse again" is asked, and by the worker before decoding: the chunk count alone
lets one chunk carry 45 minutes. Over the limit the answer fails with the reason and the file
is kept; nothing is queued."""

from __future__ import annotations

import io
import json
from pathlib import Path

import av
import numpy as np
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import analyse_attempt

MESSAGE = "plays for 12 min 00 s, over the 10-minute limit"


def long_ogg(seconds: int) -> bytes:
    """A real Ogg/Opus recording of silence at 6 kbit/s: long, but small enough for one chunk."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=48_000)
        stream.layout = "mono"
        stream.bit_rate = 6_000
        silence = np.zeros((1, 48_000), dtype=np.float32)
        for second in range(seconds):
            frame = av.AudioFrame.from_ndarray(silence, format="flt", layout="mono")
            frame.sample_rate, frame.pts = 48_000, second * 48_000
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def twelve_minutes() -> bytes:
    return long_ogg(12 * 60)


def recorded(client: Client, question: Question, data: bytes) -> tuple[dict[str, str], object]:
    started = client.post(reverse("practice:recording_start", args=[question.pk]), {}).json()
    sent = client.post(f"{started['chunk_url']}/0/", data, content_type="application/octet-stream")
    assert sent.status_code == 201  # one chunk: well within the chunk count and the size limit
    return started, client.post(started["finalise_url"])


def test_a_long_recording_in_one_chunk_is_refused_when_joined_and_kept(
    alice_client: Client, alice: User, question: Question, twelve_minutes: bytes
) -> None:
    assert settings.RECORDING_MAX_SECONDS == 600
    assert len(twelve_minutes) < settings.RECORDING_MAX_BYTES // 100
    _, done = recorded(alice_client, question, twelve_minutes)
    assert done.status_code == 422  # type: ignore[attr-defined]
    assert MESSAGE in done.json()["message"]  # type: ignore[attr-defined]
    attempt = Attempt.objects.get(user=alice)
    assert (attempt.status, attempt.queued_at) == ("failed", None)
    assert MESSAGE in attempt.failure
    assert Path(attempt.recording.path).read_bytes() == twelve_minutes  # the file is kept
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert MESSAGE in page


def test_analyse_again_refuses_it_on_the_page_and_the_api(
    alice_client: Client, alice: User, question: Question, twelve_minutes: bytes
) -> None:
    recorded(alice_client, question, twelve_minutes)
    attempt = Attempt.objects.get(user=alice)
    page = alice_client.post(
        reverse("practice:attempt_reanalyse", args=[attempt.pk]), follow=True
    ).text
    assert MESSAGE in page
    api = alice_client.post(f"/api/attempts/{attempt.pk}/analyse")
    assert api.status_code == 422
    assert MESSAGE in json.loads(api.content)["detail"]
    attempt.refresh_from_db()
    assert (attempt.status, attempt.queued_at, attempt.task_id) == ("failed", None, "")


def test_the_worker_checks_the_length_again_before_decoding(
    alice_client: Client, alice: User, question: Question, twelve_minutes: bytes
) -> None:
    recorded(alice_client, question, twelve_minutes)
    attempt = Attempt.objects.get(user=alice)
    # Queued before the check existed, or its file replaced since: the worker reads it again.
    Attempt.objects.filter(pk=attempt.pk).update(status="queued", failure="")
    assert analyse_attempt.call(attempt.pk) == "failed"
    attempt.refresh_from_db()
    assert attempt.status == "failed"
    assert MESSAGE in attempt.failure
    assert Path(attempt.recording.path).read_bytes() == twelve_minutes


def test_a_recording_whose_timestamps_hide_its_length_is_stopped_by_its_sound(
    alice_client: Client,
    alice: User,
    question: Question,
    twelve_minutes: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prepcoach.practice import tasks

    recorded(alice_client, question, twelve_minutes)
    attempt = Attempt.objects.get(user=alice)
    Attempt.objects.filter(pk=attempt.pk).update(status="queued", failure="")
    # A file crafted so that its timestamps read as a few seconds passes the measure; the
    # decoder counts the samples themselves.
    monkeypatch.setattr(tasks, "too_long_to_analyse", lambda path: None)
    assert analyse_attempt.call(attempt.pk) == "failed"
    attempt.refresh_from_db()
    assert f"longer than {settings.RECORDING_MAX_SECONDS // 60} minutes" in attempt.failure


def test_a_recording_of_exactly_the_limit_is_joined_and_read(
    alice_client: Client, alice: User, question: Question
) -> None:
    _, done = recorded(alice_client, question, long_ogg(10 * 60))
    assert done.status_code == 200  # type: ignore[attr-defined]
    attempt = Attempt.objects.get(user=alice)
    # Decoded and read to the end: silence, so the reading says so (not the length).
    assert attempt.status == "failed"
    assert "completely silent" in attempt.failure
