"""The "What to work on" page: improvement areas from the user's own answers and reviews only,
each with links to its evidence and a goal to make from it."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, Question

UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "In the end the queue got much shorter and customers were happier."
)
URL = reverse("practice:areas")


@pytest.fixture
def story_question(alice: User) -> Question:
    """STAR parts and numbers are judged on answers to a question that asks for a story."""
    return Question.objects.create(owner=alice, text="Tell me about a time you cleared a backlog.")


def answered(user: User, question: Question, text: str = UNQUANTIFIED) -> Attempt:
    analysis = analyse_answer(text=text, question=question.text).as_dict()
    return Attempt.objects.create(user=user, question=question, question_text=question.text,
                                  status=Attempt.Status.ANALYSED, analysis=analysis)  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
def test_an_area_links_to_the_answers_it_rests_on(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    first, second = answered(alice, story_question), answered(alice, story_question)
    page = alice_client.get(URL).text
    assert "Put a number on the result" in page
    assert "A result without a number: in 2 of your last 2 answers" in page
    for attempt in (first, second):
        assert reverse("practice:attempt", args=[attempt.pk]) in page
    assert "customers were happier" in page


@pytest.mark.usefixtures("sentence_model")
def test_make_it_a_goal_opens_the_goal_form_with_its_words(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    answered(alice, story_question)
    answered(alice, story_question)
    page = alice_client.get(URL).text
    deadline = timezone.localdate() + dt.timedelta(days=14)
    goal = f"Put a number on the result in 5 practice answers by {deadline:%-d %B %Y}"
    link = reverse("goals:new") + "?" + urlencode({"text": goal, "area": "quantified"})
    assert html.escape(link) in page
    form = alice_client.get(link).text
    assert f">{goal}</textarea>" in form
    assert 'name="area" value="quantified"' in form


@pytest.mark.usefixtures("sentence_model")
def test_another_users_answers_and_reviews_never_show(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    bobs = [answered(bob, question), answered(bob, question)]
    request = FeedbackRequest.objects.create(
        owner=bob, attempt=bobs[0], reviewer_label="Sam", token_digest="x" * 64,
        expires_at=FeedbackRequest.expiry(),
    )  # fmt: skip
    Review.objects.create(request=request, reviewer_name="Sam", browser_key="k",
                          scores={"evidence": 0}, overall=1)  # fmt: skip
    page = alice_client.get(URL).text
    assert "from 0 answers and 0 reviews" in page
    assert "Put a number on the result" not in page
    for attempt in bobs:
        assert reverse("practice:attempt", args=[attempt.pk]) not in page


def test_with_nothing_analysed_it_says_how_to_start(alice_client: Client) -> None:
    page = alice_client.get(URL).text
    assert "Nothing to go on yet" in page
    assert reverse("practice:questions") in page


def test_it_asks_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
