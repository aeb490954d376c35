"""The plan's pages only read: a GET writes nothing (issue 15, item 5), and a goal's page makes
its plan once. Alice has a goal with steps, one done, and a plan she saw days ago."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach import planning
from prepcoach.goals.models import Goal, PlanSnapshot
from tests.goals.conftest import add_step, days


@pytest.fixture
def planned(alice: User, mock_goal: Goal) -> Goal:
    add_step(mock_goal, "Book a mock", 3, hours=2)
    add_step(mock_goal, "Do the mock", 9, hours=5)
    add_step(mock_goal, "Done already", -1, hours=1, done_on=days(-1))
    PlanSnapshot.objects.create(user=alice, taken_on=days(-3), finishes={})
    return mock_goal


def writes(queries: CaptureQueriesContext) -> list[str]:
    words = ("INSERT", "UPDATE", "DELETE")
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(words)
    ]


@pytest.mark.parametrize(
    "name", ["goals:index", "goals:week", "goals:review", "goals:detail", "dashboard:home"]
)
def test_a_plan_page_shown_writes_nothing(alice_client: Client, planned: Goal, name: str) -> None:
    url = reverse(name, args=[planned.pk]) if name == "goals:detail" else reverse(name)
    alice_client.get(url)  # the session and anything lazily made on a first visit
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get(url)
    assert response.status_code == 200
    assert writes(queries) == []
    assert PlanSnapshot.objects.get().taken_on == days(-3)


def test_got_it_remembers_the_plan_seen(alice_client: Client, alice: User, planned: Goal) -> None:
    response = alice_client.post(reverse("goals:index"), {"seen": "1"})
    assert response.status_code == 302
    snapshot = PlanSnapshot.objects.get(user=alice)
    assert snapshot.taken_on == days(0)
    assert set(snapshot.finishes) == {str(s.pk) for s in planned.steps.filter(done_on=None)}


def test_a_goal_page_makes_its_plan_once(
    alice_client: Client, planned: Goal, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[dt.date] = []
    real = planning.schedule

    def counted(*args: object, **kwargs: object) -> planning.Plan:
        plan = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(plan.start)
        return plan

    monkeypatch.setattr(planning, "schedule", counted)
    page = alice_client.get(reverse("goals:detail", args=[planned.pk])).text
    assert "Do the mock" in page
    assert made == [days(0)]
