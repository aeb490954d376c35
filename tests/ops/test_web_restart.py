"""The web process killed mid-upload and started again: the answer ends whole.

Real programs: `prepcoach serve --no-worker` (the web process, killed with SIGKILL: no goodbye)
and a `prepcoach worker` beside it that lives through both restarts, on the suite's database
(PostgreSQL in CI's second run) and one media folder, the embedded default's layout. A spoken
answer (espeak-ng) goes up in 2 s pieces over HTTP on loopback with the session cookie, by
`tests.faults.Recorder`, which retries as `recorder.js` does. The web process is killed once
while a piece is on the wire (its headers and half its body sent) and once between two pieces;
each time it is started again at once. Every piece ends stored once, in order, and the answer
is analysed. The recovery time (restart to the first piece accepted again) is printed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as site_settings

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from tests.coach.speech.conftest import speak
from tests.conftest import PASSWORD
from tests.faults import Programs, kill, record_on, wav_pieces
from tests.support import child_env, database_url, free_port, wait_for

SHORT_ANSWER = (
    "In my last job our reports were late. I built a checklist and trained the team, "
    "and the reports went out two days earlier."
)


@pytest.fixture
def programs(transactional_db: None, tmp_path: Path, settings: Any) -> Iterator[Programs]:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": site_settings.TASK_QUEUES,
        }
    }
    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = media

    def env(name: str) -> dict[str, str]:
        return child_env(
            tmp_path / "home", DATABASE_URL=database_url(), MEDIA_ROOT=str(media),
            WORKER_ANALYSES="1",
        )  # fmt: skip

    started = Programs(tmp_path, env)
    yield started
    started.stop_all()


def test_the_web_process_killed_mid_upload_loses_no_piece(
    programs: Programs, alice: User, tmp_path: Path
) -> None:
    port = free_port()
    web = programs.serve("web", port, "--no-worker")
    programs.start("worker", ["worker", "--interval", "0.2"])
    question = Question.objects.create(text="Tell me about a time you fixed a process.")
    sound = speak(SHORT_ANSWER, tmp_path / "answer.wav").read_bytes()
    pieces = wav_pieces(sound)
    assert len(pieces) >= 4

    recording = record_on(port, alice.email, PASSWORD, question.pk)
    browser, started, recorder = recording.browser, recording.started, recording.recorder
    recorder.send(0, pieces[0])

    # Killed while piece 1 is on the wire: the browser sees its connection drop.
    wire = browser.half_sent(f"{started['chunk_url']}/1/", pieces[1])
    kill(web)
    wire.close()
    serve = ["serve", "--port", str(port), "--no-worker"]
    restarts = [time.monotonic()]
    web = programs.start("web", serve)  # started again at once; the browser retries meanwhile
    mid_upload = recorder.send(1, pieces[1])
    # Killed between pieces 2 and 3.
    recorder.send(2, pieces[2])
    kill(web)
    restarts.append(time.monotonic())
    web = programs.start("web", serve)
    between = recorder.send(3, pieces[3])
    for index in range(4, len(pieces)):
        recorder.send(index, pieces[index])

    status, body, _ = browser.request(started["finalise_url"], b"")
    assert status == 200, body
    attempt = wait_for(
        lambda: Attempt.objects.filter(pk=started["id"], status__in=["analysed", "failed"]).first(),
        timeout=240, what="the worker to analyse the answer",
    )  # fmt: skip
    assert attempt.status == "analysed", attempt.failure
    assert "checklist" in attempt.analysis["transcript"]  # type: ignore[index]
    # Every piece stored once and in order: the joined recording is the answer, byte for byte.
    assert (attempt.chunks_received, attempt.bytes_received) == (len(pieces), len(sound))
    assert (tmp_path / "media" / str(attempt.recording.name)).read_bytes() == sound
    assert attempt.recording_note == ""
    # The piece cut mid-upload was never stored half: its retry was taken as new (201).
    assert mid_upload.statuses[-1] == 201
    assert between.statuses[-1] == 201
    assert 0 in mid_upload.statuses  # the browser did see the server gone
    assert programs.log("web").count("is running at") == 3
    assert web.poll() is None
    for record, restart, when in (
        (mid_upload, restarts[0], "mid-upload"), (between, restarts[1], "between two pieces")
    ):  # fmt: skip
        print(
            f"web process killed {when}: first piece accepted again "
            f"{record.accepted_at - restart:.1f} s after the restart (sent "
            f"{len(record.statuses)} times, statuses {record.statuses}; the recorder waits "
            "0.5 s doubling to 10 s between tries)"
        )
