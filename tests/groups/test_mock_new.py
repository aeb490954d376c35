"""Planning a peer mock: a partner in the group, shared questions, who interviews first."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership, PeerMock
from prepcoach.practice.models import Question
from tests.groups.conftest import SECRET_TEXT, SHARED_TEXT


def test_a_member_pairs_with_another_on_shared_questions(
    bob_client: Client, alice: User, bob: User, group: Group, shared_question: Question
) -> None:
    url = reverse("groups:mock_new", args=[group.pk])
    form = bob_client.get(url).text
    assert SHARED_TEXT in form
    assert "shared by Alice Doe" in form
    assert SECRET_TEXT not in form
    share = shared_question.group_shares.get()
    alice_membership = Membership.objects.get(user=alice)
    response = bob_client.post(url, {"partner": alice_membership.pk, "i_interview": "me",
                                      "questions": [share.pk], "scheduled_for": "2030-01-10 18:00"})  # fmt: skip
    mock = PeerMock.objects.get()
    assert response.url == reverse("groups:mock", args=[mock.pk])
    assert mock.interviewer.user == bob
    assert mock.answerer.user == alice
    assert mock.question_texts == [SHARED_TEXT]
    board = bob_client.get(reverse("groups:board", args=[group.pk])).text
    assert "Bob Roe interviews Alice Doe" in board
    assert "Thu 10 Jan, 18:00" in board


def test_an_unshared_question_or_an_outsider_cannot_be_chosen(
    bob_client: Client, alice: User, carol: User, group: Group, shared_question: Question
) -> None:
    url = reverse("groups:mock_new", args=[group.pk])
    share = shared_question.group_shares.get()
    carol_membership = Membership.objects.create(
        group=Group.objects.create(name="Other", owner=carol), user=carol
    )
    response = bob_client.post(url, {"partner": carol_membership.pk, "i_interview": "me",
                                      "questions": [share.pk]})  # fmt: skip
    assert response.status_code == 422
    assert "That person is no longer in the group" in response.text
    share.delete()
    response = bob_client.post(url, {"partner": Membership.objects.get(user=alice).pk,
                                      "i_interview": "me", "questions": [share.pk]})  # fmt: skip
    assert response.status_code == 422
    assert not PeerMock.objects.exists()


def test_empty_states(alice_client: Client, alice: User) -> None:
    alice_client.post(reverse("groups:index"), {"name": "Solo"})
    group = Group.objects.get(name="Solo")
    page = alice_client.get(reverse("groups:mock_new", args=[group.pk])).text
    assert "You are the only member so far" in page


def test_outsiders_cannot_plan(carol_client: Client, dave_client: Client, group: Group) -> None:
    for other in (carol_client, dave_client):
        assert other.get(reverse("groups:mock_new", args=[group.pk])).status_code == 404
