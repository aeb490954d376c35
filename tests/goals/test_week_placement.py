"""Moving a step on the week (a tester's bug: a step due today, moved to Wednesday, was on
Wednesday by one page and on today's list by the other). The user's placement decides when
the step is worked on, on the week and on the dashboard alike (`coach.planning.pinned_day`),
and its due date stays shown. Alice has a step due today; Bob tries to move it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import add_step, today


def next_wednesday() -> dt.date:
    """The first Wednesday after today: one to seven days away, whatever today is."""
    return today() + dt.timedelta(days=(2 - today().weekday()) % 7 or 7)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@pytest.fixture
def due_today(mock_goal: Goal) -> Step:
    return add_step(mock_goal, "Draft the conflict story", 0)


def block(step: Step, day: dt.date) -> str:
    return f'id="block-{step.pk}-{day:%Y%m%d}"'


def week_of(client: Client, day: dt.date) -> str:
    response = client.get(reverse("goals:week"), {"start": day.isoformat()})
    assert response.status_code == 200
    return response.text


def place(client: Client, step: Step, day: dt.date | None) -> str:
    data = {"unplace": "1"} if day is None else {"planned_on": day.isoformat()}
    response = client.post(reverse("goals:step_place", args=[step.pk]), data, follow=True)
    assert response.status_code == 200
    return response.text


def test_a_step_moved_to_wednesday_is_on_wednesday_with_its_due_date(
    alice_client: Client, alice: User, due_today: Step
) -> None:
    # Today has an hour whatever day the suite runs: alice gives Sundays nothing, so on a Sunday
    # the step due today had no day left in today's week to offer the move on.
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    wednesday = next_wednesday()
    assert wednesday > today()
    assert wednesday.weekday() == 2
    assert 'class="block-move"' in week_of(alice_client, today())  # the week offers the move
    page = place(alice_client, due_today, wednesday)
    due_today.refresh_from_db()
    assert (due_today.planned_on, due_today.due_date) == (wednesday, today())
    assert f"moved to Wednesday {wednesday:%-d %b}; still due {today():%a %-d %b}" in page
    # Back on the week of that Wednesday, with the step there and nowhere else.
    assert f"Week of {monday(wednesday):%-d %B %Y}" in page
    assert block(due_today, wednesday) in page
    assert len(re.findall(rf'id="block-{due_today.pk}-\d{{8}}"', page)) == 1
    start = page.split(block(due_today, wednesday))[0].rsplit("<li", 1)[1]
    assert "late" in start  # moved past its due date: marked late, the due date said
    wednesday_block = page.split(block(due_today, wednesday))[1].split("</li>")[0]
    assert f"due {today():%-d %b}" in wednesday_block
    assert "you put it here" in wednesday_block
    # Said in words, not by colour alone (a new user's trial).
    assert '<strong class="warn-text">late</strong>' in wednesday_block
    # Today's week (the same one, or the one before) does not show it today.
    assert block(due_today, today()) not in week_of(alice_client, today())


def test_let_prepcoach_place_it_again(alice_client: Client, due_today: Step) -> None:
    wednesday = next_wednesday()
    place(alice_client, due_today, wednesday)
    page = place(alice_client, due_today, None)
    due_today.refresh_from_db()
    assert due_today.planned_on is None
    assert "is placed by prepcoach again" in page
    assert block(due_today, wednesday) not in week_of(alice_client, wednesday)


def test_a_day_gone_by_is_refused(alice_client: Client, due_today: Step) -> None:
    page = place(alice_client, due_today, today() - dt.timedelta(days=1))
    assert "That day has gone: pick today or a later day." in page
    due_today.refresh_from_db()
    assert due_today.planned_on is None


def test_the_step_form_shows_and_keeps_the_day(alice_client: Client, due_today: Step) -> None:
    wednesday = next_wednesday()
    place(alice_client, due_today, wednesday)
    page = alice_client.get(reverse("goals:step_edit", args=[due_today.pk])).text
    assert "Work on it on" in page
    assert f'value="{wednesday.isoformat()}"' in page


def test_bob_cannot_move_alices_step(client: Client, bob: User, due_today: Step) -> None:
    client.force_login(bob)
    data = {"planned_on": next_wednesday().isoformat()}
    response = client.post(reverse("goals:step_place", args=[due_today.pk]), data)
    assert response.status_code == 404
    due_today.refresh_from_db()
    assert due_today.planned_on is None


def test_a_split_step_says_each_piece_is_part_of_its_hours(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    # A new user's trial: "1 h · due 5 Dec" and "3 h · due 5 Dec" did not say they were pieces of
    # one 30-hour step.
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    step = add_step(mock_goal, "Work through every SQLZoo tutorial", 2, hours=30)
    page = week_of(alice_client, today())
    piece = page.split(block(step, today()))[1].split("</li>")[0]
    assert "1 h of 30 h · due" in piece
    # Today's hour is before the due date: the step finishes late, this hour is not late (a
    # browser check read "late" on a block planned before its step's due date).
    assert '<strong class="warn-text">finishes late</strong>' in piece


def test_a_step_due_this_week_that_fits_only_after_it_is_named_on_this_week(
    alice_client: Client, alice: User, due_today: Step
) -> None:
    """A Sunday trial: today a day off at the week's end, the step due today was planned next
    Tuesday as late, and this week's view showed nothing of it."""
    left = today().weekday()  # today and the days after it this week give no hours
    alice.profile.weekly_hours = [1 if day < left else 0 for day in range(7)]
    alice.profile.save(update_fields=["weekly_hours"])
    page = week_of(alice_client, today())
    section = re.search(r'aria-labelledby="after-week-title">.*?</section>', page, re.S)
    assert section is not None
    said = section.group(0)
    assert "Due by the end of this week, planned after it" in said
    assert f"Draft the conflict story</a>: due {today():%A} {today().day} {today():%b}" in said
    if left:  # a day with hours next week: named, with its week's link
        assert re.search(r'planned from <a href="\?start=[\d-]+">\w+ \d+ \w+</a>, late', said)
    else:  # a Monday: no hours in any day, so nothing is placed
        assert "not placed in the plan's reach" in said
    alice.profile.weekly_hours = [1] * 7
    alice.profile.save(update_fields=["weekly_hours"])
    assert "after-week-title" not in week_of(alice_client, today())  # fits today: no section
    # One the user put on a day after the week is where they want it: not listed.
    due_today.planned_on = monday(today()) + dt.timedelta(days=8)
    due_today.save(update_fields=["planned_on"])
    assert "after-week-title" not in week_of(alice_client, today())
