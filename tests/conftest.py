"""Personas shared by the whole suite.

- alice: a job seeker with a filled-in profile (Data analyst in healthcare, Europe/London).
- bob: another job seeker; he must never see alice's things.
- a fresh install has neither (the `db` fixture alone).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client

from prepcoach.accounts.models import Profile, User
from tests.support import SmtpSink, free_port

PASSWORD = "correct horse battery staple"


def pytest_report_header() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if "sqlite" in db["ENGINE"] else f"{db.get('HOST')}:{db.get('PORT')}"
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({where})"


def make_user(email: str, **profile: object) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD)
    Profile.objects.create(user=user, **profile)
    return user


@pytest.fixture
def alice(db: None) -> User:
    return make_user(
        "alice@example.com",
        name="Alice Doe",
        target_role="Data analyst",
        industry="Healthcare",
        time_zone="Europe/London",
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
