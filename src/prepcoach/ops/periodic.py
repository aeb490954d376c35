"""Periodic work: each worker's heartbeat enqueues the tasks in PERIODIC_TASKS that are due.

A conditional UPDATE decides which worker enqueues a run, so a pool of workers enqueues each
run once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone
from django.utils.module_loading import import_string

from prepcoach.ops.models import PeriodicRun

logger = logging.getLogger(__name__)
NEVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    enqueued = []
    for path, seconds in settings.PERIODIC_TASKS.items():
        with contextlib.suppress(IntegrityError):  # another worker created it a moment ago
            PeriodicRun.objects.get_or_create(name=path, defaults={"last_enqueued": NEVER})
        due_before = now - dt.timedelta(seconds=seconds)
        won = PeriodicRun.objects.filter(name=path, last_enqueued__lte=due_before).update(
            last_enqueued=now
        )
        if won:
            import_string(path).enqueue()
            enqueued.append(path)
            logger.debug("enqueued periodic task %s", path)
    return enqueued
