"""Follow-ups come due in the week view and in the calendar feed."""

import datetime as dt

import icalendar
from django.test import Client
from django.utils import timezone

from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import User
from prepcoach.goals.models import CalendarFeed
from tests.network.conftest import add_contact


def test_the_week_shows_follow_ups_on_their_day_and_overdue_ones(
    alice_client: Client, alice: User
) -> None:
    today = timezone.localdate()
    add_contact(alice, "Ana Lee", company="NHS", next_follow_up=today)
    add_contact(alice, "Late Larry", next_follow_up=today - dt.timedelta(days=9))
    add_contact(bob := User.objects.create_user(email="b2@example.com", password="x" * 12),
                "Bob's friend", next_follow_up=today)  # fmt: skip
    del bob
    page = alice_client.get(f"/plan/week/?start={today.isoformat()}").content.decode()
    assert "Follow up with <a" in page
    assert "Ana Lee" in page
    assert "Follow-ups overdue" in page
    assert "Late Larry" in page
    assert f"was due {today - dt.timedelta(days=9):%A %-d %B}" in page
    assert "Bob&#x27;s friend" not in page


def test_next_weeks_follow_up_is_not_on_this_week(alice_client: Client, alice: User) -> None:
    today = timezone.localdate()
    add_contact(alice, "Later Lou", next_follow_up=today + dt.timedelta(days=14))
    page = alice_client.get("/plan/week/").content.decode()
    assert "Later Lou" not in page
    start = today + dt.timedelta(days=14)
    assert (
        "Later Lou" in alice_client.get(f"/plan/week/?start={start.isoformat()}").content.decode()
    )


def test_the_calendar_feed_has_each_follow_up(client: Client, alice: User) -> None:
    day = timezone.localdate() + dt.timedelta(days=3)
    add_contact(alice, "Ana Lee", company="NHS", next_follow_up=day, notes="secret notes")
    add_contact(alice, "No Date")
    token, digest = new_link_token()
    CalendarFeed.objects.create(user=alice, token_digest=digest)
    response = client.get(f"/plan/calendar/{token}.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    follow_ups = [e for e in calendar.walk("VEVENT") if str(e["summary"]).startswith("Follow up")]
    assert [str(e["summary"]) for e in follow_ups] == ["Follow up: Ana Lee (NHS)"]
    assert follow_ups[0].decoded("dtstart") == day
    assert b"secret notes" not in response.content
