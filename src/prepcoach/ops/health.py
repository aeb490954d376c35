"""What /healthz reports: is the database answering, is a worker alive."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from prepcoach.ops import store
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


def store_status() -> str | None:
    """None when the object store answers (or files live in the media folder), else why not."""
    if store.is_local():
        return None
    try:
        store.exists("healthz")
    except store.StoreUnavailableError:
        logger.exception("health check: object store unreachable")
        return "object store unreachable: see the server log"
    return None


def check() -> Health:
    problems: dict[str, str] = {}
    if db_problem := database_status():
        problems["database"] = db_problem
        problems["worker"] = "unknown: the database is unreachable"
    elif worker_problem := worker_status():
        problems["worker"] = worker_problem
    checks = {"database": "ok", "worker": "ok"}
    if not store.is_local():  # a shared server's store is checked too
        checks["store"] = "ok"
        if store_problem := store_status():
            problems["store"] = store_problem
    checks |= problems
    return Health(ok=not problems, checks=checks)
