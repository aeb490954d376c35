"""Personas for Plan: alice's goals and steps (alice herself comes from tests/conftest.py)."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.conftest import ALICE_ZONE


def today() -> dt.date:
    """Alice's today: the pages and the API work in her time zone, not the server's."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(ALICE_ZONE)).date()


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


@pytest.fixture
def mock_goal(alice: User) -> Goal:
    """A measurable behavioral goal, three weeks away, with no steps yet."""
    return Goal.objects.create(
        user=alice,
        text="Do 3 recorded mock interviews before my onsite",
        kind=Goal.Kind.BEHAVIORAL,
        target_date=days(21),
        target_value=Decimal(3),
        unit="mock interviews",
        start_date=days(-7),
    )


def add_step(goal: Goal, title: str, due_in: int, hours: float = 1, **extra: object) -> Step:
    return Step.objects.create(
        goal=goal, title=title, due_date=days(due_in), estimated_hours=Decimal(str(hours)), **extra
    )
