"""The dashboard's today list reads a step's placement from the plan the week shows
(`plans.plan_for`, `Plan.on`, `coach.planning.pinned_day`): a step Alice moved to a later day
leaves today's list though it is due today, a step she put on today joins it though it is due
later, and so does a step the week itself puts on today. Alice has an hour or more every day
but Sunday (tests/conftest.py), so each test holds on every day of the week."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import add_step, days, today


def today_list(client: Client) -> str:
    page = client.get(reverse("dashboard:home")).text
    return (
        page.split('<ul class="today-list">')[1].split("</ul>")[0] if "today-list" in page else ""
    )


def week_today(client: Client) -> str:
    """Today's column of this week's page."""
    page = client.get(reverse("goals:week")).text
    return page.split('aria-current="date"')[1].split('<li class="day')[0]


def goal(alice: User) -> Goal:
    return Goal.objects.create(user=alice, text="Write 3 STAR stories", target_date=days(30))


def move(client: Client, step: Step, day: dt.date) -> None:
    url = reverse("goals:step_place", args=[step.pk])
    assert client.post(url, {"planned_on": day.isoformat()}).status_code == 302


def test_a_step_due_today_moved_later_leaves_today_on_both_pages(
    alice_client: Client, alice: User
) -> None:
    step = add_step(goal(alice), "Conflict story", 0)
    assert "Conflict story" in today_list(alice_client)  # due today, not moved: listed
    move(alice_client, step, days(2))
    assert "Conflict story" not in today_list(alice_client)
    assert "Conflict story" not in week_today(alice_client)
    # Its due date still shows on the dashboard's plan card.
    page = alice_client.get(reverse("dashboard:home")).text
    assert f'Conflict story</a> <span class="meta">{today():%a %-d %b}' in page


def test_a_step_put_on_today_is_on_today_on_both_pages(alice_client: Client, alice: User) -> None:
    stories = goal(alice)
    add_step(stories, "Conflict story", 0, hours=3)  # all of today's hours, whatever the day
    step = add_step(stories, "Leadership story", 5)
    assert "Leadership story" not in today_list(alice_client)
    assert "Leadership story" not in week_today(alice_client)
    move(alice_client, step, today())
    listed = today_list(alice_client)
    assert "Leadership story" in listed
    assert "due in 5 days · you put it on today" in listed
    assert f'id="block-{step.pk}-{today():%Y%m%d}"' in week_today(alice_client)


def test_what_the_week_puts_on_today_is_on_todays_list(alice_client: Client, alice: User) -> None:
    """Not moved: the plan places it. Either both pages show it today or neither does (on
    Sunday, Alice's day off, neither)."""
    step = add_step(goal(alice), "Research Acme's products", 4)
    on_week = f'id="block-{step.pk}-{today():%Y%m%d}"' in week_today(alice_client)
    assert on_week == (today().weekday() != 6)
    assert ("Research Acme" in today_list(alice_client)) == on_week
