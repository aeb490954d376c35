"""The answer's page says when feedback has arrived: how many reviews, each reviewer's overall
score and a link to read them, only the owner's reviews of that answer (`accounts.access`)."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, Question
from tests.practice.test_attempts import GOOD


def _typed_answer(user: User, question: Question) -> Attempt:
    analysis = analyse_answer(text=GOOD, question=question.text).as_dict()
    return Attempt.objects.create(
        user=user, question=question, question_text=question.text, text=GOOD,
        status=Attempt.Status.ANALYSED, analysis=analysis,
    )  # fmt: skip


def _link(owner: User, attempt: Attempt, label: str) -> FeedbackRequest:
    return FeedbackRequest.objects.create(
        owner=owner, attempt=attempt, reviewer_label=label,
        token_digest=new_link_token()[1], expires_at=FeedbackRequest.expiry(),
    )  # fmt: skip


def _reviewed(ask: FeedbackRequest, name: str, overall: int | None) -> None:
    Review.objects.create(request=ask, reviewer_name=name, browser_key=f"key-{name}",
                          overall=overall, scores={"situation": 2, "result": 1})  # fmt: skip


def _people_card(client: Client, attempt: Attempt) -> str:
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    card = page[page.index('id="people-title"') :]
    return html.unescape(card[: card.index("</section>")])


@pytest.mark.usefixtures("sentence_model")
def test_the_answers_page_says_feedback_has_arrived_and_from_whom(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    """A trial's answer page said only "1 link made for this answer. Ask for feedback and read
    it" after Sam sent a 4 of 5 review: once a review arrives it says so, with how many, each
    reviewer's overall score and a link to read them. Only the owner's reviews of this answer
    count (`accounts.access.owned_by`): none of another answer's, none of bob's."""
    attempt = _typed_answer(alice, question)
    feedback_url = reverse("feedback:attempt", args=[attempt.pk])
    card = _people_card(alice_client, attempt)
    assert "A mentor, a friend or an interviewer can read this answer" in card
    sam = _link(alice, attempt, "Sam, my mentor")
    card = _people_card(alice_client, attempt)
    assert "1 link made for this answer." in card  # before any arrives, as before
    assert "Feedback has arrived" not in card
    assert f'href="{feedback_url}">Ask for feedback and read it</a>' in card
    _reviewed(sam, "Sam", 4)
    # Reviews of alice's other answer and of bob's own answer are not this answer's.
    _reviewed(_link(alice, _typed_answer(alice, question), "Ana"), "Ana", 1)
    bobs = _typed_answer(bob, question)
    _reviewed(_link(bob, bobs, "Kim"), "Kim", 2)
    card = _people_card(alice_client, attempt)
    assert "Feedback has arrived: 1 review. Sam scored it 4 of 5 overall." in card
    assert f'href="{feedback_url}">Read the feedback</a>' in card
    assert "Ana" not in card
    assert "Kim" not in card
    _reviewed(_link(alice, attempt, "Lee, an interviewer"), "Lee", 2)
    card = _people_card(alice_client, attempt)
    assert "Feedback has arrived: 2 reviews. Overall scores: Sam 4 of 5, Lee 2 of 5." in card
    # Bob reads his own answer's review, never alice's.
    other = Client()
    other.force_login(bob)
    assert "Feedback has arrived: 1 review. Kim scored it 2 of 5 overall." in _people_card(
        other, bobs
    )
    assert other.get(reverse("practice:attempt", args=[attempt.pk])).status_code == 404
