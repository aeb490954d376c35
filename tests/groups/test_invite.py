"""Invitation links: made by the owner, shown once, stored hashed, withdrawn from the board."""

import hashlib

from django.test import Client
from django.urls import reverse

from prepcoach.groups.models import Group, GroupInvite
from tests.groups.conftest import make_invite


def test_the_owner_makes_a_link_stored_only_as_a_digest(alice_client: Client, group: Group) -> None:
    token = make_invite(alice_client, group)
    invite = GroupInvite.objects.get()
    assert len(token) >= 32  # 192 bits, URL-safe base64
    assert invite.token_digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invite.token_digest
    assert "works until" in alice_client.get(reverse("groups:board", args=[group.pk])).text


def test_inviting_twice_makes_two_links_that_both_work(
    alice_client: Client, bob_client: Client, carol_client: Client, group: Group
) -> None:
    first, second = make_invite(alice_client, group), make_invite(alice_client, group)
    assert first != second
    for token in (first, second):
        page = carol_client.get(reverse("groups:join", args=[token]))
        assert page.status_code == 200
        assert "Join Thursday analysts" in page.text


def test_withdrawing_a_link_stops_it(
    alice_client: Client, carol_client: Client, group: Group
) -> None:
    token = make_invite(alice_client, group)
    invite = GroupInvite.objects.get()
    response = alice_client.post(reverse("groups:invite_revoke", args=[invite.pk]))
    assert response.url == reverse("groups:board", args=[group.pk])
    page = carol_client.get(reverse("groups:join", args=[token]))
    assert page.status_code == 404
    assert "This invitation link does not work" in page.text


def test_only_the_owner_invites_or_withdraws(
    alice_client: Client, bob_client: Client, carol_client: Client, group: Group
) -> None:
    assert bob_client.post(reverse("groups:invite_new", args=[group.pk])).status_code == 404
    assert carol_client.post(reverse("groups:invite_new", args=[group.pk])).status_code == 404
    make_invite(alice_client, group)
    invite = GroupInvite.objects.get()
    for other in (bob_client, carol_client):
        assert other.post(reverse("groups:invite_revoke", args=[invite.pk])).status_code == 404
    invite.refresh_from_db()
    assert invite.revoked_at is None
