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

    def run(self) -> None:
        while not self.stopping.is_set():
            close_old_connections()
            try:
                beat(self.worker_id, self.started_at)
                enqueue_due()
                recover_orphans()  # tasks of workers that died go back to the queue
            except DatabaseError:
                # A busy or restarting database must not kill the worker; /healthz will show
                # the missed beats if it lasts.
                logger.warning("worker heartbeat failed; retrying", exc_info=True)
            self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)
        connection.close()

    def stop(self) -> None:
        self.stopping.set()
