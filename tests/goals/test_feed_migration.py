"""Hashing the calendar addresses (issue 11, class 8) keeps every calendar subscribed before it
updating: an address made before the migration opens the same plan after it."""

import pytest
from django.test import Client

from prepcoach.accounts.access import link_digest
from tests.support import migrate, migrate_to_latest

BEFORE = [("goals", "0005_goal_area")]
AFTER = [("goals", "0006_calendar_feed_token_digest")]


@pytest.mark.django_db(transaction=True)
def test_an_address_made_before_hashing_still_opens_its_calendar() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    old.get_model("goals", "Goal").objects.create(user=user, text="Write 3 STAR stories")
    old.get_model("goals", "CalendarFeed").objects.create(user=user, token="made-before-42")

    new = migrate(AFTER)
    feeds = list(new.get_model("goals", "CalendarFeed").objects.values_list("token_digest"))
    assert feeds == [(link_digest("made-before-42"),)]

    migrate_to_latest()
    response = Client().get("/plan/calendar/made-before-42.ics")
    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content
