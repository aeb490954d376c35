"""The owner removes a member (/improve/groups/<id>/members/<membership>/remove/): a page that
asks first, then the member loses the group at once, as if they had left. Personas: alice
(owner of "Thursday analysts"), bob (a member), carol (a member too), dave (left before), a
stranger and anonymous (no session)."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership, PeerAnswer, PeerMock, SharedQuestion
from prepcoach.practice.models import Question
from tests.conftest import make_user
from tests.groups.conftest import SHARED_TEXT, STAR_ANSWER, client_of, typed_answer


def remove_url(group: Group, user: User) -> str:
    membership = Membership.objects.get(group=group, user=user)
    return reverse("groups:member_remove", args=[group.pk, membership.pk])


def test_the_owner_removes_bob_after_confirming_and_he_loses_the_group_at_once(
    alice_client: Client, bob_client: Client, alice: User, bob: User, group: Group,
    shared_question: Question,
) -> None:  # fmt: skip
    his = Question.objects.create(owner=bob, text="Bob's onsite question about churn")
    bob_client.post(reverse("groups:share", args=[group.pk]), {"questions": [his.pk]})
    mock = PeerMock.objects.create(
        group=group, interviewer=Membership.objects.get(group=group, user=alice),
        answerer=Membership.objects.get(group=group, user=bob), question_texts=[SHARED_TEXT],
    )  # fmt: skip
    typed_answer(bob_client, mock, STAR_ANSWER)
    board = reverse("groups:board", args=[group.pk])
    url = remove_url(group, bob)
    assert url in alice_client.get(board).text
    asked = alice_client.get(url).text
    assert "Remove Bob Roe from Thursday analysts?" in asked
    # The removing button looks like every button that deletes; the page leads back.
    assert '<button class="button danger">Remove Bob Roe</button>' in asked
    assert f'<a href="{board}">Thursday analysts</a> › remove a member' in asked
    assert f'<a class="button button-secondary" href="{board}">Keep them</a>' in asked
    assert Membership.objects.filter(group=group, user=bob).exists()  # asking changes nothing

    done = alice_client.post(url, follow=True).text
    assert "Bob Roe is no longer in Thursday analysts" in done
    assert "churn" not in done
    assert not Membership.objects.filter(group=group, user=bob).exists()
    assert not SharedQuestion.objects.filter(question=his).exists()
    assert not PeerMock.objects.exists()
    assert not PeerAnswer.objects.exists()
    # At once: the board, the peer mock and what he shared are closed to him.
    for path in (board, reverse("groups:mock", args=[mock.pk]),
                 reverse("groups:share", args=[group.pk])):  # fmt: skip
        response = bob_client.get(path)
        assert response.status_code == 404
        assert SHARED_TEXT not in response.text
    # His own question and answer stay his.
    assert Question.objects.filter(pk=his.pk).exists()
    assert bob.attempts.filter(text=STAR_ANSWER).exists()


def test_only_the_owner_removes_and_never_themselves(
    alice_client: Client, bob_client: Client, alice: User, bob: User, group: Group
) -> None:
    carol = make_user("carol@example.com", name="Carol Poe")
    Membership.objects.create(group=group, user=carol)
    stranger = client_of(make_user("erin@example.com", name="Erin"))
    for client, target in ((bob_client, carol), (bob_client, alice), (stranger, bob)):
        assert client.get(remove_url(group, target)).status_code == 404
        assert client.post(remove_url(group, target)).status_code == 404
    assert alice_client.post(remove_url(group, alice)).status_code == 404  # she leaves instead
    anonymous = Client().post(remove_url(group, bob))
    assert anonymous.status_code == 302  # to the sign-in page
    assert Membership.objects.filter(group=group).count() == 3
    assert "Remove" not in bob_client.get(reverse("groups:board", args=[group.pk])).text


def test_a_membership_of_another_group_or_gone_is_not_found(
    alice_client: Client, alice: User, bob: User, group: Group
) -> None:
    other = Group.objects.create(name="Other group", owner=bob)
    Membership.objects.create(group=other, user=bob)
    carols = Membership.objects.create(group=other, user=make_user("carol@example.com"))
    # A membership of bob's group through alice's group's address: not hers to remove.
    elsewhere = reverse("groups:member_remove", args=[group.pk, carols.pk])
    assert alice_client.post(elsewhere).status_code == 404
    assert Membership.objects.filter(pk=carols.pk).exists()
    url = remove_url(group, bob)
    alice_client.post(url)
    again = alice_client.post(url)  # removed already, in another tab
    assert again.status_code == 404
    never = reverse("groups:member_remove", args=[group.pk, 999_999])
    assert alice_client.post(never).status_code == 404
