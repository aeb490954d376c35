"""A worker killed mid-analysis: its task finishes on another worker, started as a separate
program, within the bound (its heartbeat goes stale, a live worker queues the task again).

Everything is real: two `prepcoach worker` processes with the default heartbeat settings, the
suite's database, a spoken recording (espeak-ng) analysed by the packaged speech model, and
SIGKILL, which leaves no chance to say goodbye.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as site_settings
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.ops.models import WorkerHeartbeat
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import queue_analysis
from tests.coach.speech.conftest import ANSWER, speak
from tests.support import child_env, database_url, wait_for

REQUEUE_BOUND_S = 30  # the promise: a dead worker's task is queued again within 30 s


def worker_id(process: subprocess.Popen[str]) -> str:
    return f"{socket.gethostname()[:40]}-{process.pid}"


@pytest.fixture
def start_worker(
    transactional_db: None, tmp_path: Path, settings: Any
) -> Iterator[Callable[[], subprocess.Popen[str]]]:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": site_settings.TASK_QUEUES,
        }
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    started: list[tuple[subprocess.Popen[str], Path]] = []

    def start(analyses: int = 1) -> subprocess.Popen[str]:
        env = child_env(
            tmp_path / "home", DATABASE_URL=database_url(), MEDIA_ROOT=str(tmp_path / "media"),
            WORKER_ANALYSES=str(analyses),
        )  # fmt: skip
        log_path = tmp_path / f"worker-{len(started)}.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", "worker", "--interval", "0.2"],
                env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        started.append((process, log_path))
        return process

    yield start
    for process, log_path in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        print(log_path.name, log_path.read_text(), sep="\n")


def recorded_answer(user: User, tmp_path: Path, name: str) -> Attempt:
    folder = tmp_path / "media" / "recordings" / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    speak(f"{ANSWER} {ANSWER}", folder / f"{name}.wav")
    return Attempt.objects.create(
        user=user, question_text="Tell me about a time you fixed a process.",
        recording=f"recordings/{user.pk}/{name}.wav", media_type="audio/wav", status="saved",
    )  # fmt: skip


def test_a_worker_reads_as_many_answers_at_once_as_it_has_analysis_lanes(
    start_worker: Callable[..., subprocess.Popen[str]], alice: User, bob: User, tmp_path: Path
) -> None:
    answers = [recorded_answer(alice, tmp_path, "one"), recorded_answer(bob, tmp_path, "two")]
    for attempt in answers:
        queue_analysis(attempt)
    start_worker(analyses=2)
    mine = Attempt.objects.filter(pk__in=[a.pk for a in answers])
    wait_for(
        lambda: mine.filter(status="analysing").count() == 2,
        timeout=120, what="both answers being analysed at once",
    )  # fmt: skip
    wait_for(
        lambda: mine.filter(status__in=["analysed", "failed"]).count() == 2,
        timeout=240, what="both analyses to finish",
    )  # fmt: skip
    assert list(mine.values_list("status", flat=True)) == ["analysed", "analysed"]


def test_a_worker_killed_mid_analysis_leaves_its_answer_to_another(
    start_worker: Callable[..., subprocess.Popen[str]], alice: User, tmp_path: Path
) -> None:
    attempt = recorded_answer(alice, tmp_path, "answer")
    workers = [start_worker(), start_worker()]
    wait_for(
        lambda: WorkerHeartbeat.objects.count() == 2,
        timeout=90, what="both workers' heartbeats",
    )  # fmt: skip
    attempt = queue_analysis(attempt)

    wait_for(
        lambda: Attempt.objects.filter(pk=attempt.pk, status="analysing").exists(),
        timeout=60, what="a worker to start the analysis",
    )  # fmt: skip
    (first,) = DBTaskResult.objects.get(pk=attempt.task_id).worker_ids
    victim, survivor = sorted(workers, key=lambda w: worker_id(w) != first)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(timeout=20) == -signal.SIGKILL

    wait_for(
        lambda: len(DBTaskResult.objects.get(pk=attempt.task_id).worker_ids) == 2
        or DBTaskResult.objects.filter(pk=attempt.task_id, status="READY").exists(),
        timeout=REQUEUE_BOUND_S, what="the task to be queued again",
    )  # fmt: skip
    done = wait_for(
        lambda: Attempt.objects.filter(pk=attempt.pk, status__in=["analysed", "failed"]).first(),
        timeout=240, what="the analysis to finish on the other worker",
    )  # fmt: skip
    assert done.status == "analysed", done.failure
    assert "reports" in done.analysis["transcript"]  # type: ignore[index]
    task = DBTaskResult.objects.get(pk=attempt.task_id)
    assert task.status == "SUCCESSFUL"
    assert task.worker_ids == [worker_id(victim), worker_id(survivor)]
