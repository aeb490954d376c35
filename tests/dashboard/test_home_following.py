"""A partner's own dashboard names whom they keep accountable and the goals each shared with
them, linked to where they follow them (a new user's trial: bob's dashboard never mentioned
alice's goal). Only what its owner shared shows. Personas: alice shares one goal with bob and
keeps one to herself; carol follows nobody."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.partners.models import Partnership
from tests.conftest import make_user
from tests.partners.conftest import (
    SHARED_TEXT,
    assert_no_secret,
    create_secret_goal,
    create_shared_goal,
)


def test_the_partner_sees_whose_goals_they_keep_accountable(
    client: Client, alice: User, bob: User
) -> None:
    shared = create_shared_goal(alice)
    create_secret_goal(alice)
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(shared)
    client.force_login(bob)
    page = client.get(reverse("dashboard:home")).text
    detail = reverse("partners:detail", args=[partnership.pk])
    assert "You keep accountable" in page
    assert f'<a href="{detail}">Alice Doe</a> shares 1 goal with you:' in page
    assert f'<a href="{detail}#goal-{shared.pk}">{SHARED_TEXT}</a>' in page
    assert_no_secret(page)


def test_a_partnership_sharing_nothing_says_so(client: Client, alice: User, bob: User) -> None:
    create_secret_goal(alice)
    Partnership.objects.create(owner=alice, partner=bob)
    client.force_login(bob)
    page = client.get(reverse("dashboard:home")).text
    assert 'Alice Doe</a> <span class="meta">shares no goals with you at the moment' in page
    assert_no_secret(page)


def test_the_owner_and_a_stranger_see_no_such_card(
    alice_client: Client, alice: User, bob: User
) -> None:
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(create_shared_goal(alice))
    assert "You keep accountable" not in alice_client.get(reverse("dashboard:home")).text
    carol = Client()
    carol.force_login(make_user("carol@example.com", name="Carol Poe"))
    page = carol.get(reverse("dashboard:home")).text
    assert "You keep accountable" not in page
    assert SHARED_TEXT not in page
