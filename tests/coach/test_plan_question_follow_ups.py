"""What a question asks for (`relevance.asked_for`, the plan and story models of
`coach.plan_questions`) when it asks what the user WOULD do in few words, as an interviewer's
follow-up does: "What would that look like in your first months here?" (prepcoach's own
follow-up to a point) was read as asking for neither a story nor a plan, and so was most of
the class, "What would your first 90 days look like?", "What would you change first?", "Who
would you involve, and when?". The development sets had 7 plans among their 261 questions of
eight words or fewer; `questions/dev3.json` (follow-ups and short questions) is now trained on.
None of the questions here is in any labelled set. And a follow-up whose words ask for a plan
asks for one, whatever the question it follows up asked for (`followups.asks_of_follow_up`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prepcoach.coach import plan_questions
from prepcoach.coach.followups import PLAN_FIXED, POINT_FIXED, asks_of_follow_up
from prepcoach.coach.relevance import asked_for

TESTERS = "What would that look like in your first months here?"
QUESTIONS = Path(__file__).resolve().parent.parent / "data" / "questions"


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "question",
    [
        TESTERS,
        "What would that look like here?",
        "What would your first 90 days look like?",
        "What would your first week here look like?",
        "What would be your first steps?",
        "What would your plan be?",
        "How would that work in practice here?",
        "What would you change first?",
        "What would you do in your first 90 days?",
        "How would you approach it?",
        "What would you do about it?",
        "How would you go about that here?",
        "What would your priorities be in the first six months?",
        *PLAN_FIXED,
    ],
)
def test_a_question_about_what_you_would_do_asks_for_a_plan(question: str) -> None:
    assert asked_for(question) == "plan"


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "question",
    [
        "What would your manager say about you?",
        "What would success look like for you in this role after a year?",
        "What would your ideal working week look like?",
        "Why would you want to work here?",
        "How would you describe yourself?",
        "What would you like to learn here?",
        *(q for q in POINT_FIXED if q != TESTERS),
    ],
)
def test_would_that_asks_for_no_plan_is_not_one(question: str) -> None:
    assert asked_for(question) == "neither"


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_asks_for_a_plan_when_its_words_do() -> None:
    assert asks_of_follow_up("neither", TESTERS) == "plan"
    assert asks_of_follow_up("neither", "Why does that matter to you?") == "neither"
    assert asks_of_follow_up("story", "What was the outcome?") == "story"
    assert asks_of_follow_up("story", "What would you do differently if it happened again?") == (
        "story"
    )
    assert asks_of_follow_up("plan", "Who else?") == "plan"


def test_the_checks_here_were_never_trained_on() -> None:
    trained_on = json.loads(plan_questions.WEIGHTS.read_text())["trained_on"]
    assert "dev3.json" in trained_on
    labelled = {
        " ".join(item["question"].lower().split())
        for name in trained_on
        for item in json.loads((QUESTIONS / name).read_text(encoding="utf-8"))
    }
    assert TESTERS.lower() not in labelled
    assert "what would your first 90 days look like?" not in labelled
