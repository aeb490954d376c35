"""The report of an answer to a weakness question says, in its STAR card's place, whether the
answer says a step the speaker takes on the weakness (`coach.weakness_steps`), and asks for one
when it says none, and whether the weakness it names reads as a strength in disguise
(`coach.weakness_disguise`; a trial's strength in disguise was told "Nothing stands out to
fix")."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_weakness_steps import DISGUISED, NO_STEP, WEAKNESS, WITH_STEPS


def page_for(client: Client, user: User, answer: str, rating: int | None = None) -> str:
    question = Question.objects.create(owner=user, text=WEAKNESS, category="motivation")
    analysis: dict[str, Any] = analyse_answer(text=answer, question=WEAKNESS).as_dict()
    attempt = Attempt.objects.create(
        user=user, question=question, question_text=WEAKNESS, status="analysed",
        analysis=analysis, rating=rating,
    )  # fmt: skip
    return client.get(reverse("practice:attempt", args=[attempt.pk])).text


@pytest.mark.usefixtures("sentence_model")
def test_a_weakness_answer_with_no_step_is_told_so_and_asked_for_one(
    alice_client: Client, alice: User
) -> None:
    page = page_for(alice_client, alice, NO_STEP)
    assert "✗ a step you take on your weakness" in page
    assert "Say the steps you take on your weakness" in page
    assert "Nothing stands out to fix" not in page
    assert "✗ a real weakness" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_strength_in_disguise_is_told_so_with_one_tip(alice_client: Client, alice: User) -> None:
    page = page_for(alice_client, alice, DISGUISED)
    assert "✗ a step you take on your weakness" in page  # the card still says it
    assert "Nothing stands out to fix" not in page
    # The weakness it names reads as a strength in disguise (`weakness_disguise`), and its tip
    # asks for a real one and its step: the steps tip is not said beside it.
    assert "Say the steps you take on your weakness" not in page
    assert "✗ a real weakness" in page
    assert "reads as a strength in disguise: “My greatest weakness is honestly that I care" in page
    assert "Name a real weakness, one that has cost you something at work" in page


@pytest.mark.usefixtures("sentence_model")
def test_a_weakness_answer_with_steps_quotes_one(alice_client: Client, alice: User) -> None:
    page = page_for(alice_client, alice, WITH_STEPS)
    assert "✓ a step you take on your weakness: “Now I write the week&#x27;s tasks" in page
    assert "Say the steps you take on your weakness" not in page
    # Read clearly as a real weakness: the card says so, as "Name a real weakness" counts it (a
    # page check could not tell which answer the area had counted as real).
    assert "✓ a real weakness" in page
    assert "✗ a real weakness" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_rated_weakness_answer_says_why_it_has_no_figure(
    alice_client: Client, alice: User
) -> None:
    # A page check read "the measures score a story's or a plan's parts, and this question asks
    # for neither" right below the card's two readings of the answer.
    page = html.unescape(page_for(alice_client, alice, DISGUISED, rating=2))
    assert (
        "a weakness answer is read for a step you take on it and whether the weakness is a "
        "real one (above)" in page
    )
    assert "this question asks for neither" not in page
