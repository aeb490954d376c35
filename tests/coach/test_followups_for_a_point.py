"""The mock's follow-up to an answer whose question asks for neither a story nor a plan ("What
motivates you?") probes its point, by what the question asks for (`relevance.asked_for`, the
one rule every face judges the answer by). Before, every turn after "What motivates you?" asked
"What was the outcome?" because "your answer did not say how it ended", and the peer
interviewer's sheet tagged it "the answer has no result"."""

from __future__ import annotations

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import (
    FIXED,
    PLAN_FIXED,
    PLAN_RULES,
    POINT_FIXED,
    RULES,
    asked_in_turn,
    follow_up,
)
from prepcoach.coach.peers import interviewer_sheet
from prepcoach.coach.relevance import asked_for
from tests.coach.test_questions_asking_for_neither import MOTIVATES, MOTIVATION
from tests.relevance_samples import AMBITION, BACKLOG, FIVE_YEARS, PLAN, PLAN_QUESTION

POINTS = [(MOTIVATES, MOTIVATION), (FIVE_YEARS, AMBITION)]
STORY_ASKS = {question for _, question in RULES + PLAN_RULES} | set(FIXED) | set(PLAN_FIXED)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("question", "answer"), POINTS)
def test_a_point_is_followed_up_about_the_point_before_and_after_it_is_read(
    question: str, answer: str
) -> None:
    analysis = analyse_answer(text=answer, question=question).as_dict()
    content = analyse_content(answer)
    # The mock asks before the worker has read the answer (no analysis yet) and after.
    for stored in (None, analysis):
        asks = asked_for(question, stored)
        assert asks == "neither"
        asked = [follow_up(content, turn, asks=asks) for turn in range(len(POINT_FIXED))]
        assert [f.text for f in asked] == list(POINT_FIXED)  # in turn, none repeated
        for f in asked:
            assert f.rule == "point list"
            assert f.text not in STORY_ASKS
            assert f.reason == "interviewers often ask it to test the point an answer makes"
            assert "ended" not in f.reason
            assert f.general
            assert f.tag == ""  # not "the answer has no result"


def test_the_lists_asked_in_turn_follow_what_the_question_asks_for() -> None:
    assert asked_in_turn("story") == (FIXED, "fixed list")
    assert asked_in_turn("plan") == (PLAN_FIXED, "plan list")
    assert asked_in_turn("neither") == (POINT_FIXED, "point list")
    assert "Can you give an example?" not in POINT_FIXED  # asks for the story it was not asked


@pytest.mark.usefixtures("sentence_model")
def test_a_story_and_a_plan_keep_their_follow_ups() -> None:
    weak = "I rewrote the triage rules and trained two new starters on them."
    story = analyse_answer(text=weak, question=BACKLOG).as_dict()
    assert asked_for(BACKLOG, story) == "story"
    assert follow_up(analyse_content(weak), asks=asked_for(BACKLOG, story)).text == (
        "What was the outcome?"
    )
    plan = analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict()
    asked = follow_up(analyse_content(PLAN), turn=1, asks=asked_for(PLAN_QUESTION, plan))
    assert (asked.text, asked.rule) == (PLAN_FIXED[1], "plan list")


@pytest.mark.usefixtures("sentence_model")
def test_a_point_follow_up_reads_as_asking_for_neither_a_story_nor_a_plan() -> None:
    """Its answer is judged by what the follow-up asks for: were one read as asking for a story
    or a plan by its words, the answer to it would be told to set the scene, or give steps. All
    but one: "What would that look like in your first months here?" asks what the user would
    do, a plan, whose answer gives steps (a tester's plan answering it was judged as answering a
    question asking "for neither a story nor a plan": `followups.asks_of_follow_up`)."""
    assert [asked_for(text) for text in POINT_FIXED] == [
        "plan" if text == "What would that look like in your first months here?" else "neither"
        for text in POINT_FIXED
    ]


@pytest.mark.usefixtures("sentence_model")
def test_the_peer_sheet_probes_a_point_and_tags_nothing_it_lacks() -> None:
    analysis = analyse_answer(text=MOTIVATION, question=MOTIVATES).as_dict()
    asks = asked_for(MOTIVATES, analysis)
    sheet = interviewer_sheet(1, MOTIVATES, analyse_content(MOTIVATION), asks=asks)
    texts = [f.text for f in sheet.follow_ups]
    assert len(set(texts)) == 3
    assert all(text in POINT_FIXED for text in texts)
    assert [f.tag for f in sheet.follow_ups] == ["", "", ""]
    assert sheet.general_note == "Interviewers often ask these to test the point an answer makes."
    before = interviewer_sheet(2, MOTIVATES, None, asks=asked_for(MOTIVATES))
    assert all(f.text in POINT_FIXED for f in before.follow_ups)
