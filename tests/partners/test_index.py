"""GET /partners/: who sees my goals, whose goals I see, pending invitations."""

from __future__ import annotations

import re

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.partners.models import Partnership


def test_both_sides_are_listed(
    alice_client: Client, bob_client: Client, partnership: Partnership
) -> None:
    alices = alice_client.get("/partners/").content.decode()
    bobs = bob_client.get("/partners/").content.decode()

    assert "Who sees your goals" in alices
    assert "bob@example.com" in alices
    assert "End the partnership with Bob Roe" in alices
    assert f'href="/partners/{partnership.pk}/"' in bobs
    assert "1 goal shared with you" in bobs
    assert "Nobody sees your goals." in bobs


def test_a_stranger_sees_only_empty_states(carol_client: Client, partnership: Partnership) -> None:
    page = carol_client.get("/partners/").content.decode()

    assert "Nobody shares goals with you yet" in page
    assert "Nobody sees your goals." in page
    assert "Alice" not in page
    assert "Bob" not in page


def test_anonymous_is_sent_to_log_in(client: Client, alice: User) -> None:
    response = client.get("/partners/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_a_partner_without_a_name_is_named_once(
    alice_client: Client, bob: User, partnership: Partnership
) -> None:
    # A new user's trial: "sam@example.com sam@example.com · partner since …".
    bob.profile.name = ""
    bob.profile.save()
    page = alice_client.get("/partners/").content.decode()
    assert re.search(r'>bob@example.com</a>\s*<span class="meta">partner since', page)
    assert "bob@example.com · partner since" not in page
