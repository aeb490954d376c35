"""The object store out of reach mid-answer (its host down, the network cut): every piece sent
meanwhile is refused with 503 and the reason, nothing already stored is lost, saving waits, and
once the store answers again the pieces sent again complete the answer, whole and in order.

The store is a real S3-compatible server on loopback (moto in server mode); "out of reach" is
prepcoach pointed at a loopback port where nothing listens, while the server keeps its data,
as a store behind a cut network would. The recovery time is printed.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.recordings import chunk_name
from tests.object_store import ObjectStore
from tests.practice.conftest import tone_wav
from tests.support import free_port


def send(client: Client, started: dict[str, Any], index: int, data: bytes) -> Any:
    return client.post(
        f"{started['chunk_url']}/{index}/", data, content_type="application/octet-stream"
    )


def test_an_unreachable_store_loses_no_piece_and_the_answer_is_whole_once_it_is_back(
    alice_client: Client, alice: User, question: Question, object_store: ObjectStore,
    settings: Any,
) -> None:  # fmt: skip
    settings.STORAGES = object_store.storages()
    audio = tone_wav(1.0)
    pieces = [audio[:12_000], audio[12_000:24_000], audio[24_000:]]
    response = alice_client.post(reverse("practice:recording_start", args=[question.pk]))
    started = response.json()
    assert send(alice_client, started, 0, pieces[0]).status_code == 201

    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    went = time.monotonic()
    refused = send(alice_client, started, 1, pieces[1])
    assert refused.status_code == 503
    assert "cannot be reached just now" in refused.json()["error"]
    assert "Nothing is lost" in refused.json()["error"]
    saving = alice_client.post(started["finalise_url"])
    assert saving.status_code == 503
    assert saving.json()["status"] == "recording"
    attempt = Attempt.objects.get(pk=started["id"])
    assert (attempt.status, attempt.chunks_received) == ("recording", 1)
    chunk = chunk_name(attempt, 0, hashlib.sha256(pieces[0]).hexdigest())
    assert object_store.names() == [chunk]  # what arrived before is kept
    settings.STORAGES = object_store.storages()

    back = time.monotonic()
    for index in (1, 2):  # the recorder sends again what was refused, then the rest
        assert send(alice_client, started, index, pieces[index]).status_code == 201
    recovered = time.monotonic() - back
    saved = alice_client.post(started["finalise_url"])
    print(
        f"object store out of reach for {back - went:.1f} s; the refused piece stored "
        f"{recovered:.2f} s after it came back (the recorder's next try comes within 10 s)"
    )
    assert saved.status_code == 200, saved.content
    attempt.refresh_from_db()
    assert attempt.status != "recording"
    assert attempt.recording.name == f"recordings/{alice.pk}/{attempt.pk}/answer.wav"
    assert object_store.read(attempt.recording.name) == audio
    assert object_store.names() == [attempt.recording.name]  # the pieces joined and removed


def test_playback_while_the_store_is_away_says_so(
    alice_client: Client, alice: User, question: Question, object_store: ObjectStore,
    settings: Any,
) -> None:  # fmt: skip
    settings.STORAGES = object_store.storages()
    audio = tone_wav(0.5)
    started = alice_client.post(reverse("practice:recording_start", args=[question.pk])).json()
    send(alice_client, started, 0, audio)
    alice_client.post(started["finalise_url"])
    url = reverse("practice:attempt_media", args=[started["id"]])
    assert alice_client.get(url, HTTP_RANGE="bytes=0-9").content == audio[:10]
    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    away = alice_client.get(url, HTTP_RANGE="bytes=0-9")
    assert away.status_code == 503
    assert "cannot be reached just now" in away.content.decode()
    assert away["Retry-After"]


def test_healthz_names_an_object_store_out_of_reach(
    db: None, client: Client, object_store: ObjectStore, settings: Any
) -> None:
    from django.utils import timezone

    from prepcoach.ops.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w-1", hostname="here", pid=1, started_at=now, last_seen=now
    )
    settings.STORAGES = object_store.storages()
    assert client.get("/healthz").json()["checks"]["store"] == "ok"
    settings.STORAGES = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")
    away = client.get("/healthz")
    assert away.status_code == 503
    assert away.json()["checks"]["store"] == "object store unreachable: see the server log"


def test_an_analysis_that_cannot_reach_the_store_says_so_keeps_the_answer_and_runs_again(
    alice: User, object_store: ObjectStore, settings: Any
) -> None:
    from django.core.files.base import ContentFile

    from prepcoach.practice.tasks import analyse_again, queue_analysis

    settings.STORAGES = object_store.storages()
    attempt = Attempt.objects.create(user=alice, question_text="Tell me about yourself.")
    attempt.recording.save("answer.wav", ContentFile(tone_wav(1.0)))
    away = object_store.storages(endpoint=f"http://127.0.0.1:{free_port()}")

    settings.STORAGES = away
    queue_analysis(attempt)  # the suite's tasks run at once, as a worker would run this one
    attempt.refresh_from_db()
    assert attempt.status == "failed"
    assert "cannot be reached just now" in attempt.failure
    assert "Analyse it again once the store is back" in attempt.failure
    again = analyse_again(attempt)  # still away: refused with the reason, nothing queued
    assert (again.queued, again.http_status) == (False, 503)
    assert "cannot be reached just now" in again.message

    settings.STORAGES = object_store.storages()
    assert object_store.names() == [attempt.recording.name]  # the recording was kept
    assert analyse_again(attempt).queued
    attempt.refresh_from_db()
    assert "cannot be reached" not in attempt.failure  # read this time (a tone: no words)
