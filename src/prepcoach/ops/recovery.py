"""Tasks whose worker died are queued again.

Every worker's heartbeat thread runs `recover_orphans` on each beat. A task counts as orphaned
when it is marked running, it started before the staleness limit, and the worker that took it
(the last of its `worker_ids`) has no heartbeat newer than WORKER_STALE_SECONDS: killed, out of
memory, its machine gone. It goes back to the queue as it was, keeping its id, so whatever
points at it (an answer's `task_id`) still does; the next claim appends the new worker's id, so
the number of ids is the number of runs. A task that has lost its worker MAX_RUNS times (one
that kills its worker, say a recording too long for the memory) is marked failed instead.

A conditional UPDATE on the row's status and start time lets exactly one of several workers
recover it. `task_orphaned` tells the app that owns the task (practice shows "restarting").
"""

from __future__ import annotations

import datetime as dt
import logging

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


def recover_orphans(now: dt.datetime | None = None) -> list[str]:
    """Queue again (or give up on) every task whose worker died; returns their ids."""
    now = now or timezone.now()
    stale_before = now - dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
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
        mine = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        requeued = len(row.worker_ids) < MAX_RUNS
        # One transaction: no worker claims the row before its owner (an answer) says so.
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
                continue  # another worker recovered it, or it finished after all
            task_orphaned.send(
                sender=None, task_path=row.task_path, task_id=str(row.pk),
                args=row.args_kwargs.get("args", []), requeued=requeued,
            )  # fmt: skip
        logger.warning(
            "task %s (%s) lost its worker %s: %s", row.pk, row.task_path, worker or "unknown",
            "queued again" if requeued else f"given up after {MAX_RUNS} runs",
        )  # fmt: skip
        recovered.append(str(row.pk))
    return recovered
