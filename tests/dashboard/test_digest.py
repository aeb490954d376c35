"""The digest page: goal progress, steps due, improvement areas, saved reading and new items
from the feeds, with how often the mail comes. Personas: alice (her own of each), bob (his
own, never shown to her)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from prepcoach.reading.models import DigestSettings, Feed, FeedItem, ReadingItem

URL = reverse("dashboard:digest")


def fill(user: User, name: str) -> None:
    today = timezone.localdate()
    goal = Goal.objects.create(user=user, text=f"{name}: do 4 mock interviews by Friday",
                               target_date=today + dt.timedelta(days=4))  # fmt: skip
    Step.objects.create(goal=goal, title=f"{name}'s step", due_date=today + dt.timedelta(days=2))
    ReadingItem.objects.create(user=user, title=f"{name}'s course", kind="course")
    feed = Feed.objects.create(user=user, url=f"https://example.org/{name}.xml", title="Health")
    FeedItem.objects.create(
        feed=feed, guid="1", title=f"{name}'s news", link="https://example.org/1"
    )


def test_the_page_holds_what_the_mail_holds(alice_client: Client, alice: User, bob: User) -> None:
    fill(alice, "Alice")
    fill(bob, "Bob")
    page = alice_client.get(URL).text
    assert "Your digest" in page
    today = timezone.localdate()
    assert f"for the week to {today.day} {today:%b}</span>" in page
    assert "week from" not in page
    assert "Alice: do 4 mock interviews by Friday" in page
    assert "0 %" in page
    assert "Alice&#x27;s step" in page
    assert "Alice&#x27;s course" in page
    assert "Alice&#x27;s news" in page
    assert "No pattern stands out in your recent answers." in page
    assert "Bob" not in page


def test_how_often_is_set_here_every_two_weeks_too(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, {"frequency": "fortnight"})
    assert response["Location"] == URL
    assert DigestSettings.objects.get(user=alice).frequency == "fortnight"
    page = alice_client.get(URL).text
    assert "for the two weeks to " in page
    assert "Digest mail: every other monday morning." in page


def test_a_choice_that_is_not_offered_changes_nothing(alice_client: Client, alice: User) -> None:
    DigestSettings.objects.create(user=alice, frequency="weekly")
    page = alice_client.post(URL, {"frequency": "hourly"}).text
    assert "Choose how often the digest comes: nothing was changed." in page
    assert DigestSettings.objects.get(user=alice).frequency == "weekly"


def test_it_asks_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_steps_goal_ending_in_a_full_stop_is_named_without_it(
    alice_client: Client, alice: User
) -> None:
    """A step's note named its goal as written, full stop and all: "…by the end of next
    month. · 2 days overdue"."""
    goal = Goal.objects.create(user=alice, text="Do 4 mock interviews by the end of next month.")
    Step.objects.create(goal=goal, title="First mock", due_date=timezone.localdate())
    page = alice_client.get(URL).text
    assert "Do 4 mock interviews by the end of next month · due today" in page
    assert ". ·" not in page
