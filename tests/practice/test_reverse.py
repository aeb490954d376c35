import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.relevance_samples import PLAN, PLAN_QUESTION


def with_samples() -> Question:
    return Question.objects.exclude(sample_good="").exclude(sample_weak="").order_by("pk").first()  # type: ignore[return-value]


def test_pick_a_question_for_a_candidate(alice_client: Client) -> None:
    nursing = alice_client.get(reverse("practice:reverse"), {"field": "nursing"})
    fields = {q.field for q in nursing.context["questions"]}
    assert "nursing" in fields
    assert fields <= {"nursing", "general"}
    assert with_samples().text[:40] in alice_client.get(reverse("practice:reverse")).text


def test_score_a_weak_answer_and_see_where_prepcoach_differs(alice_client: Client) -> None:
    question = with_samples()
    url = reverse("practice:reverse_question", args=[question.pk])
    page = alice_client.get(url, {"answer": "weak"}).text
    assert question.sample_weak[:60] in page
    generous = {
        "answer": "weak",
        "situation": 2,
        "task": 2,
        "action": 2,
        "result": 2,
        "evidence": 2,
    }
    result = alice_client.post(url, generous).text
    assert "Your scores and prepcoach" in result
    assert "You and prepcoach differ on" in result
    # The evidence line: "no number" or "no result", or, where the reader can't tell whether
    # the weak answer gives a result (reader.UNSURE_FROM), that, quoting the nearest sentence
    # and not counted as a difference.
    shown = html.unescape(result)
    assert (
        "the result has no number" in shown.lower()
        or "there is no result to back" in shown.lower()
        or "Can't tell whether it has a result to back. Nearest: <q>" in shown
    )


def test_the_rubric_must_be_complete(alice_client: Client) -> None:
    question = with_samples()
    response = alice_client.post(
        reverse("practice:reverse_question", args=[question.pk]), {"answer": "good"}
    )
    assert "Choose one for “Says how it ended”." in response.text


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_question_is_scored_on_the_plans_rubric(alice_client: Client, alice: User) -> None:
    """Role reversal scored Alice's sample plan on "Sets the scene" and "Says how it ended", as
    a practice group's sheet did before: the plan's lines, as a reviewer scores it."""
    question = Question.objects.create(owner=alice, text=PLAN_QUESTION, sample_good=PLAN,
                                       sample_weak="I would sort it out somehow.")  # fmt: skip
    url = reverse("practice:reverse_question", args=[question.pk])
    page = html.unescape(alice_client.get(url, {"answer": "good"}).text)
    assert 'name="steps"' in page
    assert "Says what they would do themselves" in page
    assert "Sets the scene" not in page
    assert "Says how it ended" not in page
    assert 'name="evidence"' not in page
    scores = {"answer": "good", "steps": 2, "action": 2, "reasons": 1, "check": 0}
    result = html.unescape(alice_client.post(url, scores).text)
    table = result.split("<tbody>")[1].split("</tbody>")[0]
    assert "Gives concrete steps, in an order that makes sense" in table
    assert "Sets the scene" not in table
    assert "how it ended" not in table
    assert "no number" not in table
    # steps, reasons, check; the name is written "prepcoach" wherever it stands
    assert table.count("<td>prepcoach does not score this.</td>") == 3
    assert "Prepcoach" not in result
    assert "actions in the first person" in table  # prepcoach reads its action
    assert "You and prepcoach read this answer the same way on the line prepcoach scores." in result
    # A story question keeps the story's rubric.
    story = with_samples()
    page = alice_client.get(reverse("practice:reverse_question", args=[story.pk])).text
    assert "Sets the scene" in page
    assert 'name="steps"' not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_question_asking_for_neither_a_story_nor_a_plan_is_scored_on_its_point(
    alice_client: Client,
) -> None:
    """Role reversal scored the bank's "What motivates you?" on "Sets the scene" and "Says how
    it ended": an answer to a question asking for neither a story nor a plan is scored on its
    point, as a reviewer scores it (`feedback.rubric_for` by `relevance.asked_for`)."""
    question = Question.objects.get(owner=None, text="What motivates you?")
    assert question.sample_good
    url = reverse("practice:reverse_question", args=[question.pk])
    page = html.unescape(alice_client.get(url, {"answer": "good"}).text)
    for name in ("point", "support", "fit"):
        assert f'name="{name}"' in page
    assert "Answers what was asked, plainly and early" in page
    assert "Sets the scene" not in page
    assert "Says how it ended" not in page
    assert 'name="steps"' not in page
    result = html.unescape(
        alice_client.post(url, {"answer": "good", "point": 2, "support": 2, "fit": 1}).text
    )
    table = result.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<td>prepcoach does not score this.</td>") == 3
    assert "read this answer the same way" not in result  # prepcoach scored no line to agree on
    assert "prepcoach scores none of these lines" in result
