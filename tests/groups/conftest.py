"""Personas for practice groups: alice owns "Thursday analysts", bob is a member, dave was a
member and left, carol is a stranger, and a client with no session is anonymous. Alice shares
one of her own questions and keeps another to herself."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group, Membership, PeerAnswer, PeerMock, SharedQuestion
from prepcoach.practice.models import Attempt, Question
from tests.conftest import make_user

SHARED_TEXT = "Walk me through the dashboard you built at Acme"
SECRET_TEXT = "Why are you leaving Northwind so soon"
LINK_RE = re.compile(r'value="(https?://[^"]+/improve/groups/join/([^"/]+)/)"')


@pytest.fixture
def carol(db: None) -> User:
    return make_user("carol@example.com", name="Carol Poe")


@pytest.fixture
def dave(db: None) -> User:
    return make_user("dave@example.com", name="Dave Moe")


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    return client_of(bob)


@pytest.fixture
def carol_client(carol: User) -> Client:
    return client_of(carol)


@pytest.fixture
def dave_client(dave: User) -> Client:
    return client_of(dave)


@pytest.fixture
def group(alice: User, bob: User, dave: User) -> Group:
    group = Group.objects.create(name="Thursday analysts", owner=alice)
    Membership.objects.create(group=group, user=alice)
    Membership.objects.create(group=group, user=bob)
    left = Membership.objects.create(group=group, user=dave)
    left.delete()  # what leaving does
    return group


@pytest.fixture
def shared_question(alice: User, group: Group) -> Question:
    question = Question.objects.create(owner=alice, text=SHARED_TEXT, source="Acme onsite")
    SharedQuestion.objects.create(
        membership=Membership.objects.get(group=group, user=alice), question=question
    )
    Question.objects.create(owner=alice, text=SECRET_TEXT)
    return question


def make_invite(client: Client, group: Group) -> str:
    """The owner makes an invitation link; the token the page shows once."""
    page = client.post(reverse("groups:invite_new", args=[group.pk])).content.decode()
    match = LINK_RE.search(page)
    assert match, page
    return match.group(2)


@pytest.fixture
def peer_mock(alice: User, bob: User, group: Group, shared_question: Question) -> PeerMock:
    """Bob interviews, Alice answers, with the question she shared."""
    return PeerMock.objects.create(
        group=group, interviewer=Membership.objects.get(group=group, user=bob),
        answerer=Membership.objects.get(group=group, user=alice), question_texts=[SHARED_TEXT],
    )  # fmt: skip


def typed_answer(client: Client, mock: PeerMock, text: str, number: int = 1) -> Attempt:
    client.post(reverse("groups:mock_answer", args=[mock.pk, number]), {"text": text})
    return PeerAnswer.objects.get(mock=mock, number=number).attempt


STAR_ANSWER = (
    "Our weekly reports at Acme were always late. My task was to fix the process. "
    "I built a checklist and trained the team on it. Reports went out two days earlier."
)
