"""One event's page: Alice's only."""

from django.test import Client

from prepcoach.accounts.models import User
from tests.network.conftest import add_event


def test_alice_sees_her_event_and_bob_gets_404(client: Client, alice: User, bob: User) -> None:
    event = add_event(alice, "<b>Career fair</b>")
    url = f"/plan/network/events/{event.pk}/"
    client.force_login(alice)
    page = client.get(url).content.decode()
    assert "&lt;b&gt;Career fair&lt;/b&gt;" in page
    assert "Nobody noted yet." in page
    client.force_login(bob)
    assert client.get(url).status_code == 404
