"""The board: members, shared questions with who shared them, upcoming practice; nothing else
of a member's."""

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.groups.models import Group, Membership, PeerMock
from prepcoach.practice.models import Attempt, Question
from tests.groups.conftest import SECRET_TEXT, SHARED_TEXT


def test_a_member_sees_what_was_shared_and_nothing_else(
    bob_client: Client, alice: User, group: Group, shared_question: Question
) -> None:
    Goal.objects.create(user=alice, text="Negotiate the Northwind offer quietly")
    Attempt.objects.create(user=alice, question=shared_question, question_text=SHARED_TEXT,
                           text="My private practice answer about Acme")  # fmt: skip
    page = bob_client.get(reverse("groups:board", args=[group.pk])).text
    assert SHARED_TEXT in page
    assert "shared by Alice Doe" in page
    assert "asked at Acme onsite" in page
    assert SECRET_TEXT not in page
    assert "Northwind offer" not in page
    assert "My private practice answer" not in page
    assert "alice@example.com" not in page  # members are named, never by e-mail
    assert "Bob Roe" in page
    assert "(owner)" in page


def test_empty_board_says_what_to_do(alice_client: Client, group: Group) -> None:
    page = alice_client.get(reverse("groups:board", args=[group.pk])).text
    assert "Nothing shared yet" in page
    assert "No practice planned" in page
    assert "Make an invitation link" in page  # the owner invites


def test_upcoming_practice_shows_who_interviews_whom(
    bob_client: Client, alice: User, bob: User, group: Group
) -> None:
    PeerMock.objects.create(
        group=group, interviewer=Membership.objects.get(user=bob),
        answerer=Membership.objects.get(user=alice), question_texts=["Q1", "Q2"],
    )  # fmt: skip
    page = bob_client.get(reverse("groups:board", args=[group.pk])).text
    assert "Bob Roe interviews Alice Doe" in page
    assert "2 questions" in page
    assert "Make an invitation link" not in page  # only the owner invites


def test_a_former_member_a_stranger_and_anonymous_get_nothing(
    dave_client: Client, carol_client: Client, client: Client, group: Group,
    shared_question: Question,
) -> None:  # fmt: skip
    url = reverse("groups:board", args=[group.pk])
    for visitor in (dave_client, carol_client):
        response = visitor.get(url)
        assert response.status_code == 404
        assert SHARED_TEXT not in response.text
    assert client.get(url).status_code == 302


def test_practised_together_counts_only_the_peer_mocks_held(
    bob_client: Client, alice: User, bob: User, group: Group
) -> None:
    """A trial's board said "practised together least (3 times)" of a pair with three peer mocks
    planned and none held, two of them duplicates: a peer mock counts once it was held (marked
    finished, or answered), never while it is only planned."""
    import datetime as dt

    from django.utils import timezone

    from prepcoach.feedback.models import FeedbackRequest
    from prepcoach.groups.models import PeerAnswer

    def planned() -> PeerMock:
        return PeerMock.objects.create(
            group=group, interviewer=Membership.objects.get(user=bob),
            answerer=Membership.objects.get(user=alice), question_texts=["Q1"],
        )  # fmt: skip

    for _ in range(3):
        planned()
    url = reverse("groups:board", args=[group.pk])
    page = bob_client.get(url).text
    assert "Next, practise with Alice Doe: you have not practised together yet." in page
    PeerMock.objects.filter(pk=planned().pk).update(finished_at=timezone.now())  # held
    answered = planned()  # held: Alice answered its question
    attempt = Attempt.objects.create(user=alice, question_text="Q1", text="My answer.")
    grant = FeedbackRequest.objects.create(
        owner=alice, attempt=attempt, reviewer_label="Bob", token_digest="x" * 64,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    PeerAnswer.objects.create(mock=answered, number=1, attempt=attempt, request=grant)
    page = bob_client.get(url).text
    assert "you have practised together least (2 times)" in page


def test_members_with_no_name_are_numbered_in_the_order_they_joined(
    alice_client: Client, group: Group
) -> None:
    """A browser check: with no profile names the board read "A member (owner)", "A member
    (you)" and "Next, practise with A member". Numbered, they can be told apart; never by
    e-mail."""
    from tests.conftest import make_user

    for email in ("erin@example.com", "finn@example.com"):
        Membership.objects.create(group=group, user=make_user(email))
    page = alice_client.get(reverse("groups:board", args=[group.pk])).text
    members = sorted(group.memberships.all(), key=lambda m: m.pk)
    first_unnamed = 1 + [m.user.email for m in members].index("erin@example.com")
    assert f"Member {first_unnamed}" in page
    assert f"Member {first_unnamed + 1}" in page
    assert "A member" not in page
    assert "erin@example.com" not in page


def test_the_partner_list_and_the_mock_page_number_unnamed_members_as_the_board(
    alice_client: Client, group: Group, shared_question: Question
) -> None:
    """A review: the board said "Next, practise with Member 3" while the plan-a-mock list and
    the mock page still said "A member" for everyone."""
    from tests.conftest import make_user

    Membership.objects.create(group=group, user=make_user("erin@example.com"))
    board = alice_client.get(reverse("groups:board", args=[group.pk])).text
    numbered = re.findall(r"Member \d+", board)
    assert numbered
    new_mock = alice_client.get(reverse("groups:mock_new", args=[group.pk])).text
    assert numbered[0] in new_mock
    assert "A member" not in new_mock
