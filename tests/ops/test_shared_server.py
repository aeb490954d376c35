"""A shared server that spans machines: web and workers share nothing but the database and an
S3-compatible object store.

Everything is a separate program: a real S3 server on loopback (moto in server mode), the web
process (`prepcoach serve --no-worker`), and two `prepcoach worker` processes, each with its own
home and its own empty media folder, so the only way a worker can reach a recording is the
store. The database is the suite's: SQLite, or PostgreSQL when DATABASE_URL is set (CI's
second run). A spoken answer (espeak-ng) is recorded through the web process in pieces, as the
browser's recorder sends it, and is analysed by one of the workers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings as site_settings
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from tests.coach.speech.conftest import ANSWER, speak
from tests.conftest import PASSWORD
from tests.faults import Browser
from tests.object_store import ObjectStore
from tests.support import child_env, database_url, free_port, stop_processes, wait_for

type Start = Callable[..., subprocess.Popen[str]]


@pytest.fixture
def programs(transactional_db: None, tmp_path: Path, settings: object) -> Iterator[Start]:
    """Start prepcoach programs (serve or worker) as separate processes; stop them after."""
    setattr(  # noqa: B010 (the test's own settings, restored by the fixture)
        settings, "TASKS",
        {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                     "QUEUES": site_settings.TASK_QUEUES}},
    )  # fmt: skip
    started: list[tuple[subprocess.Popen[str], Path]] = []

    def start(name: str, command: list[str], **env: str) -> subprocess.Popen[str]:
        log_path = tmp_path / f"{name}.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", *command],
                env=child_env(tmp_path / f"home-{name}", DATABASE_URL=database_url(), **env),
                stdout=log, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        started.append((process, log_path))
        return process

    yield start
    stop_processes(started)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_a_recording_sent_to_the_web_process_is_analysed_by_a_worker_through_the_store(
    programs: Start, object_store: ObjectStore, alice: User, tmp_path: Path
) -> None:
    media = {name: tmp_path / f"media-{name}" for name in ("web", "worker-1", "worker-2")}
    for folder in media.values():
        folder.mkdir()
    port = free_port()
    web = programs(
        "web", ["serve", "--no-worker", "--port", str(port)],
        MEDIA_ROOT=str(media["web"]), **object_store.env(),
    )  # fmt: skip
    workers = [
        programs(
            name,
            ["worker", "--interval", "0.2"],
            MEDIA_ROOT=str(media[name]),
            WORKER_ANALYSES="1",
            **object_store.env(),
        )
        for name in ("worker-1", "worker-2")
    ]
    wait_for(
        lambda: "is running at" in (tmp_path / "web.log").read_text(), timeout=90, what="serve"
    )
    question = Question.objects.create(text="Tell me about a time you fixed a process.")

    sound = speak(f"{ANSWER} {ANSWER}", tmp_path / "answer.wav").read_bytes()
    browser = Browser(f"http://127.0.0.1:{port}")
    browser.log_in(alice.email, PASSWORD)
    status, body, _ = browser.request(f"/improve/questions/{question.pk}/record/", b"")
    assert status == 201, body
    started = json.loads(body)
    pieces = [sound[i : i + 40_000] for i in range(0, len(sound), 40_000)]
    for index, piece in enumerate(pieces):
        status, body, _ = browser.request(f"{started['chunk_url']}/{index}/", piece)
        assert status == 201, body
    status, body, _ = browser.request(started["finalise_url"], b"")
    assert status == 200, body

    attempt = wait_for(
        lambda: Attempt.objects.filter(pk=started["id"], status__in=["analysed", "failed"]).first(),
        timeout=300, what="a worker to analyse the answer",
    )  # fmt: skip
    assert attempt.status == "analysed", attempt.failure
    assert "reports" in attempt.analysis["transcript"]  # type: ignore[index]
    (worker,) = DBTaskResult.objects.get(pk=attempt.task_id).worker_ids
    assert worker.rsplit("-", 1)[1] in {str(w.pid) for w in workers}

    # The recording lives in the store alone: joined there, its pieces gone, and not one file
    # on the web process's media folder or either worker's (the copy it read is deleted).
    name = f"recordings/{alice.pk}/{attempt.pk}/answer.wav"
    assert object_store.names() == [name]
    assert object_store.read(name) == sound
    assert {key: files_under(folder) for key, folder in media.items()} == {key: [] for key in media}
    # Played back through the web process, a byte range at a time, from the store.
    status, body, headers = browser.request(
        f"/improve/attempts/{attempt.pk}/media/", headers={"Range": "bytes=100-199"}
    )
    assert (status, body) == (206, sound[100:200])
    assert headers["Content-Range"] == f"bytes 100-199/{len(sound)}"

    # Deleting the answer deletes its object.
    status, _, _ = browser.request(
        f"/improve/attempts/{attempt.pk}/delete/", b"", {"Accept": "application/json"}
    )
    assert status == 200
    wait_for(lambda: object_store.names() == [], timeout=30, what="the object to be deleted")
    assert web.poll() is None
