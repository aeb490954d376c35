"""The plan's pages ask the database a fixed number of times however much Alice has planned
(issue 15, item 5): the same queries with 5 goals as with 50, each goal's counted figure (a
job's key facts) read for all goals at once, not goal by goal."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from tests.goals.grown import grow
from tests.support import page_queries

PAGES = ["goals:index", "goals:week", "goals:review", "goals:detail"]


def queries(client: Client, url: str) -> int:
    return len(page_queries(client, url))


@pytest.mark.parametrize("name", PAGES)
def test_a_plan_page_asks_as_often_with_50_goals_as_with_5(
    alice_client: Client, alice: User, name: str
) -> None:
    first = grow(alice, 5)[0]  # a goal that counts a job's facts
    url = reverse(name, args=[first.pk]) if name == "goals:detail" else reverse(name)
    few = queries(alice_client, url)
    grow(alice, 45)
    assert Goal.objects.filter(user=alice).count() == 50
    assert queries(alice_client, url) == few


def test_the_plan_shows_each_goals_counted_facts(alice_client: Client, alice: User) -> None:
    goals = grow(alice, 10)
    page = alice_client.get(reverse("goals:index")).text
    for goal in goals:
        assert goal.text in page
    # Goals 0 and 5 count their job's 3 facts of 5; the others show their last check-in.
    assert page.count("3 of 5 mock interviews") == 2
    assert page.count("5 of 10 mock interviews") == 8


def test_the_goals_read_together_make_the_progress_each_makes_alone(alice: User) -> None:
    from decimal import Decimal

    from prepcoach.goals import plans
    from prepcoach.goals.models import CheckIn
    from tests.goals.conftest import today

    goals = grow(alice, 6)
    CheckIn.objects.create(goal=goals[1], day=today(), value=Decimal(7))  # a day's second figure
    CheckIn.objects.create(goal=goals[2], day=today(), value=None, note="a note, no figure")
    together = plans.progresses(goals, today())
    assert together == {g.pk: plans.progress_of(g, today()) for g in goals}
    assert together[goals[1].pk].basis == "7 of 10 mock interviews"
    assert together[goals[0].pk].basis == "3 of 5 mock interviews"  # its job's facts


@pytest.mark.parametrize("name", ["goals:index", "goals:week", "goals:detail", "dashboard:home"])
def test_a_page_reads_the_profile_once(alice_client: Client, alice: User, name: str) -> None:
    """The time-zone middleware reads Alice's profile; her clock, her weekly hours and the
    SMART check's context on the same page use that read instead of asking again."""
    first = grow(alice, 5)[0]
    url = reverse(name, args=[first.pk]) if name == "goals:detail" else reverse(name)
    sql = page_queries(alice_client, url)
    assert sum('FROM "accounts_profile"' in q for q in sql) == 1


def test_the_week_reads_its_steps_and_follow_ups_once(alice_client: Client, alice: User) -> None:
    grow(alice, 5)
    sql = page_queries(alice_client, reverse("goals:week"))
    assert sum('FROM "network_contact"' in q for q in sql) == 1
    assert sum('FROM "goals_step"' in q and '"done_on" >=' in q for q in sql) == 1


def test_a_goals_page_checks_its_words_as_they_are_now(alice_client: Client, alice: User) -> None:
    """The SMART check is kept for words, day and context seen before: new words are checked
    afresh, so an edit shows at once."""
    goal = grow(alice, 1)[0]
    url = reverse("goals:detail", args=[goal.pk])
    assert alice_client.get(url).status_code == 200
    Goal.objects.filter(pk=goal.pk).update(text="get better")
    page = alice_client.get(url).text
    assert "get better" in page
    assert plans_check(alice, "get better", goal) in page


def plans_check(user: User, text: str, goal: Goal) -> str:
    from django.utils import timezone

    from prepcoach.coach.smart import check_goal
    from prepcoach.goals import plans

    goal.refresh_from_db()
    context = plans.smart_context(user, goal, timezone.localdate())
    check = check_goal(text, today=timezone.localdate(), context=context)
    return check.specific.reason


@pytest.mark.parametrize("name", ["goals:index", "goals:review", "dashboard:home"])
def test_the_days_with_progress_are_read_in_one_query(
    alice_client: Client, alice: User, name: str
) -> None:
    """The streak's days (steps ticked off and check-ins logged) come from one query."""
    grow(alice, 3)
    sql = page_queries(alice_client, reverse(name))
    (days,) = [q for q in sql if '"goals_checkin"."day"' in q and '"goals_goal"."user_id"' in q]
    assert "UNION" in days
    assert '"goals_step"."done_on"' in days


@pytest.mark.parametrize("name", ["goals:index", "goals:detail", "dashboard:home"])
def test_the_plan_reads_its_steps_to_do_and_done_today_in_one_query(
    alice_client: Client, alice: User, name: str
) -> None:
    """The scheduler's steps (those still to do on active goals, and those done today, whose
    hours stay on today) come from one query."""
    first = grow(alice, 3)[0]
    url = reverse(name, args=[first.pk]) if name == "goals:detail" else reverse(name)
    sql = page_queries(alice_client, url)
    read = [q for q in sql if '"goals_step"."done_on" IS NULL' in q or '"done_on" >=' in q]
    assert len(read) == 1
    assert '"goals_step"."done_on" IS NULL' in read[0]
    assert '"goals_step"."done_on" >=' in read[0]


def test_a_goal_counting_its_jobs_facts_asks_as_often_as_one_logged_by_hand(
    alice_client: Client, alice: User
) -> None:
    """The job and its facts counted come from one query (`facts.facts_count`)."""
    counting, by_hand = grow(alice, 2)  # the first counts its job's 3 facts of 5
    facts_page = page_queries(alice_client, reverse("goals:detail", args=[counting.pk]))
    hand_page = page_queries(alice_client, reverse("goals:detail", args=[by_hand.pk]))
    assert len(facts_page) == len(hand_page)
    assert "3 of 5 mock interviews" in alice_client.get(counting.get_absolute_url()).text
