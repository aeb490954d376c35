"""/partners/invite/<token>/: accepting with an account, by creating one, and every way a link
can fail (expired, used, withdrawn, mistyped) giving the same page that says what to do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import PartnerInvite, Partnership
from tests.conftest import PASSWORD

INVALID = "This invitation link does not work"


def issue(owner: User, *goals: Goal, email: str = "bob@example.com") -> str:
    invitation, token = PartnerInvite.issue(owner, email)
    invitation.goals.set(goals)
    return f"/partners/invite/{token}/"


def test_bob_with_an_account_accepts_and_sees_only_the_chosen_goal(
    alice: User, bob_client: Client, bob: User, shared_goal: Goal, secret_goal: Goal
) -> None:
    link = issue(alice, shared_goal)

    page = bob_client.get(link)
    assert page.status_code == 200
    assert "Be Alice Doe's accountability partner" in page.content.decode()
    accepted = bob_client.post(link)

    partnership = Partnership.objects.get(owner=alice, partner=bob)
    assert accepted["Location"] == f"/partners/{partnership.pk}/"
    assert list(partnership.goals.all()) == [shared_goal]
    assert not Partnership.objects.filter(owner=bob).exists()  # he shared nothing back
    assert PartnerInvite.objects.get().used_at is not None


def test_someone_without_an_account_signs_up_from_the_link_then_accepts(
    client: Client, alice: User, shared_goal: Goal
) -> None:
    link = issue(alice, shared_goal, email="dana@example.com")

    page = client.get(link).content.decode()
    assert "Log in to accept" in page
    assert 'value="dana@example.com"' in page
    signed_up = client.post(
        link, {"email": "dana@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert signed_up["Location"] == link
    assert signed_up.cookies["prepcoach_device"]["httponly"]  # the throttle knows her browser
    assert client.post(link).status_code == 302

    dana = User.objects.get(email="dana@example.com")
    assert dana.profile is not None
    assert list(Partnership.objects.get(partner=dana).goals.all()) == [shared_goal]


def test_a_visitor_signup_with_errors_keeps_the_invitation_valid(
    client: Client, alice: User, shared_goal: Goal
) -> None:
    link = issue(alice, shared_goal)

    response = client.post(link, {"email": "bob@example.com", "password1": "x", "password2": "y"})

    assert response.status_code == 422
    assert "Be Alice Doe's accountability partner" in response.content.decode()
    assert PartnerInvite.objects.get().used_at is None


def test_the_login_link_comes_back_to_the_invitation(
    client: Client, alice: User, shared_goal: Goal
) -> None:
    link = issue(alice, shared_goal)

    page = client.get(link).content.decode()

    assert f"/account/login/?next={link}" in page


def test_two_people_become_each_others_partners_in_one_step(
    alice: User, bob_client: Client, bob: User, shared_goal: Goal
) -> None:
    bobs = Goal.objects.create(user=bob, text="Finish the SQL course")
    Goal.objects.create(user=bob, text="Bob keeps this one")
    link = issue(alice, shared_goal)

    assert (
        "Share some of your own goals with Alice Doe too" in bob_client.get(link).content.decode()
    )
    bob_client.post(link, {"goals": [bobs.pk]})

    assert list(Partnership.objects.get(owner=alice, partner=bob).goals.all()) == [shared_goal]
    assert list(Partnership.objects.get(owner=bob, partner=alice).goals.all()) == [bobs]


def test_sharing_back_only_takes_ones_own_goals(
    alice: User, bob_client: Client, bob: User, shared_goal: Goal, secret_goal: Goal
) -> None:
    link = issue(alice, shared_goal)

    response = bob_client.post(link, {"goals": [secret_goal.pk]})  # alice's, not his

    assert response.status_code == 200  # the form again, with its error
    assert not Partnership.objects.exists()
    assert PartnerInvite.objects.get().used_at is None


def test_a_link_works_once(alice: User, bob_client: Client, carol_client: Client,
                           shared_goal: Goal) -> None:  # fmt: skip
    link = issue(alice, shared_goal)
    bob_client.post(link)

    again = carol_client.get(link)

    assert again.status_code == 404
    assert INVALID in again.content.decode()
    assert carol_client.post(link).status_code == 404
    assert Partnership.objects.count() == 1


@pytest.mark.parametrize("persona", ["anonymous", "bob"])
@pytest.mark.parametrize("spoil", ["expired", "used", "withdrawn", "mistyped", "garbage"])
def test_a_broken_link_says_so_and_what_to_do_whatever_broke_it(
    client: Client, alice: User, bob: User, shared_goal: Goal, spoil: str, persona: str
) -> None:
    link = issue(alice, shared_goal)
    invitation = PartnerInvite.objects.get()
    if spoil == "expired":
        invitation.expires_at = timezone.now() - dt.timedelta(seconds=1)
        invitation.save()
    elif spoil == "used":
        invitation.used_at = timezone.now()
        invitation.save()
    elif spoil == "withdrawn":
        invitation.delete()
    elif spoil == "mistyped":
        link = link[:-3] + "/"
    else:
        link = "/partners/invite/" + "%F0%9F%92%A9" * 40 + "/"
    if persona == "bob":
        client.force_login(bob)

    response = client.get(link)

    assert response.status_code == 404
    page = response.content.decode()
    assert INVALID in page
    assert "ask the person who invited you" in page
    assert "Alice" not in page  # no hint of whose it was, or that it ever existed
    assert client.post(link).status_code == 404
    assert not Partnership.objects.exists()


def test_opening_ones_own_invitation_explains_and_keeps_it(
    alice_client: Client, alice: User, shared_goal: Goal
) -> None:
    link = issue(alice, shared_goal)

    page = alice_client.get(link).content.decode()
    alice_client.post(link)

    assert "This is your own invitation" in page
    assert PartnerInvite.objects.get().used_at is None
    assert not Partnership.objects.exists()
