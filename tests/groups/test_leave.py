"""Leaving: everything of the member disappears from the group at once; an owner who leaves
passes ownership to the longest-standing member, and the last member's leaving closes it."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership, PeerMock, SharedQuestion
from prepcoach.practice.models import Question
from tests.groups.conftest import SHARED_TEXT, client_of


def test_a_member_who_leaves_takes_their_shares_and_pairings_with_them(
    alice_client: Client, bob_client: Client, alice: User, bob: User, group: Group
) -> None:
    mine = Question.objects.create(owner=bob, text="Bob's onsite question about churn")
    bob_client.post(reverse("groups:share", args=[group.pk]), {"questions": [mine.pk]})
    PeerMock.objects.create(group=group, interviewer=Membership.objects.get(user=alice),
                            answerer=Membership.objects.get(user=bob), question_texts=["Q"])  # fmt: skip
    board = reverse("groups:board", args=[group.pk])
    assert "churn" in alice_client.get(board).text
    assert (
        "Leave Thursday analysts?" in bob_client.get(reverse("groups:leave", args=[group.pk])).text
    )
    response = bob_client.post(reverse("groups:leave", args=[group.pk]), follow=True)
    assert "You left Thursday analysts" in response.text
    page = alice_client.get(board).text
    assert "churn" not in page
    assert "Bob Roe" not in page
    assert not SharedQuestion.objects.exists()
    assert not PeerMock.objects.exists()
    assert Question.objects.filter(pk=mine.pk).exists()  # his question stays his
    assert bob_client.get(board).status_code == 404


def test_an_owner_who_leaves_passes_the_group_on(
    alice_client: Client, bob: User, group: Group, shared_question: Question
) -> None:
    response = alice_client.post(reverse("groups:leave", args=[group.pk]), follow=True)
    assert "Bob Roe owns it now, as its longest-standing member" in response.text
    group.refresh_from_db()
    assert group.owner == bob
    page = client_of(bob).get(reverse("groups:board", args=[group.pk])).text
    assert SHARED_TEXT not in page
    assert "Make an invitation link" in page


def test_the_last_member_leaving_closes_the_group(alice_client: Client, alice: User) -> None:
    alice_client.post(reverse("groups:index"), {"name": "Solo"})
    group = Group.objects.get(name="Solo")
    response = alice_client.post(reverse("groups:leave", args=[group.pk]), follow=True)
    assert "you were its last member, so it is closed" in response.text
    assert not Group.objects.filter(pk=group.pk).exists()


def test_outsiders_cannot_leave_for_anyone(
    carol_client: Client, dave_client: Client, group: Group
) -> None:
    for other in (carol_client, dave_client):
        assert other.post(reverse("groups:leave", args=[group.pk])).status_code == 404
    assert Membership.objects.filter(group=group).count() == 2


def test_a_question_whose_sharer_leaves_disappears_from_other_members_mocks(
    alice: User, bob: User, carol: User, group: Group, alice_client: Client, bob_client: Client
) -> None:
    # Carol shares a question, Alice and Bob pair up with it, then Carol leaves: her words
    # were the group's only while she shared them.
    carols = Membership.objects.create(group=group, user=carol)
    question = Question.objects.create(owner=carol, text="CAROL PRIVATE QUESTION?")
    SharedQuestion.objects.create(membership=carols, question=question)
    mock = PeerMock.objects.create(
        group=group, interviewer=Membership.objects.get(group=group, user=bob),
        answerer=Membership.objects.get(group=group, user=alice),
        question_texts=["CAROL PRIVATE QUESTION?"],
    )  # fmt: skip
    url = reverse("groups:mock", args=[mock.pk])
    assert "CAROL PRIVATE QUESTION?" in bob_client.get(url).content.decode()
    client_of(carol).post(reverse("groups:leave", args=[group.pk]))
    for client in (alice_client, bob_client):
        assert "CAROL PRIVATE QUESTION?" not in client.get(url).content.decode()
        assert "CAROL PRIVATE QUESTION?" not in client.get(f"{url}?q=1").content.decode()
    assert bob_client.get(f"{url}?q=²").status_code == 200  # odd numbers are no error
    assert bob_client.get(f"{url}?q={'9' * 5000}").status_code == 200
