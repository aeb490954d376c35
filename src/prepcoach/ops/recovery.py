"""Tasks whose worker died are queued again.

Every worker's heartbeat thread runs `recover_orphans` on each beat. A task counts as orphaned
when it is marked running, it started before the staleness limit, and the worker that took it
(the last of its `worker_ids`) has no heartbeat newer than WORKER_STALE_SECONDS: killed, out of
memory, its machine gone. It goes back to the queue as it was, keeping its id, so whatever
points at it (an answer's `task_id`) still does; the next claim appends the new worker's id, so
the number of ids is the number of runs. A task that has lost its worker MAX_RUNS times (one
that kills its worker, say a recording too long for the memory) is marked failed instead.

A worker that has just seen the database come back after losing it (`database_back_at`)
recovers nobody else's tasks for WORKER_STALE_SECONDS: every worker's heartbeat went stale
during the outage, and a worker that lived through it (its lane still reading an answer) beats
again within WORKER_HEARTBEAT_SECONDS of the database's return; without the grace its task would
be taken from it, read twice and counted as a lost run.

A conditional UPDATE on the row's status and start time lets exactly one of several workers
recover it. `task_orphaned` tells the app that owns the task (practice shows "restarting").
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from prepcoach.ops.models import WorkerHeartbeat

logger = logging.getLogger(__name__)
MAX_RUNS = 3
# Sent with task_path, task_id, args, requeued (False: given up after MAX_RUNS).
task_orphaned = Signal()


class WorkerDiedError(Exception):
    """The worker running a task stopped without finishing it (its path names failed rows)."""


def recover_orphans(
    now: dt.datetime | None = None, database_back_at: dt.datetime | None = None
) -> list[str]:
    """Queue again (or give up on) every task whose worker died; returns their ids.
    `database_back_at`: when this worker last saw the database answer again after an outage
    (None: it has not lost it); within WORKER_STALE_SECONDS of it nothing is recovered."""
    now = now or timezone.now()
    stale = dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    if database_back_at is not None and now < database_back_at + stale:
        return []  # the others have not had their chance to beat since the database came back
    stale_before = now - stale
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=stale_before).values_list(
            "worker_id", flat=True
        )
    )
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=stale_before
    ).only("id", "worker_ids", "started_at", "task_path", "args_kwargs")
    recovered = []
    for row in running:
        worker = row.worker_ids[-1] if row.worker_ids else ""
        if worker in alive:
            continue
        if _requeue(row, now, f"lost its worker {worker or 'unknown'}"):
            recovered.append(str(row.pk))
    return recovered


def _requeue(row: DBTaskResult[Any, Any], now: dt.datetime, why: str) -> bool:
    """Queue `row` again (or fail it after MAX_RUNS runs) if it is still running as read; one
    transaction, so no worker claims it before its owner (an answer) is told."""
    mine = DBTaskResult.objects.filter(
        pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
    )
    requeued = len(row.worker_ids) < MAX_RUNS
    with transaction.atomic():
        if requeued:
            won = mine.update(status=TaskResultStatus.READY, started_at=None)
        else:
            won = mine.update(
                status=TaskResultStatus.FAILED, finished_at=now,
                exception_class_path=f"{__name__}.{WorkerDiedError.__name__}",
                traceback=f"The worker running this task stopped {len(row.worker_ids)} "
                f"times ({', '.join(row.worker_ids)}); it is not tried again.",
            )  # fmt: skip
        if not won:
            return False  # another worker recovered it, or it finished after all
        task_orphaned.send(
            sender=None, task_path=row.task_path, task_id=str(row.pk),
            args=row.args_kwargs.get("args", []), requeued=requeued,
        )  # fmt: skip
    logger.warning(
        "task %s (%s) %s: %s", row.pk, row.task_path, why,
        "queued again" if requeued else f"given up after {MAX_RUNS} runs",
    )  # fmt: skip
    return True


def hand_back(task_id: str, worker_id: str) -> bool:
    """A task this worker was running when it lost the database goes back to the queue once the
    database answers again, as a dead worker's does (or fails after MAX_RUNS runs): the worker
    lives on (its heartbeat stays fresh), so `recover_orphans` would never take it. Only while
    it is still marked running under this worker."""
    row = (
        DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING)
        .only("id", "worker_ids", "started_at", "task_path", "args_kwargs")
        .first()
    )
    if row is None or not row.worker_ids or row.worker_ids[-1] != worker_id:
        return False
    return _requeue(row, timezone.now(), "was cut short by a database outage")
