"""Recovering dead workers' tasks after a database outage (ops/recovery.py, ops/heartbeat.py).

During an outage no worker can beat, so every heartbeat goes stale, the living ones' too. Worker
"lane-a" lived through it, its lane still reading an answer; worker "gone-b" died before it. The
worker that sees the database back first must not take lane-a's task before lane-a has had its
chance to beat again (WORKER_STALE_SECONDS from the database's return); gone-b's task is taken
once that grace is over. Times are given to the functions, so nothing here waits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.ops.heartbeat import HeartbeatThread, beat
from prepcoach.ops.models import WorkerHeartbeat
from prepcoach.ops.recovery import recover_orphans
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import queue_analysis

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings: Any) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }


def running(user: User, worker: str, started: dt.datetime) -> str:
    """An answer whose analysis `worker` took at `started`; its task's id."""
    attempt = queue_analysis(
        Attempt.objects.create(user=user, question_text="Tell me", text="I led it.", status="saved")
    )
    DBTaskResult.objects.filter(pk=attempt.task_id).update(
        status="RUNNING", started_at=started, worker_ids=[worker]
    )
    Attempt.objects.filter(pk=attempt.pk).update(status="analysing")
    return str(attempt.task_id)


def heartbeat(worker: str, last_seen: dt.datetime) -> None:
    WorkerHeartbeat.objects.create(
        worker_id=worker, hostname="here", pid=1, started_at=last_seen, last_seen=last_seen
    )


def status(task_id: str) -> str:
    return str(DBTaskResult.objects.get(pk=task_id).status)


def test_a_heartbeat_made_stale_by_an_outage_is_not_recovered_within_the_grace(
    database_tasks: None, alice: User, settings: Any
) -> None:
    stale = dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    back = timezone.now()  # the database answers again
    before_outage = back - 4 * stale
    heartbeat("lane-a", before_outage)  # its last beat before a long outage
    task = running(alice, "lane-a", before_outage)

    # Without a word of the outage, lane-a looks dead: this is the requeue the grace prevents.
    assert WorkerHeartbeat.objects.get(worker_id="lane-a").last_seen < back - stale
    just_back = back + dt.timedelta(seconds=1)
    assert recover_orphans(now=just_back, database_back_at=back) == []
    last_moment = back + stale - dt.timedelta(microseconds=1)
    assert recover_orphans(now=last_moment, database_back_at=back) == []
    assert status(task) == "RUNNING"

    # lane-a beats again within the grace; past it, it is alive and keeps its task.
    beat("lane-a", before_outage)
    assert recover_orphans(now=timezone.now(), database_back_at=timezone.now() - stale) == []
    assert status(task) == "RUNNING"
    assert DBTaskResult.objects.get(pk=task).worker_ids == ["lane-a"]


def test_a_worker_that_died_before_the_outage_loses_its_task_once_the_grace_is_over(
    database_tasks: None, alice: User, settings: Any
) -> None:
    stale = dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    back = timezone.now()
    long_ago = back - 10 * stale
    heartbeat("gone-b", long_ago)
    task = running(alice, "gone-b", long_ago)
    assert recover_orphans(now=back + stale / 2, database_back_at=back) == []
    assert recover_orphans(now=back + stale, database_back_at=back) == [task]
    assert status(task) == "READY"


def test_the_heartbeat_thread_starts_the_grace_at_its_first_beat_after_an_outage(
    database_tasks: None, alice: User
) -> None:
    """The thread's beat after a failed one (the database was down) notes the return and
    recovers nothing; a beat with no outage behind it recovers a dead worker's task at once."""
    long_ago = timezone.now() - dt.timedelta(hours=1)
    heartbeat("gone-b", long_ago)
    task = running(alice, "gone-b", long_ago)
    thread = HeartbeatThread("lane-c")
    thread.database_lost = True  # its last beat failed: the database was out of reach
    thread.beat_once()
    assert thread.database_back_at is not None
    assert not thread.database_lost
    assert status(task) == "RUNNING"  # within the grace: gone-b may yet beat

    fresh = HeartbeatThread("lane-d")  # never lost the database
    fresh.beat_once()
    assert fresh.database_back_at is None
    assert status(task) == "READY"
