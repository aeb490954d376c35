"""What the task queue holds, asked of django-tasks-db's table (empty under the immediate
backend the tests use, where every task runs as it is enqueued)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.tasks import Task
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from prepcoach.ops.models import WorkerHeartbeat

WAITING = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def waiting_arguments(task: Task[Any, Any]) -> set[Any]:
    """The first argument of every run of `task` still waiting or running (a feed's id), so a
    periodic check does not queue the same work twice."""
    rows = DBTaskResult.objects.filter(task_path=task.module_path, status__in=WAITING)
    return {args["args"][0] for args in rows.values_list("args_kwargs", flat=True) if args["args"]}


def restarts(task_id: str) -> int:
    """How many times a worker running this task died and the task was queued again (0 for a
    task that never ran, finished, or is unknown)."""
    if not task_id:
        return 0
    try:
        row = DBTaskResult.objects.filter(pk=task_id).values("status", "worker_ids").first()
    except ValidationError:  # a task id from another backend (not a UUID) is no restart
        return 0
    if row is None:
        return 0
    ran = len(row["worker_ids"] or [])
    return ran if row["status"] == TaskResultStatus.READY else max(ran - 1, 0)


def worker_lost(task_id: str) -> bool:
    """Whether this task is marked running by a worker whose heartbeat went stale (it died, and
    the next beat of a live worker queues the task again: ops/recovery.py)."""
    if not task_id:
        return False
    stale_before = timezone.now() - dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    try:
        row = (
            DBTaskResult.objects.filter(
                pk=task_id, status=TaskResultStatus.RUNNING, started_at__lt=stale_before
            )
            .values("worker_ids")
            .first()
        )
    except ValidationError:
        return False
    if row is None:
        return False
    worker = (row["worker_ids"] or [""])[-1]
    return not WorkerHeartbeat.objects.filter(
        worker_id=worker, last_seen__gte=stale_before
    ).exists()
