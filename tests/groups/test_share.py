"""Sharing: a member picks their own questions; unsharing hides them at once."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, SharedQuestion
from prepcoach.practice.models import Question
from tests.groups.conftest import SECRET_TEXT, SHARED_TEXT


def test_share_then_unshare(
    alice_client: Client, bob_client: Client, alice: User, group: Group
) -> None:
    question = Question.objects.create(owner=alice, text=SHARED_TEXT)
    secret = Question.objects.create(owner=alice, text=SECRET_TEXT)
    share_url = reverse("groups:share", args=[group.pk])
    board = reverse("groups:board", args=[group.pk])
    form = alice_client.get(share_url).text
    assert SHARED_TEXT in form
    assert SECRET_TEXT in form
    alice_client.post(share_url, {"questions": [question.pk]})
    page = bob_client.get(board).text
    assert SHARED_TEXT in page
    assert SECRET_TEXT not in page
    assert secret.group_shares.count() == 0
    response = alice_client.post(share_url, {})
    assert response.url == board
    assert SHARED_TEXT not in bob_client.get(board).text
    assert not SharedQuestion.objects.exists()
    assert Question.objects.filter(pk=question.pk).exists()  # unsharing deletes nothing of hers


def test_only_ones_own_questions_can_be_shared(
    bob_client: Client, alice: User, bob: User, group: Group, shared_question: Question
) -> None:
    bank = Question.objects.filter(owner__isnull=True).first() or Question.objects.create(
        text="A starter bank question"
    )
    secret = Question.objects.get(text=SECRET_TEXT)
    response = bob_client.post(
        reverse("groups:share", args=[group.pk]), {"questions": [secret.pk, bank.pk]}
    )
    assert response.status_code == 200  # the form says so; nothing is shared
    assert "Select a valid choice" in response.text
    assert not SharedQuestion.objects.filter(membership__user=bob).exists()


def test_no_own_questions_says_how_to_add_one(bob_client: Client, group: Group) -> None:
    page = bob_client.get(reverse("groups:share", args=[group.pk])).text
    assert "You have no questions of your own yet" in page


def test_a_shared_question_with_html_stays_text(
    bob_client: Client, alice: User, group: Group, alice_client: Client
) -> None:
    question = Question.objects.create(owner=alice, text="<b>bold</b> <img src=x onerror=alert(1)>")
    alice_client.post(reverse("groups:share", args=[group.pk]), {"questions": [question.pk]})
    page = bob_client.get(reverse("groups:board", args=[group.pk])).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_stranger_cannot_share_into_the_group(
    carol_client: Client, carol: User, group: Group
) -> None:
    question = Question.objects.create(owner=carol, text="Carol's question")
    response = carol_client.post(
        reverse("groups:share", args=[group.pk]), {"questions": [question.pk]}
    )
    assert response.status_code == 404
    assert not SharedQuestion.objects.exists()
