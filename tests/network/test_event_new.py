"""Adding an event, with the people met there (only Alice's own can be ticked)."""

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.network.models import Event
from tests.network.conftest import add_contact


def test_alice_adds_an_event_with_people(alice_client: Client, alice: User) -> None:
    ana = add_contact(alice, "Ana Lee")
    response = alice_client.post(
        "/plan/network/events/new/",
        {"name": "PyData London", "day": "2026-03-10", "place": "Shoreditch",
         "contacts": [ana.pk]},
    )  # fmt: skip
    event = Event.objects.get()
    assert response["Location"] == f"/plan/network/events/{event.pk}/"
    assert list(event.contacts.all()) == [ana]
    page = alice_client.get(response["Location"]).content.decode()
    assert "Tuesday 10 March 2026" in page
    assert "Ana Lee" in page


def test_bobs_contacts_cannot_be_ticked(alice_client: Client, bob: User) -> None:
    bobs = add_contact(bob, "Bob's friend")
    response = alice_client.post(
        "/plan/network/events/new/", {"name": "Meetup", "day": "2026-03-10", "contacts": [bobs.pk]}
    )
    assert response.status_code == 422
    assert not Event.objects.exists()


def test_a_name_and_a_real_date_are_needed(alice_client: Client) -> None:
    response = alice_client.post("/plan/network/events/new/", {"name": "", "day": "someday"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Name the event" in page
    assert "That is not a real date" in page
