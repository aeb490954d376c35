"""A mock's next steps judge the answers to follow-ups as the areas page does
(`improvement`, `AnswerFacts.follow_up`): one that asks for a number counts for the number it
gave or did not give, and never for the story's other parts. They had been left out of the next
steps altogether, fillers and pace with them, while the areas page counted them."""

from __future__ import annotations

import datetime as dt

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.mock_interview import MockAnswer, summarise_mock

TODAY = dt.date(2026, 12, 4)
STORY = "Tell me about a time you improved a process."
IN_NUMBERS = "How did you know it worked? What changed, in numbers?"
GOOD = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)
NO_NUMBER = "It was clearly better. Customers complained less and the team felt calmer."


@pytest.mark.usefixtures("sentence_model")
def test_follow_ups_that_never_give_the_number_they_ask_for_are_a_next_step() -> None:
    good = analyse_answer(text=GOOD, question=STORY).as_dict()
    vague = analyse_answer(text=NO_NUMBER, question=IN_NUMBERS).as_dict()
    answers = [
        MockAnswer(1, 1, STORY, False, "analysed", good, TODAY),
        MockAnswer(2, 1, IN_NUMBERS, True, "analysed", vague, TODAY, first=good),
        MockAnswer(3, 2, STORY, False, "analysed", good, TODAY),
        MockAnswer(4, 2, IN_NUMBERS, True, "analysed", vague, TODAY, first=good),
    ]
    steps = summarise_mock([STORY, STORY], answers, TODAY).next_steps
    # Both first answers give their number; the two follow-ups asked for one and gave none.
    assert any(step.startswith("Put a number on the result") for step in steps), steps
    # The follow-ups are never counted against the parts they were not asked for.
    assert not any(step.startswith(("Give the situation", "Give the task")) for step in steps)
