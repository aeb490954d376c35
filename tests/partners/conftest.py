"""Personas for partners: alice (owner) shares one goal with bob (partner) and keeps another to
herself; carol is a stranger to both; anonymous is a client with no session."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal, Milestone
from prepcoach.partners.models import Partnership
from tests.conftest import make_user
from tests.goals.conftest import add_step, days, today
from tests.support import SmtpSink

SHARED_TEXT = "Do 3 recorded mock interviews before my onsite"
SECRET_TEXT = "Research the salary bands at Northwind secretly"
SECRET_STEP = "Call the recruiter about the counter-offer"
SECRET_CHECKIN = "private check-in about my current employer"
SECRET_MILESTONE = "Halfway to leaving quietly"


@pytest.fixture
def carol(db: None) -> User:
    return make_user("carol@example.com", name="Carol Poe")


@pytest.fixture
def bob_client(bob: User) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def carol_client(carol: User) -> Client:
    client = Client()
    client.force_login(carol)
    return client


@pytest.fixture
def shared_goal(alice: User) -> Goal:
    return create_shared_goal(alice)


def create_shared_goal(alice: User) -> Goal:
    goal = Goal.objects.create(
        user=alice, text=SHARED_TEXT, kind=Goal.Kind.BEHAVIORAL, target_date=days(21),
        target_value=Decimal(3), unit="mock interviews", start_date=days(-7),
    )  # fmt: skip
    CheckIn.objects.create(goal=goal, day=today(), value=Decimal(1), note="first mock with Sam")
    Milestone.objects.create(goal=goal, title="First mock done", threshold=30, reached_on=today())
    Milestone.objects.create(goal=goal, title="All three done", threshold=100)
    add_step(goal, "Mock interview with Priya", 3)
    return goal


@pytest.fixture
def secret_goal(alice: User) -> Goal:
    return create_secret_goal(alice)


def create_secret_goal(alice: User) -> Goal:
    goal = Goal.objects.create(user=alice, text=SECRET_TEXT, target_date=days(10),
                               start_date=days(-3))  # fmt: skip
    add_step(goal, SECRET_STEP, -1)  # slipped: would show in a weekly review
    CheckIn.objects.create(goal=goal, day=today(), value=None, note=SECRET_CHECKIN)
    Milestone.objects.create(goal=goal, title=SECRET_MILESTONE, threshold=50, reached_on=today())
    return goal


@pytest.fixture
def partnership(alice: User, bob: User, shared_goal: Goal, secret_goal: Goal) -> Partnership:
    """bob follows alice's shared goal; alice's secret goal is hers alone."""
    found = Partnership.objects.create(owner=alice, partner=bob)
    found.goals.add(shared_goal)
    return found


SECRETS = (SECRET_TEXT, SECRET_STEP, SECRET_CHECKIN, SECRET_MILESTONE)


def assert_no_secret(html: str) -> None:
    for secret in SECRETS:
        assert secret not in html


@pytest.fixture
def smtp_mail(smtp_server: tuple[int, SmtpSink], settings: Any) -> SmtpSink:
    """Mail goes over a real SMTP connection to aiosmtpd on loopback."""
    return use_smtp(smtp_server, settings)


def use_smtp(smtp_server: tuple[int, SmtpSink], settings: Any) -> SmtpSink:
    port, sink = smtp_server
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    settings.SITE_URL = "http://prepcoach.test"
    return sink


def body_of(message: Any) -> str:
    return str(message.get_content()).replace("\r\n", "\n")


def invite_link(message: Any) -> str:
    found = re.search(r"https?://\S+/partners/invite/[\w-]+/", body_of(message))
    assert found, body_of(message)
    return found.group(0)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
