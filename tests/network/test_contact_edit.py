"""Editing a person."""

from django.test import Client

from prepcoach.accounts.models import User
from tests.network.conftest import add_contact


def test_alice_edits_her_contact(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    url = f"/plan/network/contacts/{contact.pk}/edit/"
    assert 'value="Ana Lee"' in alice_client.get(url).content.decode()
    response = alice_client.post(url, {"name": "Ana Lee-Park", "company": "NHS"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.company) == ("Ana Lee-Park", "NHS")


def test_an_invalid_edit_keeps_the_contact(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    response = alice_client.post(f"/plan/network/contacts/{contact.pk}/edit/", {"name": ""})
    assert response.status_code == 422
    contact.refresh_from_db()
    assert contact.name == "Ana Lee"


def test_bob_cannot_edit_alices_contact(client: Client, alice: User, bob: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    client.force_login(bob)
    url = f"/plan/network/contacts/{contact.pk}/edit/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Bob was here"}).status_code == 404
