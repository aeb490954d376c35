"""The plan shows finished and dropped goals a page at a time, the latest first (issue 15,
item 5): they pile up without bound, a dozen a year, and each shown costs its progress. Alice
has one active goal and has finished twelve; Bob has only just begun."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.goals.views import FINISHED_PAGE
from tests.goals.conftest import days
from tests.goals.grown import finish
from tests.support import page_queries


@pytest.fixture
def alices_year(alice: User) -> list[Goal]:
    """Alice's active goal and her twelve finished ones, the latest finished last."""
    active = Goal.objects.create(
        user=alice, text="Run 6 mock interviews this month", kind=Goal.Kind.SKILLS,
        target_date=days(20), target_value=Decimal(6), unit="mock interviews",
        start_date=days(-5),
    )  # fmt: skip
    return [active, *finish(alice, 12)]


def shown(page: str) -> list[str]:
    return re.findall(r"Finished goal number \d+", page)


def test_the_plan_shows_the_latest_finished_goals_and_a_link_to_the_earlier(
    alice_client: Client, alices_year: list[Goal]
) -> None:
    assert FINISHED_PAGE == 5
    page = alice_client.get(reverse("goals:index")).text
    assert "Run 6 mock interviews this month" in page
    assert shown(page) == [f"Finished goal number {k}" for k in (11, 10, 9, 8, 7)]
    assert "Finished and dropped (12)" in page
    assert "Page 1 of 3, latest first" in page
    assert 'href="?finished=2#finished">Earlier ones' in page
    assert "Later ones" not in page


def test_the_earlier_finished_goals_are_a_page_away(
    alice_client: Client, alices_year: list[Goal]
) -> None:
    url = reverse("goals:index")
    middle = alice_client.get(url, {"finished": "2"}).text
    assert shown(middle) == [f"Finished goal number {k}" for k in (6, 5, 4, 3, 2)]
    assert 'href="?finished=1#finished">← Later ones' in middle
    assert 'href="?finished=3#finished">Earlier ones' in middle
    # A dropped goal is listed as dropped, a reached one as done, each with its progress.
    assert "badge-dropped" in middle
    assert "badge-done" in middle
    assert middle.count("4 of 4 mock interviews") == 5
    last = alice_client.get(url, {"finished": "3"}).text
    assert shown(last) == ["Finished goal number 1", "Finished goal number 0"]
    assert "Page 3 of 3, latest first" in last
    assert "Earlier ones" not in last
    # Every page still shows the active goal and the whole plan above the finished ones.
    assert "Run 6 mock interviews this month" in last


@pytest.mark.parametrize(
    ("asked", "number"), [("x", 1), ("0", 1), ("-1", 1), ("2.5", 1), ("99", 3), ("", 1)]
)
def test_a_page_number_out_of_range_shows_a_page_that_exists(
    alice_client: Client, alices_year: list[Goal], asked: str, number: int
) -> None:
    response = alice_client.get(reverse("goals:index"), {"finished": asked})
    assert response.status_code == 200
    assert f"Page {number} of 3, latest first" in response.text


def test_the_order_is_when_each_was_closed_not_when_it_was_last_edited(
    alice_client: Client, alices_year: list[Goal]
) -> None:
    # A fresh user-tester edited the oldest finished goal's notes and it jumped to the top.
    oldest = alices_year[1]
    edited = alice_client.post(
        reverse("goals:edit", args=[oldest.pk]),
        {"text": oldest.text, "kind": oldest.kind, "why": "It got me my first offer.",
         "success_note": "", "target_date": "", "target_value": "4", "unit": "mock interviews",
         "start_date": oldest.start_date.isoformat()},
    )  # fmt: skip
    assert edited.status_code == 302, edited.content
    oldest.refresh_from_db()
    assert oldest.why == "It got me my first offer."
    url = reverse("goals:index")
    assert shown(alice_client.get(url).text)[0] == "Finished goal number 11"
    assert "Finished goal number 0" in shown(alice_client.get(url, {"finished": "3"}).text)
    # Reopened it is active; reached again it is the latest closed, at the top.
    status = reverse("goals:status", args=[oldest.pk])
    alice_client.post(status, {"status": "active"})
    oldest.refresh_from_db()
    assert oldest.closed_at is None
    alice_client.post(status, {"status": "done"})
    assert shown(alice_client.get(url).text)[0] == "Finished goal number 0"


def test_a_few_finished_goals_need_no_pages(alice_client: Client, alice: User) -> None:
    finish(alice, FINISHED_PAGE)
    page = alice_client.get(reverse("goals:index")).text
    assert len(shown(page)) == FINISHED_PAGE
    assert "Finished and dropped</h2>" in page
    assert 'class="pager"' not in page
    # With nothing active, the plan says so above the finished goals.
    assert "No active goals." in page


def test_a_plan_with_no_finished_goals_has_no_such_list(bob: User, client: Client) -> None:
    client.force_login(bob)
    page = client.get(reverse("goals:index")).text
    assert "Set your first goal" in page
    assert "Finished and dropped" not in page
    Goal.objects.create(user=bob, text="Write 3 STAR stories by Friday", start_date=days(0))
    page = client.get(reverse("goals:index")).text
    assert "Write 3 STAR stories by Friday" in page
    assert "Finished and dropped" not in page
    assert "Set your first goal" not in page


def test_the_plan_reads_the_progress_of_the_goals_it_shows_only(
    alice_client: Client, alice: User
) -> None:
    """Steps and check-ins are read for the active goals and one page of finished ones, so the
    work stays the same with 6 finished goals as with 60."""
    finish(alice, 6)
    few = page_queries(alice_client, reverse("goals:index"))
    finish(alice, 54, first=6)
    sql = page_queries(alice_client, reverse("goals:index"))
    assert len(sql) == len(few)
    for table in ("goals_step", "goals_checkin"):
        (read,) = [q for q in sql if f'FROM "{table}" WHERE "{table}"."goal_id" IN' in q]
        assert len(re.search(r"IN \(([^)]*)\)", read)[1].split(",")) == FINISHED_PAGE  # type: ignore[index]
