"""What /healthz reports: is the database answering, is a worker alive."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from prepcoach.ops.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    ok: bool
    checks: dict[str, str]


def database_status() -> str | None:
    """None when the database answers, otherwise why not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The details (host names, user names) are for the log, not for anyone who asks.
        logger.exception("health check: database unreachable")
        return "database unreachable: see the server log"
    return None


def worker_status() -> str | None:
    stale = timedelta(seconds=settings.WORKER_STALE_SECONDS)
    latest = WorkerHeartbeat.objects.order_by("-last_seen").first()
    if latest is None:
        return "no worker has ever reported: start one with `prepcoach worker`"
    age = timezone.now() - latest.last_seen
    if age > stale:
        return (
            f"no worker heartbeat for {int(age.total_seconds())} s (limit "
            f"{settings.WORKER_STALE_SECONDS} s): start one with `prepcoach worker`"
        )
    return None


def check() -> Health:
    problems: dict[str, str] = {}
    if db_problem := database_status():
        problems["database"] = db_problem
        problems["worker"] = "unknown: the database is unreachable"
    elif worker_problem := worker_status():
        problems["worker"] = worker_problem
    checks = {"database": "ok", "worker": "ok"} | problems
    return Health(ok=not problems, checks=checks)
