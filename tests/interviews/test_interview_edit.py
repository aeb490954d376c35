"""Editing an interview: the form comes back on the user's clock; others' are not found."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_interview


def test_alice_moves_her_interview(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice)
    interview.starts_at = dt.datetime(2026, 7, 10, 13, 0, tzinfo=dt.UTC)
    interview.save()
    page = alice_client.get(f"/interviews/{interview.pk}/edit/").content.decode()
    assert 'value="2026-07-10"' in page
    assert 'value="14:00"' in page
    response = alice_client.post(
        f"/interviews/{interview.pk}/edit/",
        {"day": "2026-07-11", "time": "09:15", "round_name": "Second round", "format": "phone"},
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.starts_at == dt.datetime(2026, 7, 11, 8, 15, tzinfo=dt.UTC)
    assert (interview.round_name, interview.format) == ("Second round", "phone")


def test_bobs_interview_is_not_found(alice_client: Client, bob: User) -> None:
    interview = add_interview(bob)
    before = interview.starts_at
    response = alice_client.post(
        f"/interviews/{interview.pk}/edit/",
        {"day": "2026-07-11", "time": "09:15", "round_name": "Mine now", "format": "phone"},
    )
    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.starts_at == before
    assert interview.round_name == "First round"
    assert timezone.is_aware(interview.starts_at)
