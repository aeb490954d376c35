"""A member, or the owner, deletes their account."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership, SharedQuestion
from prepcoach.practice.models import Question
from tests.groups.conftest import SHARED_TEXT


def test_a_deleted_owner_passes_the_group_to_the_longest_standing_member(
    alice: User, bob: User, bob_client: Client, group: Group, shared_question: Question
) -> None:
    alice.delete()
    group.refresh_from_db()
    assert group.owner == bob
    page = bob_client.get(reverse("groups:board", args=[group.pk])).text
    assert SHARED_TEXT not in page
    assert "Alice" not in page
    assert not SharedQuestion.objects.exists()


def test_a_deleted_member_disappears_and_the_group_stays(
    alice_client: Client, bob: User, group: Group
) -> None:
    bob.delete()
    assert Membership.objects.filter(group=group).count() == 1
    assert "Bob Roe" not in alice_client.get(reverse("groups:board", args=[group.pk])).text


def test_a_group_whose_only_member_deletes_their_account_closes(alice: User) -> None:
    group = Group.objects.create(name="Solo", owner=alice)
    Membership.objects.create(group=group, user=alice)
    alice.delete()
    assert not Group.objects.filter(pk=group.pk).exists()
