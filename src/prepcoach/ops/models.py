from typing import ClassVar

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running worker, touched every few seconds; /healthz reads the newest."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering: ClassVar = ["-last_seen"]

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.hostname} (pid {self.pid})"


class PeriodicRun(models.Model):
    """When each periodic task was last enqueued, shared by every worker."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.last_enqueued}"
