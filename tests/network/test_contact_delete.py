"""Deleting a person: POST only, the owner only."""

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.network.models import Contact
from tests.network.conftest import add_contact


def test_alice_deletes_her_contact(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    url = f"/plan/network/contacts/{contact.pk}/delete/"
    assert alice_client.get(url).status_code == 405
    response = alice_client.post(url, follow=True)
    assert "Ana Lee deleted." in response.content.decode()
    assert not Contact.objects.exists()


def test_bob_cannot_delete_alices_contact(client: Client, alice: User, bob: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    client.force_login(bob)
    assert client.post(f"/plan/network/contacts/{contact.pk}/delete/").status_code == 404
    assert Contact.objects.filter(pk=contact.pk).exists()
