"""Helpers for tests that start real processes and servers on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page_queries(client: Client, url: str) -> list[str]:
    """The SQL a page sends the second time it is opened (the first makes the session and
    anything a first visit makes), once it answered 200."""
    client.get(url)
    with CaptureQueriesContext(connection) as made:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return [query["sql"] for query in made.captured_queries]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url() -> str:
    """A DATABASE_URL that points another process at the database this test uses."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    user = quote(config["USER"] or "", safe="")
    password = quote(config["PASSWORD"] or "", safe="")
    auth = f"{user}:{password}@" if password else f"{user}@"
    host = f"{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    return f"postgresql://{auth}{host}/{config['NAME']}"


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env["PREPCOACH_HOME"] = str(home)
    env.update(extra)
    return env


def wait_for[T](probe: Callable[[], T | None], timeout: float = 30, what: str = "it") -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what} after {timeout} s")


def http_get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        # Nothing listening yet, or bound but not serving yet (migrating a fresh database can
        # take longer than the timeout on a busy machine).
        return 0, ""


class SmtpSink:
    """Collects every message a real aiosmtpd server on loopback receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.refuse: set[str] = set()  # recipients answered with 550, like a real server would

    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


# Somewhere it is past 7 in the morning whatever the time in UTC: pick the zone per run.
ZONES = [
    "Pacific/Kiritimati",
    "Asia/Tokyo",
    "Europe/London",
    "America/New_York",
    "Pacific/Pago_Pago",
]


def a_morning_zone() -> str:
    import zoneinfo

    from django.utils import timezone

    now = timezone.now()
    return next(z for z in ZONES if 7 <= now.astimezone(zoneinfo.ZoneInfo(z)).hour <= 22)


def close_response(response: object) -> None:
    """Close a streamed response (its file) inside a test's transaction. Closing a response
    ends its request, and Django then closes the database connection; the test client avoids
    that by detaching the signal while it closes, and so does this."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()  # type: ignore[attr-defined]
    finally:
        signals.request_finished.connect(close_old_connections)


def stop_processes(started: list[tuple[subprocess.Popen[str], Path]]) -> None:
    """Stop the programs a test started (SIGTERM, then kill after a minute) and print each
    one's log, so a failure shows what every process said."""
    for process, log_path in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        print(log_path.name, log_path.read_text(), sep="\n")


def migrate(targets: Sequence[tuple[str, str | None]]) -> Any:
    """Move the test database to `targets` (app, migration; None: before the app's first) and
    return the models as they were there (`apps.get_model`), for migration tests."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))
    applied = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(applied).apps


def migrate_to_latest() -> None:
    """Every migration applied again, as the tests after a migration test expect."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def leaf_migrations() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return list(executor.loader.graph.leaf_nodes())
