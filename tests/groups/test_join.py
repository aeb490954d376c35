"""Joining by link; expired, withdrawn and mistyped links say so alike, never a 500 and never
whether the group exists; joining twice."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, GroupInvite, Membership
from prepcoach.practice.models import Question
from tests.groups.conftest import SHARED_TEXT, make_invite


def test_a_signed_in_user_joins_by_link(
    alice_client: Client, carol_client: Client, carol: User, group: Group,
    shared_question: Question,
) -> None:  # fmt: skip
    token = make_invite(alice_client, group)
    url = reverse("groups:join", args=[token])
    page = carol_client.get(url).text
    assert "Alice Doe invited you" in page
    assert SHARED_TEXT not in page
    response = carol_client.post(url)
    assert response.url == reverse("groups:board", args=[group.pk])
    assert Membership.objects.filter(group=group, user=carol).exists()
    assert SHARED_TEXT in carol_client.get(response.url).text


def test_joining_twice_keeps_one_membership(
    alice_client: Client, bob_client: Client, bob: User, group: Group
) -> None:
    token = make_invite(alice_client, group)
    response = bob_client.post(reverse("groups:join", args=[token]), follow=True)
    assert "You are already a member of Thursday analysts" in response.text
    assert Membership.objects.filter(group=group, user=bob).count() == 1


def test_a_former_member_may_come_back_with_a_working_link(
    alice_client: Client, dave_client: Client, dave: User, group: Group
) -> None:
    token = make_invite(alice_client, group)
    dave_client.post(reverse("groups:join", args=[token]))
    assert Membership.objects.filter(group=group, user=dave).exists()


def test_a_visitor_is_asked_to_log_in_first(alice_client: Client, group: Group) -> None:
    token = make_invite(alice_client, group)
    client = Client()  # no session
    url = reverse("groups:join", args=[token])
    page = client.get(url).text
    assert "Log in to join" in page
    assert f"next={url}" in page.replace("%2F", "/")
    client.post(url)
    assert Membership.objects.filter(group=group).count() == 2  # alice and bob only


def _expired(group: Group) -> str:
    from prepcoach.accounts.access import new_link_token

    token, digest = new_link_token()
    GroupInvite.objects.create(group=group, token_digest=digest,
                               expires_at=timezone.now() - dt.timedelta(seconds=1))  # fmt: skip
    return token


def _withdrawn(group: Group) -> str:
    from prepcoach.accounts.access import new_link_token

    token, digest = new_link_token()
    GroupInvite.objects.create(group=group, token_digest=digest, revoked_at=timezone.now(),
                               expires_at=GroupInvite.expiry())  # fmt: skip
    return token


@pytest.mark.parametrize("kind", ["expired", "withdrawn", "mistyped", "huge", "never made"])
def test_a_link_that_does_not_work_says_so_the_same_way(
    kind: str, alice_client: Client, carol_client: Client, carol: User, group: Group
) -> None:
    token = {
        "expired": lambda: _expired(group),
        "withdrawn": lambda: _withdrawn(group),
        "mistyped": lambda: make_invite(alice_client, group)[:-3] + "abc",
        "huge": lambda: "a" * 5000,
        "never made": lambda: "no-such-link-token",
    }[kind]()
    for method in ("get", "post"):
        response = getattr(carol_client, method)(reverse("groups:join", args=[token]))
        assert response.status_code == 404
        assert "This invitation link does not work" in response.text
        assert "Thursday analysts" not in response.text
        assert "Alice" not in response.text
    assert not Membership.objects.filter(user=carol).exists()


def test_a_visitor_who_signs_up_from_the_invitation_lands_on_it_ready_to_join(
    alice_client: Client, group: Group
) -> None:
    """A trial's new member (Priya) followed "Create an account" from a group's invitation,
    landed on her profile, and the join page told her to open the link again."""
    token = make_invite(alice_client, group)
    client = Client()  # no session
    url = reverse("groups:join", args=[token])
    invitation = client.get(url).text.replace("%2F", "/")
    signup = f"{reverse('accounts:signup')}?next={url}"
    assert f'href="{signup}"' in invitation
    form = client.get(signup).text
    assert f'name="next" value="{url}"' in form
    response = client.post(signup, {"email": "priya@example.com", "password1": "a long pass "
                                    "phrase 7", "password2": "a long pass phrase 7", "next": url})  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == url
    ready = client.get(url).text
    assert "Join the group" in ready
    assert "Log in to join" not in ready
    client.post(url)
    priya = User.objects.get(email="priya@example.com")
    assert Membership.objects.filter(group=group, user=priya).exists()
