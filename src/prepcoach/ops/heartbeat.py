"""The worker's proof of life, written from a thread beside the task loop."""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from prepcoach.ops.models import WorkerHeartbeat
from prepcoach.ops.periodic import enqueue_due
from prepcoach.ops.recovery import recover_orphans

logger = logging.getLogger(__name__)
FORGET_AFTER = timedelta(days=1)  # rows of workers that died without saying goodbye


def beat(worker_id: str, started_at: datetime) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": now,
        },
    )
    WorkerHeartbeat.objects.filter(last_seen__lt=now - FORGET_AFTER).delete()


def forget(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


class HeartbeatThread(threading.Thread):
    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()
        self.database_lost = False  # the last beat failed
        self.database_back_at: datetime | None = None  # the first beat after the last outage

    def beat_once(self) -> None:
        """One beat: the heartbeat first, then due periodic tasks and dead workers' tasks (not
        within the grace after an outage: ops/recovery.py). DatabaseError when it is down."""
        try:
            beat(self.worker_id, self.started_at)
            if self.database_lost:
                self.database_lost = False
                self.database_back_at = timezone.now()
                logger.warning("worker heartbeat: the database answers again")
            enqueue_due()
            recover_orphans(database_back_at=self.database_back_at)
        except DatabaseError:
            self.database_lost = True
            raise

    def run(self) -> None:
        while not self.stopping.is_set():
            close_old_connections()
            was_lost = self.database_lost  # said once in the log per outage
            try:
                self.beat_once()
            except DatabaseError:
                # A busy or restarting database must not kill the worker; /healthz will show
                # the missed beats if it lasts. Tried again each second, so the beat is written
                # as soon as the database is back, well within the other workers' grace.
                logger.log(
                    logging.DEBUG if was_lost else logging.WARNING,
                    "worker heartbeat failed; retrying", exc_info=not was_lost,
                )  # fmt: skip
                self.stopping.wait(min(1.0, settings.WORKER_HEARTBEAT_SECONDS))
                continue
            self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)
        connection.close()

    def stop(self) -> None:
        self.stopping.set()
