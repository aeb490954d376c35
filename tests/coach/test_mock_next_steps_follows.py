"""A mock's next steps count a follow-up as the areas page does: one story with the answer it
follows up (`improvement.Stories`, by `MockAnswer.follows`, the attempt's `follow_up_to`). A
browser check's second mock said "Say the result: no result found … in 4 of the 4 answers it
could judge", where two questions asked for a story and the other two answers were "What was
the outcome?" follow-ups, counted on their own; its areas page read them as two stories."""

from __future__ import annotations

import datetime as dt

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.improvement import improvement_areas
from prepcoach.coach.mock_interview import MockAnswer, summarise_mock

TODAY = dt.date(2026, 12, 6)
WMS = "Tell me about a time your work involved WMS. What did you do?"
TARGET = "Describe a time you had to choose between hitting a target and doing the right thing."
OUTCOME = "What was the outcome?"
SAID = {
    WMS: "So basically I would, um, look at what the problem is and then, you know, fix it with "
    "the team. I like to keep things organised and I check the work as we go.",
    TARGET: "Basically I just, like, make sure everyone knows what to do at the start of the "
    "shift and I walk the floor a lot so I can see problems early.",
}
LESSON = (
    "I learned that talking to people early saves a lot of trouble later. Now I always check in "
    "with the team at the start of the shift."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_next_steps_count_a_follow_up_with_the_answer_it_follows_up() -> None:
    answers, facts = [], []
    for number, question in enumerate((WMS, TARGET), start=1):
        first = analyse_answer(text=SAID[question], question=question).as_dict()
        then = analyse_answer(text=LESSON, question=OUTCOME, follow_up=True).as_dict()
        ref = 10 * number
        answers += [
            MockAnswer(ref, number, question, False, "analysed", first, TODAY),
            MockAnswer(ref + 1, number, OUTCOME, True, "analysed", then, TODAY, first=first,
                       follows=ref),
        ]  # fmt: skip
        facts += [AnswerFacts(ref, TODAY, question, first),
                  AnswerFacts(ref + 1, TODAY, OUTCOME, then, follow_up=True, follows=ref)]  # fmt: skip
    steps = summarise_mock([WMS, TARGET], answers, TODAY).next_steps
    areas = {a.key: a for a in improvement_areas(facts, [], TODAY)}
    result = areas["star_result"]
    assert "in 2 of the 2 answers it could judge" in result.rule, result.rule
    said = [s for s in steps if s.startswith(result.title)]
    assert said, steps
    assert said[0] == f"{result.title}: {result.rule}."
    assert not any("4 of the 4" in s for s in steps), steps
