"""A full object store mid-answer (a shared server's bucket): the piece the store refuses for
lack of room gets a 503 saying so and stays with the browser, nothing already stored is lost or
changed, saving waits, and once the store takes writes again the piece sent again is stored
once and the answer saved whole.

Why this is a full bucket: moto, the S3 server of the other store tests (a real one, on
loopback), enforces no quota. So a `FullBucket` (tests/full_bucket.py), an HTTP forwarder on
loopback between prepcoach and moto, answers every write of an object while "full" with the
HTTP status and S3 error a full store sends (MinIO's drives past their free-space threshold:
507 XMinioStorageFull; Ceph RGW's bucket or user over its quota: 403 QuotaExceeded) and passes
every other request through, to the server that keeps the data. prepcoach's client
(django-storages, botocore) reads that error from the wire as it would from the store itself;
`ops.store` turns its code (`FULL_CODES`) into the "no room" 503 (`StoreUnavailableError`).
tests/ops/test_store_full.py is the same fault on the media folder (a full disk). The recovery
time is printed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.recordings import chunk_name
from tests.full_bucket import FullBucket
from tests.object_store import BUCKET, ObjectStore
from tests.practice.conftest import tone_wav
from tests.practice.test_store_faults import send


@pytest.fixture
def full_bucket(request: pytest.FixtureRequest, object_store: ObjectStore) -> Iterator[FullBucket]:
    """The object store behind a forwarder that refuses writes, as the store named by the
    parameter (an S3 error code, tests/full_bucket.FULL_ANSWERS) does when it is full."""
    forwarder = FullBucket(object_store.port, code=request.param)
    try:
        yield forwarder
    finally:
        forwarder.stop()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "full_bucket",
    [
        pytest.param("XMinioStorageFull", id="minio-drives-full-507"),
        pytest.param("QuotaExceeded", id="ceph-quota-exceeded-403"),
        pytest.param("XMinioAdminBucketQuotaExceeded", id="minio-bucket-quota-400"),
    ],
    indirect=True,
)  # fmt: skip
def test_a_piece_a_full_bucket_refuses_is_stored_once_there_is_room(
    alice_client: Client, alice: User, object_store: ObjectStore, full_bucket: FullBucket,
    settings: Any,
) -> None:  # fmt: skip
    settings.STORAGES = object_store.storages(endpoint=full_bucket.endpoint)
    question = Question.objects.create(text="Tell me about a time you fixed a process.")
    code = full_bucket.code
    audio = tone_wav(1.0)
    pieces = [audio[:12_000], audio[12_000:24_000], audio[24_000:]]
    started = alice_client.post(reverse("practice:recording_start", args=[question.pk])).json()
    assert send(alice_client, started, 0, pieces[0]).status_code == 201
    attempt = Attempt.objects.get(pk=started["id"])
    first, second = (chunk_name(attempt, i, digest(pieces[i])) for i in (0, 1))
    assert full_bucket.written == [f"PUT /{BUCKET}/{first}"]  # through the forwarder
    assert object_store.names() == [first]

    full_bucket.full = True
    went = time.monotonic()
    refused = send(alice_client, started, 1, pieces[1])
    assert refused.status_code == 503, refused.content
    message = refused.json()["error"]
    assert f"The recording store has no room just now (it is full: {code})." in message
    assert "Nothing is lost" in message
    assert "Piece 1 was not stored." in message
    assert full_bucket.refused == [f"PUT /{BUCKET}/{second}"]  # the store itself said no
    # Saving waits too (the joined answer is a write): the answer stays open, its pieces kept.
    saving = alice_client.post(started["finalise_url"])
    assert saving.status_code == 503, saving.content
    assert saving.json()["status"] == "recording"
    assert "no room just now" in saving.json()["message"]
    assert f"PUT /{BUCKET}/recordings/{alice.pk}/{attempt.pk}/answer.wav" in full_bucket.refused
    attempt.refresh_from_db()
    assert (attempt.status, attempt.chunks_received, attempt.pieces) == (
        "recording", 1, {"0": digest(pieces[0])},
    )  # fmt: skip
    # What arrived before is kept, unchanged; nothing of the refused piece is in the store.
    assert object_store.names() == [first]
    assert object_store.read(first) == pieces[0]

    full_bucket.full = False
    back = time.monotonic()
    assert send(alice_client, started, 1, pieces[1]).status_code == 201  # the recorder's retry
    recovered = time.monotonic() - back
    attempt.refresh_from_db()
    assert (attempt.chunks_received, attempt.bytes_received) == (2, len(pieces[0] + pieces[1]))
    assert object_store.names() == [first, second]
    assert full_bucket.written.count(f"PUT /{BUCKET}/{second}") == 1  # stored once
    assert object_store.read(second) == pieces[1]
    assert send(alice_client, started, 2, pieces[2]).status_code == 201
    saved = alice_client.post(started["finalise_url"])
    assert saved.status_code == 200, saved.content
    attempt.refresh_from_db()
    assert attempt.status != "recording"
    assert (attempt.chunks_received, attempt.bytes_received) == (3, len(audio))
    assert attempt.recording.name == f"recordings/{alice.pk}/{attempt.pk}/answer.wav"
    assert object_store.read(attempt.recording.name) == audio
    assert object_store.names() == [attempt.recording.name]  # the pieces joined and removed
    print(
        f"object store full ({full_bucket.status} {code}) for {back - went:.1f} s; the refused "
        f"piece stored {recovered:.2f} s after it took writes again"
    )
