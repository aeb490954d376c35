"""The report quotes the sentence nearest the question and raises a check when a story answers
a question that asks for none (it gives no yes/no verdict: closeness in meaning cannot tell),
and still renders analyses stored before (a float, null, or an old yes/no verdict)."""

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
REMARK = "Check that this answers the question"


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
    assert relevance["addresses"] is None
    assert relevance["check"] is True
    assert relevance["evidence"] in OFF_QUESTION
    page = page_for(alice_client, alice, alices_question, analysis)
    assert REMARK in page
    assert "Answers the question: yes" not in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_its_question_quotes_the_nearest_sentence_without_a_verdict(
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
    assert relevance["addresses"] is None
    assert relevance["check"] is False
    assert relevance["evidence"] in said
    page = page_for(alice_client, alice, alices_question, analysis)
    assert "Nearest the question: “" in page
    assert "can't tell whether an answer addresses its question" in page
    assert "Answers the question: yes" not in page
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


@pytest.mark.parametrize("verdict", [True, False])
def test_an_old_yes_or_no_verdict_is_no_longer_shown(
    alice_client: Client, alice: User, alices_question: Question, verdict: bool
) -> None:
    # Stored before prepcoach stopped judging relevance: the sentence is shown, the verdict not.
    analysis = analyse_answer(text=OFF_QUESTION).as_dict()
    evidence = "The next report went out a day early."
    analysis["relevance"] = {"addresses": verdict, "score": 0.5, "evidence": evidence}
    page = page_for(alice_client, alice, alices_question, analysis)
    assert "Answers the question" not in page
    assert "may not address" not in page
    assert f"Nearest the question: “{evidence}”" in page
