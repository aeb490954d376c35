"""Hours read as people say them (issue 12, class 1): a step of an hour and a half is
"1 h 30 min" beside another's "1 h", never "1.50" beside "1"."""

from decimal import Decimal

from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import Profile, User
from prepcoach.goals.models import Goal
from tests.goals.conftest import add_step


def test_the_goal_page_and_the_week_show_hours_in_words(alice: User, alice_client: Client, mock_goal: Goal) -> None:  # fmt: skip
    # Two hours every day, and both steps due today, so that what today holds is the same
    # whatever weekday the test runs on (Alice's own week has no hours on Sundays).
    Profile.objects.filter(user=alice).update(weekly_hours=[2] * 7)
    add_step(mock_goal, "Write three stories", 0, hours=1.5)
    add_step(mock_goal, "Mock interview with Sam", 0, hours=0.5)
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert '<td data-label="Hours">1 h 30 min</td>' in detail
    assert '<td data-label="Hours">30 min</td>' in detail
    assert ">1.50<" not in detail
    week = alice_client.get(reverse("goals:week")).text
    assert "1 h 30 min · due" in week
    assert "30 min · due" in week
    assert "2 h of 2 h" in week
    assert ">0 min" not in week
    assert ".50" not in week


def test_a_shortfall_is_said_in_hours_and_minutes(alice_client: Client, mock_goal: Goal) -> None:
    add_step(mock_goal, "Ten and a quarter hours tomorrow", 1, hours=10.25)
    week = alice_client.get(reverse("goals:week")).text
    assert "its steps need " in week
    # whatever the week holds, the quarter hour is words
    assert " h 15 min more than your week holds before their due dates." in week
    assert ".25 h" not in week


def test_the_hours_filter() -> None:
    template = Template("{{ a|hours }}|{{ b|hours }}|{{ c|hours }}|{{ d|hours }}|{{ e|hours }}")
    values = {"a": Decimal("1.50"), "b": 1, "c": 0.75, "d": Decimal("2.00"), "e": "soon"}
    assert template.render(Context(values)) == "1 h 30 min|1 h|45 min|2 h|soon"
