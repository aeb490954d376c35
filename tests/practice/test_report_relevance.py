"""The report says whether the answer addresses its question, quoting what ties it, and still
renders analyses stored before relevance was a verdict (a float, or null)."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question

OFF_QUESTION = (
    "Last spring our quarterly report was three days late because the data feed kept failing. "
    "My job was to get it out on time. "
    "I rebuilt the import script and I set up an alert for when the feed stalled. "
    "The next report went out a day early."
)
REMARK = "This answer may not address the question"


def page_for(client: Client, user: User, question: Question, analysis: dict[str, object]) -> str:
    attempt = Attempt.objects.create(user=user, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    return client.get(reverse("practice:attempt", args=[attempt.pk])).text


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_another_question_is_named_on_the_report(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    analysis = analyse_answer(text=OFF_QUESTION, question=alices_question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is False
    assert relevance["evidence"] is None
    page = page_for(alice_client, alice, alices_question, analysis)
    assert REMARK in page
    assert "Answers the question: yes" not in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_its_question_quotes_the_sentence_that_ties_it(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    said = (
        "I want to work in healthcare analytics because good data changes how patients are "
        "cared for. I enjoy turning messy numbers into decisions people can act on. "
        "Healthcare is where my statistics training would matter most."
    )
    analysis = analyse_answer(text=said, question=alices_question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is True
    assert relevance["evidence"] in said
    page = page_for(alice_client, alice, alices_question, analysis)
    assert "Answers the question: yes — ties: “" in page
    assert REMARK not in page


@pytest.mark.parametrize("old", [0.42, None])
def test_an_analysis_stored_with_the_old_relevance_still_renders(
    alice_client: Client, alice: User, alices_question: Question, old: float | None
) -> None:
    analysis = analyse_answer(text=OFF_QUESTION).as_dict()
    analysis["relevance"] = old
    page = page_for(alice_client, alice, alices_question, analysis)
    assert "Transcript" in page
    assert REMARK not in page
    assert "Answers the question" not in page
