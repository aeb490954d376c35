"""A worker killed mid-analysis: its task finishes on another worker, started as a separate
program, within the bound (its heartbeat goes stale, a live worker queues the task again).

Everything is real: two `prepcoach worker` processes with the default heartbeat settings, the
suite's database, a spoken recording (espeak-ng) analysed by the packaged speech model, and
SIGKILL, which leaves no chance to say goodbye.
"""

from __future__ import annotations

import re
import signal
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
from tests.faults import kill_mid_analysis, worker_id
from tests.support import child_env, database_url, stop_processes, wait_for

REQUEUE_BOUND_S = 30  # the promise: a dead worker's task is queued again within 30 s


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

    def start(analyses: int = 1, flag: int | None = None) -> subprocess.Popen[str]:
        """A worker with WORKER_ANALYSES=`analyses`, run with `--analyses flag` if given; its
        output goes to worker-N.log in tmp_path (N counting from 0)."""
        env = child_env(
            tmp_path / "home", DATABASE_URL=database_url(), MEDIA_ROOT=str(tmp_path / "media"),
            WORKER_ANALYSES=str(analyses),
        )  # fmt: skip
        log_path = tmp_path / f"worker-{len(started)}.log"
        command = [sys.executable, "-m", "prepcoach", "worker", "--interval", "0.2"]
        if flag is not None:
            command += ["--analyses", str(flag)]
        with log_path.open("w") as log:
            process = subprocess.Popen(
                command, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
            )
        started.append((process, log_path))
        return process

    yield start
    stop_processes(started)


def recorded_answer(user: User, tmp_path: Path, name: str) -> Attempt:
    folder = tmp_path / "media" / "recordings" / str(user.pk)
    folder.mkdir(parents=True, exist_ok=True)
    speak(f"{ANSWER} {ANSWER}", folder / f"{name}.wav")
    return Attempt.objects.create(
        user=user, question_text="Tell me about a time you fixed a process.",
        recording=f"recordings/{user.pk}/{name}.wav", media_type="audio/wav", status="saved",
    )  # fmt: skip


def engine_events(log: str) -> list[tuple[str, int]]:
    """("borrowed" or "given back", attempt id) in the order the worker logged them: a lane
    logs "borrowed" once it holds its engine and "given back" before it lets go of it."""
    found = re.findall(r"attempt (\d+): speech engine (borrowed|given back)", log)
    return [(event, int(pk)) for pk, event in found]


def test_a_worker_reads_as_many_answers_at_once_as_it_has_analysis_lanes(
    start_worker: Callable[..., subprocess.Popen[str]], alice: User, bob: User, tmp_path: Path
) -> None:
    """WORKER_ANALYSES=1 with `prepcoach worker --analyses 2`: the flag reaches the worker
    and two lanes really read at once. Which number wins (the flag, else the setting) is
    tests/practice/test_engines.py's; this run, about 30 s of speech engine, is made once."""
    answers = [recorded_answer(alice, tmp_path, "one"), recorded_answer(bob, tmp_path, "two")]
    for attempt in answers:
        queue_analysis(attempt)
    start_worker(analyses=1, flag=2)
    mine = Attempt.objects.filter(pk__in=[a.pk for a in answers])
    wait_for(
        lambda: mine.filter(status__in=["analysed", "failed"]).count() == 2,
        timeout=300, what="both analyses to finish",
    )  # fmt: skip
    assert list(mine.values_list("status", flat=True)) == ["analysed", "analysed"]
    events = engine_events((tmp_path / "worker-0.log").read_text())
    assert sorted(events) == sorted(
        [(event, a.pk) for a in answers for event in ("borrowed", "given back")]
    )
    # Both lanes held an engine at once: the second was borrowed before the first was given
    # back (one engine for both would read them one after the other).
    assert [event for event, _ in events[:2]] == ["borrowed", "borrowed"], events


def test_worker_analyses_alone_gives_the_worker_that_many_analysis_lanes(
    start_worker: Callable[..., subprocess.Popen[str]], tmp_path: Path
) -> None:
    """WORKER_ANALYSES=3 in the worker's environment and no flag: its start line names three
    analysis lanes (the run above shows lanes really read at once)."""
    start_worker(analyses=3)
    log = tmp_path / "worker-0.log"
    started = wait_for(
        lambda: re.search(r"worker \S+: (.+)", log.read_text()),
        timeout=90, what="the worker's start line",
    )  # fmt: skip
    lanes = started.group(1).split(", ")
    assert [lane for lane in lanes if lane.startswith("analysis")] == [
        "analysis-1", "analysis-2", "analysis-3",
    ]  # fmt: skip


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

    killed = kill_mid_analysis(attempt, workers, requeue_bound_s=REQUEUE_BOUND_S)
    victim = killed.victim
    assert victim.wait(timeout=20) == -signal.SIGKILL
    (survivor,) = [w for w in workers if w is not victim]
    done = killed.attempt
    assert done.status == "analysed", done.failure
    assert "reports" in done.analysis["transcript"]
    # The worker marks its task done once the task returns, after the answer's own update (and
    # the goals it moves): wait for that write, which a busy machine can delay by seconds.
    task = wait_for(
        lambda: DBTaskResult.objects.filter(pk=attempt.task_id).exclude(status="RUNNING").first(),
        timeout=60, what="the task to be marked done",
    )  # fmt: skip
    assert task.status == "SUCCESSFUL"
    assert task.worker_ids == [worker_id(victim), worker_id(survivor)]
