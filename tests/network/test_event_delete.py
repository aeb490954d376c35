"""Deleting an event keeps the people met there."""

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.network.models import Contact, Event
from tests.network.conftest import add_contact, add_event


def test_deleting_an_event_keeps_its_people(alice_client: Client, alice: User) -> None:
    event = add_event(alice, "Meetup")
    event.contacts.add(add_contact(alice, "Ana Lee"))
    response = alice_client.post(f"/plan/network/events/{event.pk}/delete/", follow=True)
    assert "the people you met there stay" in response.content.decode()
    assert not Event.objects.exists()
    assert Contact.objects.filter(name="Ana Lee").exists()


def test_bob_cannot_delete_alices_event(client: Client, alice: User, bob: User) -> None:
    event = add_event(alice, "Meetup")
    client.force_login(bob)
    assert client.post(f"/plan/network/events/{event.pk}/delete/").status_code == 404
    assert Event.objects.filter(pk=event.pk).exists()
