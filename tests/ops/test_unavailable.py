"""Which database errors the site's handler500 (ops/unavailable.py) calls an outage.

Dana's request fails on a database error. When the connection is gone (refused, closed, the
server shutting down) she gets the 503 that says the database is out of reach and that what she
just sent may not have been saved; a deadlock, a statement timeout or SQLite's "database is
locked" is not an outage and gets the plain 500, never "it may be restarting". The errors are
the drivers' own (a real refused connection, a real locked SQLite file, psycopg's classes for
the server's SQLSTATEs), wrapped by Django's own DatabaseErrorWrapper as a query would be.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import psycopg
import psycopg.errors
import pytest
from django.db import IntegrityError, InterfaceError
from django.db.utils import DatabaseErrorWrapper
from django.http import HttpResponse
from django.test import RequestFactory

from prepcoach.ops.unavailable import server_error
from tests.support import free_port

PAGE = "text/html,application/xhtml+xml,*/*;q=0.8"
DOWN_WORDS = "prepcoach cannot reach its database just now (it may be restarting)"


def handled(error: BaseException, driver: object, accept: str = PAGE) -> HttpResponse:
    """handler500's answer to `error` raised by `driver` during a query, as Django wraps it."""
    request = RequestFactory().get("/plan/", HTTP_ACCEPT=accept)
    try:
        with DatabaseErrorWrapper(SimpleNamespace(Database=driver, errors_occurred=False)):
            raise error
    except Exception:  # handler500 reads the exception being handled
        return server_error(request)
    raise AssertionError("nothing was raised")


def refused() -> psycopg.OperationalError:
    """psycopg's error for a server that is not listening (a restart's first seconds)."""
    try:
        psycopg.connect(f"postgresql://dana@127.0.0.1:{free_port()}/prepcoach", connect_timeout=5)
    except psycopg.OperationalError as error:
        return error
    raise AssertionError("a connection to a free port was accepted")


def locked(tmp_path: Path) -> sqlite3.OperationalError:
    """SQLite's error for a file another connection holds an exclusive lock on."""
    path = tmp_path / "db.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as error:
        return error
    finally:
        other.close()
        holder.close()
    raise AssertionError("the locked file was read")


def test_a_refused_connection_is_an_outage_with_honest_words() -> None:
    error = refused()
    assert error.sqlstate is None
    page = handled(error, psycopg)
    assert page.status_code == 503
    assert page["Retry-After"] == "10"
    text = page.content.decode()
    assert DOWN_WORDS in text
    assert "may not have been saved" in text
    assert "What was saved before is kept." in text
    assert "saved whole" not in text  # no promise the code does not keep
    api = handled(refused(), psycopg, accept="application/json")
    assert api.status_code == 503
    assert DOWN_WORDS in json.loads(api.content)["error"]


@pytest.mark.parametrize(
    "error",
    [
        InterfaceError("connection already closed"),
        psycopg.OperationalError("the connection is closed"),
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
        psycopg.errors.ConnectionFailure("connection failure"),
    ],
    ids=["closed (Django)", "closed (psycopg)", "shut down", "starting up", "connection failure"],
)
def test_a_lost_connection_is_an_outage(error: Exception) -> None:
    assert handled(error, psycopg).status_code == 503


@pytest.mark.parametrize(
    "error",
    [
        psycopg.errors.DeadlockDetected("deadlock detected"),
        psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
        psycopg.errors.LockNotAvailable("could not obtain lock on row"),
    ],
    ids=["deadlock", "statement timeout", "lock not available"],
)
def test_a_failed_statement_on_a_live_postgresql_is_a_plain_500(error: Exception) -> None:
    page = handled(error, psycopg)
    assert page.status_code == 500
    assert "Something went wrong on the server" in page.content.decode()
    assert "restarting" not in page.content.decode()


def test_sqlite_database_is_locked_is_a_plain_500(tmp_path: Path) -> None:
    error = locked(tmp_path)
    assert "database is locked" in str(error)
    page = handled(error, sqlite3)
    assert page.status_code == 500
    assert "restarting" not in page.content.decode()
    api = handled(locked(tmp_path), sqlite3, accept="application/json")
    assert api.status_code == 500
    assert "restarting" not in json.loads(api.content)["error"]


def test_an_integrity_error_is_a_plain_500() -> None:
    assert handled(IntegrityError("duplicate key"), psycopg).status_code == 500
