"""A report still renders the analyses stored before the verdict of today (a float, null, or
an old yes/no verdict by similarity, which is not shown), says "can't tell" in the new words
whatever wording was stored, and says so where it was made with the old reading of what its
question asks for (a plan judged as a story), never of a fresh report
(tests/practice/relevance_pages.py has the page reader)."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach import reader_inputs
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.practice.relevance_pages import (
    CANT_TELL,
    OFF_QUESTION,
    REMARK,
    REMARK_SAID,
    answers_card,
    asked,
    page_for,
)
from tests.relevance_samples import (
    AMBITION,
    CLINIC,
    CV,
    FIVE_YEARS,
    PLAN,
    PLAN_QUESTION,
)


@pytest.mark.parametrize("old", [0.42, None])
def test_an_analysis_stored_with_the_old_relevance_still_renders(
    alice_client: Client, alice: User, alices_question: Question, old: float | None
) -> None:
    analysis = analyse_answer(text=OFF_QUESTION).as_dict()
    analysis["relevance"] = old
    page = page_for(alice_client, alice, alices_question, analysis)
    assert 'id="transcript-title"' in page
    assert REMARK not in page
    assert "Answers the question" not in page


@pytest.mark.parametrize("verdict", [True, False])
def test_an_old_yes_or_no_verdict_is_no_longer_shown(
    alice_client: Client, alice: User, alices_question: Question, verdict: bool
) -> None:
    # Stored by the old similarity verdict (no "probability"): the sentence is shown, the
    # verdict not.
    analysis = analyse_answer(text=OFF_QUESTION).as_dict()
    evidence = "The next report went out a day early."
    analysis["relevance"] = {"addresses": verdict, "score": 0.5, "evidence": evidence}
    page = page_for(alice_client, alice, alices_question, analysis)
    assert "may not address" not in page
    # Said as "can't tell", its sentence (0.5: near) as the one closest to the question.
    assert answers_card(page) == [*CANT_TELL, f"The sentence closest to the question: “{evidence}”"]


@pytest.mark.usefixtures("sentence_model")
def test_an_analysis_stored_with_the_old_cant_tell_wording_reads_the_new_way(
    alice_client: Client, alice: User
) -> None:
    """The trial's report was stored: its reason still says "still far from what was asked"
    and "check that it answers what was asked". The page words "can't tell" itself."""
    question = asked(alice, CV)
    analysis = analyse_answer(text=CLINIC, question=question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    old = relevance | {
        "reason": (
            "prepcoach can't tell whether it addresses the question: the quoted sentence is its "
            "closest and still far from what was asked; check that it answers what was asked: "
            "the question asks for no story, and 6 of 6 sentences tell one in the past, such as "
            "“Last year a small dental practice was about to cancel our booking software.”"
        )
    }
    page = page_for(alice_client, alice, question, analysis | {"relevance": old})
    assert answers_card(page) == [*CANT_TELL, REMARK_SAID]
    assert "far from" not in page
    assert "check that it answers" not in page.lower()


OLD_READING = "This report reads its question as prepcoach used to."


@pytest.mark.usefixtures("sentence_model")
def test_a_report_made_with_the_old_reading_of_its_plan_question_says_so(
    alice_client: Client, alice: User
) -> None:
    """An analysis stored before the plan-question model kept the question's kind as no plan
    (the bank's API question was read so): its report judged a plan as a story, and keeps
    doing so until analysed again, so the page says so and offers it."""
    question = asked(alice, PLAN_QUESTION)
    fresh = analyse_answer(text=PLAN, question=question.text).as_dict()
    relevance = fresh["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["kind"] == "would_do"
    assert OLD_READING not in page_for(alice_client, alice, question, fresh)
    # Stored before the question's reading was kept whole (`question_asks`): a plan by its kind.
    before = {k: v for k, v in relevance.items() if k != "question_asks"}
    old = {**fresh, "relevance": {**before, "kind": "approach"}}
    page = html.unescape(page_for(alice_client, alice, question, old))
    assert OLD_READING in page
    assert "now reads “" + PLAN_QUESTION + "” as asking what you would do" in page
    assert "this report judged the answer as a story (its situation, task and result)" in page
    assert "/reanalyse/" in page
    # A follow-up takes its kind from what it was asked of, not its words: never flagged.
    parent = Attempt.objects.filter(user=alice).first()
    follow = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                    status="analysed", analysis=old, follow_up_to=parent)  # fmt: skip
    text = alice_client.get(reverse("practice:attempt", args=[follow.pk])).text
    assert OLD_READING not in html.unescape(text)


@pytest.mark.usefixtures("sentence_model")
def test_a_report_that_judged_a_motivation_answer_as_a_story_says_so(
    alice_client: Client, alice: User
) -> None:
    """Before the story-question model every question that was no plan was judged as asking
    for a story: a good answer to "Where do you see yourself in five years?" was told to finish
    with the result. Such a report says so at its top and offers to analyse again; a report
    made now does not."""
    question = asked(alice, FIVE_YEARS)
    fresh = analyse_answer(text=AMBITION, question=question.text).as_dict()
    relevance = fresh["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["question_asks"] == "neither"
    assert OLD_READING not in html.unescape(page_for(alice_client, alice, question, fresh))
    before = {k: v for k, v in relevance.items() if k != "question_asks"}
    page = html.unescape(page_for(alice_client, alice, question, {**fresh, "relevance": before}))
    assert OLD_READING in page
    assert "as asking for neither a story nor a plan, so no situation, task or result" in page
    assert "this report judged the answer as a story" in page


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's the worst shift you've ever worked, and what did you do about it?", OFF_QUESTION),
        ("A patient's relative is shouting at the nurses' station. What do you do?", PLAN),
        (FIVE_YEARS, AMBITION),
    ],
)
def test_a_fresh_report_is_never_said_to_read_its_question_the_old_way(
    alice_client: Client, alice: User, question: str, answer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial: every fresh report of a story or plan question said "This report reads its
    question as prepcoach used to", and "Analyse again" brought it back: the page read the
    question through a memory of vectors without MiniLM's middle layers, which the question
    models read."""
    asked_here = asked(alice, question)
    fresh = analyse_answer(text=answer, question=question).as_dict()
    # The web process did not analyse it (the worker did): it keeps no states of the question.
    monkeypatch.setattr(reader_inputs, "MIDDLE", reader_inputs._MiddleStates(16))
    assert OLD_READING not in html.unescape(page_for(alice_client, alice, asked_here, fresh))
