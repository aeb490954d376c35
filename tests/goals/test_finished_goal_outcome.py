"""A finished goal shows how it ended, never a pace (a tester's bug: a goal reached with nothing
logged still said "0%" and "ideal today: 50%" on its page and on the plan). Alice reaches her
stories goal without logging anything and drops her mocks goal at 2 of 5; Bob, her partner,
sees the dropped one."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.progress import Progress, closed, goal_progress
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.partners.models import Partnership
from tests.goals.conftest import days, today


@pytest.fixture
def stories(alice: User) -> Goal:
    """Half-way between its start and its deadline, so its ideal line is at 50 % today."""
    return Goal.objects.create(
        user=alice, text="Write 5 STAR stories for the panel", kind=Goal.Kind.BEHAVIORAL,
        target_date=days(14), start_date=days(-14), target_value=Decimal(5), unit="stories",
    )  # fmt: skip


@pytest.fixture
def mocks(alice: User) -> Goal:
    goal = Goal.objects.create(
        user=alice, text="Do 5 recorded mock interviews", kind=Goal.Kind.SKILLS,
        target_date=days(14), start_date=days(-14), target_value=Decimal(5),
        unit="mock interviews",
    )  # fmt: skip
    CheckIn.objects.create(goal=goal, day=days(-3), value=Decimal(2))
    return goal


def close(client: Client, goal: Goal, status: str) -> None:
    response = client.post(reverse("goals:status", args=[goal.pk]), {"status": status})
    assert response.status_code == 302


def on_the_day() -> str:
    return f"{today():%-d %b %Y}".lstrip("0")


def test_while_active_the_goal_shows_its_pace(alice_client: Client, stories: Goal) -> None:
    """The pace line the finished goal must lose is there before: the test can fail."""
    page = alice_client.get(reverse("goals:detail", args=[stories.pk])).text
    assert "ideal today: 50%" in page
    assert "SMART check:" in page


def test_a_goal_reached_with_nothing_logged_says_reached_and_no_zero(
    alice_client: Client, stories: Goal
) -> None:
    close(alice_client, stories, "done")
    for url in (reverse("goals:detail", args=[stories.pk]), reverse("goals:index")):
        page = alice_client.get(url).text
        assert "ideal today" not in page, url
        assert "behind" not in page, url
        assert f"Reached on {on_the_day()}" in page, url
        assert "no progress was logged" in page, url
        assert not re.search(r'progress-figure">0%', page), url
        assert '<progress max="100" value="0' not in page, url
        assert "SMART check:" not in page, url  # its fixes are for a goal still being worked


def test_a_dropped_goal_shows_when_and_its_last_measured_progress(
    alice_client: Client, mocks: Goal
) -> None:
    close(alice_client, mocks, "dropped")
    goal_page = alice_client.get(reverse("goals:detail", args=[mocks.pk])).text
    plan = alice_client.get(reverse("goals:index")).text
    for page in (goal_page, plan):
        assert "ideal today" not in page
        assert f"Dropped on {on_the_day()}" in page
        assert "last measured: 2 of 5 mock interviews" in page
        assert 'progress-figure">40%' in page
    finished = plan.split('id="finished"')[1]
    assert "Do 5 recorded mock interviews" in finished
    # The chart keeps the figures logged, without the ideal line a closed goal no longer keeps.
    assert 'class="ideal"' not in goal_page
    assert "ideal line" not in goal_page


def test_reopened_the_goal_has_its_pace_again(alice_client: Client, mocks: Goal) -> None:
    close(alice_client, mocks, "dropped")
    close(alice_client, mocks, "active")
    page = alice_client.get(reverse("goals:detail", args=[mocks.pk])).text
    assert "ideal today: 50%" in page
    assert "Dropped on" not in page


def test_the_dashboard_shows_no_pace_for_a_finished_goal(
    alice_client: Client, stories: Goal, mocks: Goal
) -> None:
    close(alice_client, stories, "done")
    close(alice_client, mocks, "dropped")
    page = alice_client.get(reverse("dashboard:home")).text
    assert "ideal today" not in page
    # The plan card, with no active goal left, does not say there were never any.
    assert "No goals yet" not in page
    assert "No active goals: 2 reached or dropped" in page
    digest = alice_client.get(reverse("dashboard:digest")).text
    assert "Write 5 STAR stories" not in digest  # the digest's goals are the active ones


def test_a_partner_sees_the_outcome_not_a_pace(
    client: Client, alice: User, bob: User, mocks: Goal
) -> None:
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(mocks)
    alice_client = Client()
    alice_client.force_login(alice)
    close(alice_client, mocks, "dropped")
    client.force_login(bob)
    page = client.get(reverse("partners:detail", args=[partnership.pk])).text
    assert "Do 5 recorded mock interviews" in page
    assert "ideal" not in page.split("Do 5 recorded mock interviews", 1)[1].split("</article>")[0]
    assert "Dropped on" in page
    assert "last measured: 2 of 5 mock interviews" in page


def test_the_outcome_keeps_a_measured_zero_and_drops_an_unmeasured_one() -> None:
    day = dt.date(2030, 3, 4)

    def measured(check_ins: tuple[tuple[int, float], ...]) -> Progress:
        from prepcoach.coach.progress import CheckIn as Logged

        logged = [Logged(day - dt.timedelta(days=d), v) for d, v in check_ins]
        return goal_progress(
            start=day - dt.timedelta(days=10), deadline=day + dt.timedelta(days=10), today=day,
            check_ins=logged, target=4, unit="mocks",
        )  # fmt: skip

    nothing = closed(measured(()), reached=True, closed_on=day)
    assert (nothing.reached, nothing.closed_on, nothing.percent, nothing.basis) == (
        True, day, None, "",
    )  # fmt: skip
    zero = closed(measured(((2, 0.0),)), reached=False, closed_on=day)
    assert (zero.percent, zero.basis) == (0.0, "0 of 4 mocks")
    three = closed(measured(((5, 1.0), (2, 3.0))), reached=True, closed_on=None)
    assert (three.percent, three.basis, three.closed_on) == (75.0, "3 of 4 mocks", None)
