"""The answer to a follow-up from a story's list asked in turn (`followups.FIXED`: "What did
you learn from that?") is a reflection on the story, not a story (a new user's trial: a
two-sentence lesson got 3 of 5 and "Put a number on the result", "Start with a sentence of
context" and "say … what was asked of you", and counted for "Say the task" and "Put a number
on the result"). It gets no tip asking for a STAR part, no 1-5 figure weighing them (and says
why), and counts for none of the story's areas; the story's parts are read over the first
answer and it together, as for a follow-up asking for a part.

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import judge_follow_up, measured_answer, measured_of
from prepcoach.coach.followups import FIXED, asked_again
from prepcoach.coach.improvement import improvement_areas, meets
from prepcoach.coach.improvement_sources import calibrated
from prepcoach.coach.mock_interview import figures_of
from tests.coach.test_follow_up_measured import PROCESS, WHOLE, stored

TODAY = dt.date(2026, 12, 9)  # a Wednesday
LEARN = "What did you learn from that?"
LESSON_TEXT = (
    "That I should test a big move before committing to it. The week of shadowing told me more "
    "than any job advert could, and now I advise trainees to do the same."
)
# The trial's lesson as the reader read it: an action and a result, no scene, task or number,
# and the three tips its report gave.
TIPS = [
    {"rule": "STAR: the result has no number",
     "text": "Put a number on the result: how much, how many, how much faster.", "evidence": []},
    {"rule": "STAR: the answer never says what you had to do",
     "text": "Before the actions, say in one sentence what was asked of you or what you set out "
             "to achieve.", "evidence": []},
    {"rule": "STAR: the answer never sets the scene",
     "text": "Start with a sentence of context: where you were, and what the problem was.",
     "evidence": []},
    {"rule": "Fillers: 4.0 a minute, above 3", "text": "Pause instead of “um”.", "evidence": []},
]  # fmt: skip
STORY_AREAS = {"star_situation", "star_task", "star_action", "star_result", "quantified",
               "personal_action"}  # fmt: skip


def lesson() -> dict[str, Any]:
    return stored("action", "result") | {"transcript": LESSON_TEXT, "tips": TIPS}


@pytest.mark.parametrize("question", FIXED)
def test_a_fixed_list_follow_up_asks_for_a_reflection_not_a_story(question: str) -> None:
    judged = judge_follow_up(question, lesson(), WHOLE)
    assert judged.rule == "fixed list"
    assert judged.asks_part
    assert judged.reflects
    assert judged.given is None
    assert "a reflection on the story" in judged.words
    # No tip asking for a STAR part; the delivery's stay.
    assert [t["rule"] for t in judged.tips(TIPS, LESSON_TEXT)] == [TIPS[3]["rule"]]
    # No 1-5 figure computed from STAR parts, and why.
    assert measured_of(lesson(), "story", judged) is None
    assert measured_answer(question, lesson(), "story", follow_up=True) is None
    assert judged.unmeasured.startswith(
        "no 1–5 figure: a follow-up is judged only on what it asked for ("
    )
    # The story's parts over the first answer and this one together.
    assert judged.story is not None
    assert all(judged.story[p]["present"] for p in ("situation", "task", "action", "result"))


def test_the_trials_lesson_is_judged_as_a_reflection() -> None:
    judged = judge_follow_up(LEARN, lesson(), WHOLE)
    assert judged.words == (
        "Asked for: what you learned — a reflection on the story, not judged as a story"
    )
    assert judged.unmeasured == (
        "no 1–5 figure: a follow-up is judged only on what it asked for (what you learned)"
    )
    figures = figures_of(lesson(), "story", LEARN, WHOLE)
    assert figures is not None
    assert figures.measured is None
    assert figures.unmeasured_words == judged.unmeasured
    assert figures.tip == "Pause instead of “um”."
    assert figures.star_words.endswith("over the first answer and this one together")
    # Rated 3 against no figure: calibration does not judge it.
    assert calibrated(lesson(), 3, LEARN, follow_up=True) is None


def test_a_reflection_is_no_evidence_for_the_story_areas() -> None:
    """Two stories told whole, each followed by a lesson with no scene, task or number: no
    story area, whether the lessons are read with their stories or alone."""
    answers = []
    for i in (1, 2):
        answers.append(AnswerFacts(10 * i, TODAY, PROCESS, WHOLE))
        answers.append(AnswerFacts(10 * i + 1, TODAY, LEARN, lesson(), follow_up=True,
                                   follows=10 * i))  # fmt: skip
    areas = improvement_areas(answers, [], TODAY)
    assert not {a.key for a in areas} & STORY_AREAS
    alone = [AnswerFacts(i, TODAY, LEARN, lesson(), follow_up=True) for i in (1, 2, 3)]
    assert not {a.key for a in improvement_areas(alone, [], TODAY)} & STORY_AREAS
    for key in STORY_AREAS:
        assert meets(key, lesson(), LEARN, follow_up=True) is None, key
    # Its delivery is judged as any answer's.
    fast = lesson() | {"fillers": {"per_min": 8.0, "items": []}, "thresholds": {}}
    assert meets("fillers", fast, LEARN, follow_up=True) is False


def test_a_story_area_says_the_reflections_it_left_out() -> None:
    answers = [AnswerFacts(i, TODAY, PROCESS, stored("action", "result")) for i in (1, 2)]
    answers.append(AnswerFacts(3, TODAY, LEARN, lesson(), follow_up=True))
    (area,) = [a for a in improvement_areas(answers, [], TODAY) if a.key == "star_situation"]
    assert (area.affected, area.considered) == (2, 2)
    assert area.not_judged == (
        "1 answer to a follow-up asking for a reflection on the story, not a story",
    )


def test_a_follow_up_asked_again_is_still_judged_as_any_answer() -> None:
    again = asked_again(PROCESS, "a time you improved a process").text
    judged = judge_follow_up(again, lesson(), WHOLE)
    assert (judged.rule, judged.asks_part, judged.story) == ("off topic", False, None)
    assert measured_answer(again, lesson(), "story", follow_up=True) is not None
    assert meets("star_situation", lesson(), again, follow_up=True) is False
