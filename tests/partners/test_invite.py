"""POST /partners/invite/: alice invites bob by mail; the link's token is stored hashed."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core import mail
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import PartnerInvite, Partnership
from tests.partners.conftest import SECRET_TEXT, body_of, invite_link
from tests.support import SmtpSink


def invite(client: Client, email: str, *goals: Goal) -> object:
    return client.post("/partners/invite/", {"email": email, "goals": [g.pk for g in goals]})


def test_the_invitation_mail_goes_out_through_real_smtp_with_a_hashed_single_token(
    alice_client: Client, shared_goal: Goal, secret_goal: Goal, smtp_mail: SmtpSink
) -> None:
    response = invite(alice_client, "Bob@Example.com ", shared_goal)

    assert response.status_code == 302
    assert mail.outbox == []  # over the wire, through the worker's send_email task
    (message,) = smtp_mail.messages
    assert message["To"] == "bob@example.com"
    assert (
        message["Subject"] == "Alice Doe asks you to be their accountability partner on prepcoach"
    )
    body = body_of(message)
    assert f"- {shared_goal.text}" in body
    assert SECRET_TEXT not in body  # only the chosen goal is named
    token = invite_link(message).rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 22  # at least 128 bits in URL-safe base64 (this is 256)
    stored = PartnerInvite.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    for field in ("token_hash", "email"):
        assert token not in str(getattr(stored, field))
    assert list(stored.goals.all()) == [shared_goal]
    assert round((stored.expires_at - stored.created_at).total_seconds() / 86400) == 14
    page = alice_client.get("/partners/").content.decode()
    assert "bob@example.com" in page
    assert "Waiting for an answer" in page
    assert token not in page


def test_without_a_mail_server_the_page_gives_the_link_to_send(
    alice_client: Client, shared_goal: Goal, settings: Any
) -> None:
    import re

    # The local default prints mail to the server's console: nobody would get it.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    page = alice_client.post(
        "/partners/invite/", {"email": "bob@example.com", "goals": [shared_goal.pk]}, follow=True
    ).text
    assert "Invitation sent" not in page
    assert "No mail server is set up, so nothing was e-mailed to bob@example.com." in page
    link = re.search(r"(http://testserver/partners/invite/[A-Za-z0-9_-]+/)", page)
    assert link is not None
    token = link[1].rstrip("/").rsplit("/", 1)[1]
    stored = PartnerInvite.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()  # the real link
    # Shown once (only its hash is kept): the waiting list says so, and how to get another
    # (a new user's trial: the link was gone after leaving the page, and nothing said why).
    later = alice_client.get("/partners/").text
    assert token not in later
    assert "An invitation's link is shown once" in later
    assert "Withdraw the invitation and send a new one." in later


def test_inviting_yourself_says_so_and_keeps_the_form(
    alice_client: Client, shared_goal: Goal
) -> None:
    response = invite(alice_client, "ALICE@example.com", shared_goal)

    assert response.status_code == 422
    assert "That is your own address" in response.content.decode()
    assert 'value="ALICE@example.com"' in response.content.decode()
    assert PartnerInvite.objects.count() == 0


def test_inviting_twice_points_to_the_pending_invitation(
    alice_client: Client, shared_goal: Goal
) -> None:
    assert invite(alice_client, "bob@example.com", shared_goal).status_code == 302

    again = invite(alice_client, "bob@example.com", shared_goal)

    assert again.status_code == 422
    assert "You already invited bob@example.com" in again.content.decode()
    assert PartnerInvite.objects.count() == 1


def test_inviting_someone_who_is_already_a_partner_says_where_to_change_goals(
    alice_client: Client, alice: User, bob: User, shared_goal: Goal
) -> None:
    Partnership.objects.create(owner=alice, partner=bob)

    response = invite(alice_client, "bob@example.com", shared_goal)

    assert response.status_code == 422
    assert "bob@example.com is already your partner" in response.content.decode()


def test_an_invitation_needs_a_goal_and_only_ones_own(
    alice_client: Client, bob: User, shared_goal: Goal
) -> None:
    bobs = Goal.objects.create(user=bob, text="Bob's own goal")

    assert "Pick at least one goal" in invite(alice_client, "x@example.com").content.decode()
    foreign = invite(alice_client, "x@example.com", bobs)

    assert foreign.status_code == 422
    assert PartnerInvite.objects.count() == 0


def test_a_bad_address_is_refused_with_a_message(alice_client: Client, shared_goal: Goal) -> None:
    response = invite(alice_client, "not an address", shared_goal)

    assert response.status_code == 422
    assert "Enter a valid email address" in response.content.decode()


def test_with_no_goals_the_page_says_to_set_one_first(alice_client: Client) -> None:
    page = alice_client.get("/partners/").content.decode()

    assert "Set a goal first" in page
    assert "Nobody shares goals with you yet" in page


def test_withdrawing_kills_the_link_and_only_the_owner_can(
    alice_client: Client, carol_client: Client, shared_goal: Goal, smtp_mail: SmtpSink
) -> None:
    invite(alice_client, "bob@example.com", shared_goal)
    link = invite_link(smtp_mail.messages[0])
    pending = PartnerInvite.objects.get()

    assert carol_client.post(f"/partners/invites/{pending.pk}/withdraw/").status_code == 404
    assert alice_client.post(f"/partners/invites/{pending.pk}/withdraw/").status_code == 302

    pending.refresh_from_db()
    assert not pending.is_pending
    assert Client().get(link.replace("http://testserver", "")).status_code == 404


def test_anonymous_cannot_invite(client: Client, shared_goal: Goal) -> None:
    response = invite(client, "bob@example.com", shared_goal)

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert PartnerInvite.objects.count() == 0


def test_invitations_are_limited_a_day_withdrawn_ones_included(
    alice_client: Client, shared_goal: Goal, smtp_mail: SmtpSink
) -> None:
    from prepcoach.partners.views import MAX_INVITES_A_DAY

    for k in range(MAX_INVITES_A_DAY):
        invite(alice_client, f"friend{k}@example.com", shared_goal)
        alice_client.post(f"/partners/invites/{PartnerInvite.objects.latest('pk').pk}/withdraw/")
    refused = alice_client.post(
        "/partners/invite/", {"email": "one.more@example.com", "goals": [shared_goal.pk]}
    )
    assert refused.status_code == 422
    assert "try again tomorrow" in refused.content.decode()
    assert "one.more@example.com" in refused.content.decode()  # what was typed stays
    assert len(smtp_mail.messages) == MAX_INVITES_A_DAY
