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
from prepcoach.practice.models import Attempt, Question
from prepcoach.reflection.models import Story
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


@pytest.mark.usefixtures("sentence_model")
def test_the_transcript_marks_no_star_part_and_no_story_is_offered(
    alice_client: Client, alice: User
) -> None:
    """A trial: a good answer to "What motivates you?" had a sentence underlined as its
    *result* beside the legend "situation task action result", and "None of your stories ties
    closely to this question"."""
    Story.objects.create(user=alice, title="The ward's rota", situation="Our rota was late.",
                         action="I rebuilt it.", result="It went out on time.")  # fmt: skip
    question = Question.objects.create(owner=alice, text=MOTIVATES)
    analysis = analyse_answer(text=MOTIVATION, question=MOTIVATES).as_dict()
    attempt = Attempt.objects.create(user=alice, question=question, question_text=MOTIVATES,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = html.unescape(alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text)
    assert "star-result" not in page
    assert "star-situation" not in page
    assert "read as your actions" not in page  # whose actions: a point has none to count
    assert 'class="story-fit' not in page
    story = Question.objects.create(owner=alice, text=BACKLOG)
    told = analyse_answer(text=BACKLOG_STORY, question=BACKLOG).as_dict()
    other = Attempt.objects.create(user=alice, question=story, question_text=BACKLOG,
                                   status="analysed", analysis=told)  # fmt: skip
    shown = html.unescape(alice_client.get(reverse("practice:attempt", args=[other.pk])).text)
    assert "star-situation" in shown
    assert 'class="story-fit' in shown
    assert "read as your actions" in shown


@pytest.mark.usefixtures("sentence_model")
def test_rating_an_answer_with_no_measured_figure_says_only_that_it_is_saved(
    alice_client: Client, alice: User
) -> None:
    analysis = analyse_answer(text=MOTIVATION, question=MOTIVATES).as_dict()
    attempt = Attempt.objects.create(user=alice, question_text=MOTIVATES, status="analysed",
                                     analysis=analysis)  # fmt: skip
    page = alice_client.post(
        reverse("practice:attempt_rate", args=[attempt.pk]), {"rating": "4"}, follow=True
    ).text
    assert "Thanks: your own rating is saved." in html.unescape(page)
    assert "sits beside the measured figures" not in page
