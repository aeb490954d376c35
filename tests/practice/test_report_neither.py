"""The report of an answer to a question asking for neither a story nor a plan ("What
motivates you?") says the STAR parts are not asked, gives no measured figure beside the user's
rating and says why, where it had marked all four parts missing and measured a good answer
1 of 5."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt
from tests.coach.test_questions_asking_for_neither import MOTIVATES, MOTIVATION
from tests.relevance_samples import BACKLOG, BACKLOG_STORY


def report(client: Client, user: User, question: str, answer: str, rating: int) -> str:
    analysis = analyse_answer(text=answer, question=question).as_dict()
    attempt = Attempt.objects.create(user=user, question_text=question, status="analysed",
                                     analysis=analysis, rating=rating)  # fmt: skip
    return html.unescape(client.get(reverse("practice:attempt", args=[attempt.pk])).text)


@pytest.mark.usefixtures("sentence_model")
def test_star_is_not_asked_and_the_rating_stands_alone(alice_client: Client, alice: User) -> None:
    page = report(alice_client, alice, MOTIVATES, MOTIVATION, 4)
    assert "Not asked" in page
    assert "no situation, task, action or result is looked for" in page
    assert "✗ situation" not in page
    assert "Finish with the result" not in page
    assert "4 of 5" in page
    assert "the measures score a story's or a plan's parts, and this question asks for neither" in (
        page
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_story_question_keeps_its_star_card_and_figure(alice_client: Client, alice: User) -> None:
    page = report(alice_client, alice, BACKLOG, BACKLOG_STORY, 4)
    assert "Not asked" not in page
    assert "situation" in page
    assert "the measures score a story's" not in page
    assert "you gave it 4, the measures" in page
