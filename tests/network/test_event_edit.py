"""Editing an event."""

from django.test import Client

from prepcoach.accounts.models import User
from tests.network.conftest import add_event


def test_alice_edits_her_event(alice_client: Client, alice: User) -> None:
    event = add_event(alice, "Meetup")
    url = f"/plan/network/events/{event.pk}/edit/"
    assert 'value="Meetup"' in alice_client.get(url).content.decode()
    alice_client.post(url, {"name": "PyData meetup", "day": "2026-04-01"})
    event.refresh_from_db()
    assert event.name == "PyData meetup"


def test_bob_cannot_edit_alices_event(client: Client, alice: User, bob: User) -> None:
    event = add_event(alice, "Meetup")
    client.force_login(bob)
    url = f"/plan/network/events/{event.pk}/edit/"
    assert client.post(url, {"name": "Bob's", "day": "2026-04-01"}).status_code == 404
    event.refresh_from_db()
    assert event.name == "Meetup"
