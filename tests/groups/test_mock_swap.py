"""Swapping sides: the same questions, the other way round; swapping twice makes one."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import PeerMock
from tests.groups.conftest import SHARED_TEXT


def test_swap_makes_the_reverse_pairing_once(
    alice_client: Client, bob_client: Client, alice: User, bob: User, peer_mock: PeerMock
) -> None:
    response = bob_client.post(reverse("groups:mock_swap", args=[peer_mock.pk]), follow=True)
    swapped = PeerMock.objects.get(swapped_from=peer_mock)
    assert swapped.interviewer.user == alice
    assert swapped.answerer.user == bob
    assert swapped.question_texts == [SHARED_TEXT]
    assert "Sides swapped: Alice Doe interviews and Bob Roe answers" in response.text
    assert "Bob Roe interviews you" not in response.text
    alice_client.post(reverse("groups:mock_swap", args=[peer_mock.pk]))
    assert PeerMock.objects.count() == 2
    page = alice_client.get(reverse("groups:mock", args=[swapped.pk])).text
    assert "You interview Bob Roe" in page
    assert SHARED_TEXT in page


def test_outsiders_cannot_swap(
    carol_client: Client, dave_client: Client, peer_mock: PeerMock
) -> None:
    for other in (carol_client, dave_client):
        assert other.post(reverse("groups:mock_swap", args=[peer_mock.pk])).status_code == 404
    assert PeerMock.objects.count() == 1


def test_the_swapped_peer_mock_links_back_rather_than_swapping_again(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """A look found "Swap sides" on the swapped peer mock too: pressed, it made a third peer
    mock, the first one again, listed on the board as upcoming beside it."""
    bob_client.post(reverse("groups:mock_swap", args=[peer_mock.pk]))
    swapped = PeerMock.objects.get(swapped_from=peer_mock)
    first = reverse("groups:mock", args=[peer_mock.pk])
    for client, side in ((alice_client, "you answer"), (bob_client, "you interview")):
        page = client.get(reverse("groups:mock", args=[swapped.pk])).text
        assert reverse("groups:mock_swap", args=[swapped.pk]) not in page
        assert f'Sides already swapped: in <a href="{first}">the first peer mock</a> {side}.' in (
            page
        )


def test_posting_swap_to_the_swapped_peer_mock_makes_none_and_goes_back(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """The swapped page no longer offers "Swap sides", but `mock_swap` posted to directly for it
    still made a third peer mock, the first pairing again: it makes none, and goes back to the
    first peer mock, saying so."""
    bob_client.post(reverse("groups:mock_swap", args=[peer_mock.pk]))
    swapped = PeerMock.objects.get(swapped_from=peer_mock)
    for client in (alice_client, bob_client):
        response = client.post(reverse("groups:mock_swap", args=[swapped.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("groups:mock", args=[peer_mock.pk])
        page = client.get(response["Location"]).text
        assert "Sides already swapped: this is the first peer mock." in page
    assert PeerMock.objects.count() == 2
