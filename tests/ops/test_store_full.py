"""A full store mid-answer: the piece refused for lack of space gets a clear 503 and stays with
the browser, nothing already stored is lost, saving waits, and once there is room again the
piece is stored, once, and the answer saved whole.

Why this is a real full disk: the web process (`prepcoach serve`, a separate program) keeps its
recordings in the local media folder (the embedded default), and that folder is a `tmpfs`
mounted with a size limit (root, as CI runs). Once a file has taken its space, the kernel
answers the next write with ENOSPC, exactly as a full disk partition does; prepcoach sees the
same `OSError` it would see on a laptop's full disk. (moto, the S3 server of the other store
tests, enforces no quota, so a full bucket cannot be made with it.) The recovery time, from
the space given back to the refused piece stored, is printed; the recorder waits 0.5 s
doubling to 10 s between tries, as `recorder.js` does.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from tests.conftest import PASSWORD
from tests.faults import Programs, Sent, SmallDisk, record_on
from tests.practice.conftest import tone_wav
from tests.support import child_env, database_url, free_port, wait_for


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    small = SmallDisk(tmp_path / "media", size_kb=1024)
    small.mount()
    try:
        yield small
    finally:
        small.unmount()


@pytest.fixture
def programs(transactional_db: None, tmp_path: Path, disk: SmallDisk) -> Iterator[Programs]:
    def env(name: str) -> dict[str, str]:
        return child_env(tmp_path / "home", DATABASE_URL=database_url(), MEDIA_ROOT=str(disk.where))

    started = Programs(tmp_path, env)
    yield started
    started.stop_all()


def test_a_piece_refused_for_lack_of_space_is_stored_once_there_is_room(
    programs: Programs, disk: SmallDisk, alice: User, settings: Any
) -> None:
    settings.MEDIA_ROOT = disk.where
    port = free_port()
    programs.serve("web", port, "--no-worker")
    question = Question.objects.create(text="Tell me about a time you fixed a process.")
    sound = tone_wav(3.0)  # 96 kB: three pieces of 32 kB
    pieces = [sound[:32_000], sound[32_000:64_000], sound[64_000:]]
    recording = record_on(port, alice.email, PASSWORD, question.pk)
    browser, started, recorder = recording.browser, recording.started, recording.recorder
    recorder.send(0, pieces[0])
    chunks = disk.where / "recordings" / str(alice.pk) / str(started["id"]) / "chunks"
    (first,) = chunks.iterdir()  # piece 0, named by its index and digest
    assert first.name.startswith("000000.")

    disk.fill()
    sending: list[Sent] = []
    thread = threading.Thread(target=lambda: sending.append(recorder.send(1, pieces[1])))
    thread.start()
    wait_for(lambda: 503 in recorder.sent[-1].statuses, timeout=30, what="a refusal")
    message = recorder.sent[-1].messages[0]
    assert "The recording store has no room just now (its disk is full)." in message
    assert "Nothing is lost" in message
    assert "Piece 1 was not stored." in message
    # What arrived before is kept, whole; nothing half-written is left beside it.
    assert list(chunks.iterdir()) == [first]
    assert first.read_bytes() == pieces[0]
    attempt = Attempt.objects.get(pk=started["id"])
    assert (attempt.status, attempt.chunks_received) == ("recording", 1)
    # Saving waits too (the joined file needs room): the answer stays open, its piece kept.
    status, body, _ = browser.request(started["finalise_url"], b"", {"Accept": "application/json"})
    assert status == 503, body
    assert "no room just now" in json.loads(body)["message"]
    assert Attempt.objects.get(pk=started["id"]).status == "recording"

    disk.free()
    freed = time.monotonic()
    thread.join(timeout=60)
    assert not thread.is_alive()
    (stored,) = sending
    assert stored.statuses[-1] == 201
    assert set(stored.statuses[:-1]) == {503}
    recorder.send(2, pieces[2])
    status, body, _ = browser.request(started["finalise_url"], b"", {"Accept": "application/json"})
    assert status == 200, body
    attempt.refresh_from_db()
    assert attempt.status == "queued"
    assert (attempt.chunks_received, attempt.bytes_received) == (3, len(sound))
    assert (disk.where / str(attempt.recording.name)).read_bytes() == sound
    print(
        f"media disk full: the refused piece was stored {stored.accepted_at - freed:.1f} s after "
        f"space came back (sent {len(stored.statuses)} times, statuses {stored.statuses})"
    )
