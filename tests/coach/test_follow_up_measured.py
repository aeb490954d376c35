"""The answer to a follow-up asking for a part ("How did you know it worked? What changed, in
numbers?") has no 1-5 measured figure on any face, by the one rule its report uses
(`follow_up_answer.measured_of`, `measured_answer`): calibration and its goal, the "went badly"
goal and readiness had given it the whole story's figure (`answer.measured_rating`), which
weighs parts it was not asked for. And the whole story read over a first answer stored without
STAR parts says "can't tell" of those parts, never "missing".

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepcoach.coach.answer import measured_rating
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import (
    judge_follow_up,
    measured_answer,
    measured_of,
    together,
)
from prepcoach.coach.followups import FIXED, PLAN_RULES, RULES
from prepcoach.coach.improvement import improvement_areas, meets
from prepcoach.coach.improvement_sources import answered_well, calibrated, reworked
from prepcoach.coach.mock_interview import figures_of
from prepcoach.coach.readiness import AnswerFacts as ReadyAnswer
from prepcoach.coach.readiness import practice_of

PROCESS = "Tell me about a time you improved a process."
IN_NUMBERS = dict(RULES)["result without a number"]
OUTCOME = dict(RULES)["no result"]
FIRST_STEPS = dict(PLAN_RULES)["no steps"]
HARDEST = FIXED[3]  # "What was the hardest part for you?": asks for a reflection
OTHER = "What would your manager say about it?"  # no list asks it: asks for no part
TODAY = dt.date(2026, 12, 9)  # a Wednesday
MONDAY = dt.date(2026, 12, 7)
STAR = ("situation", "task", "action", "result")


def stored(*found: str, number: bool = False, asks: str = "story") -> dict[str, Any]:
    """A stored analysis whose reader found the STAR parts `found` (and a number when
    `number`), its question read as asking for `asks`."""
    star = {p: {"present": p in found, "evidence": [f"The {p}."] if p in found else []}
            for p in STAR}  # fmt: skip
    star["quantified_result"] = {"present": number, "evidence": ["By 40 %."] if number else []}
    return {"transcript": " ".join(f"The {p}." for p in found), "star": star,
            "relevance": {"question_asks": asks}}  # fmt: skip


WHOLE = stored(*STAR, number=True)  # the first answer: the whole story, with a number
NUMBERS = stored("result", number=True)  # the follow-up's answer: a result with a number


def test_the_whole_storys_figure_would_weigh_the_parts_not_asked_for() -> None:
    """The premise: `measured_rating` alone gives the numbers answer a low whole-story figure."""
    figure = measured_rating(NUMBERS, "story")
    assert figure is not None
    assert figure < measured_rating(WHOLE, "story")  # type: ignore[operator]


def test_a_follow_up_asking_for_a_part_has_no_figure_by_the_reports_rule() -> None:
    judged = judge_follow_up(IN_NUMBERS, NUMBERS, WHOLE)
    assert judged.asks_part
    assert measured_of(NUMBERS, "story", judged) is None
    assert measured_answer(IN_NUMBERS, NUMBERS, "story", follow_up=True) is None
    assert measured_answer(OUTCOME, NUMBERS, "story", follow_up=True) is None
    plan = stored("action", asks="plan")
    assert measured_answer(FIRST_STEPS, plan, "plan", follow_up=True) is None
    # A first answer, and a follow-up asking for no part, are measured as any answer is.
    figure = measured_rating(NUMBERS, "story")
    assert measured_of(NUMBERS, "story", None) == figure
    assert measured_answer(PROCESS, NUMBERS, "story") == figure
    assert measured_answer(OTHER, NUMBERS, "story", follow_up=True) == figure
    assert measured_of(NUMBERS, "story", judge_follow_up(OTHER, NUMBERS, WHOLE)) == figure
    # A story's list asked in turn asks for a reflection on it: no figure either.
    assert measured_answer(HARDEST, NUMBERS, "story", follow_up=True) is None
    assert measured_of(NUMBERS, "story", judge_follow_up(HARDEST, NUMBERS, WHOLE)) is None


def test_calibration_and_its_goal_leave_a_follow_up_unjudged() -> None:
    """Rated 5 against a whole-story figure of 1 or 2 it read as rating too kindly."""
    assert calibrated(NUMBERS, 5, PROCESS) is False  # as a first answer: judged
    assert calibrated(NUMBERS, 5, IN_NUMBERS, follow_up=True) is None
    assert meets("calibration", NUMBERS, IN_NUMBERS, 5, follow_up=True) is None
    kind = [AnswerFacts(i, TODAY, IN_NUMBERS, NUMBERS, rating=5, follow_up=True) for i in (1, 2, 3)]
    assert "calibration" not in {a.key for a in improvement_areas(kind, [], TODAY)}
    first = [AnswerFacts(i, TODAY, PROCESS, NUMBERS, rating=5) for i in (1, 2, 3)]
    assert "calibration" in {a.key for a in improvement_areas(first, [], TODAY)}


def test_a_follow_up_does_not_count_as_an_answer_reworked_well() -> None:
    assert answered_well(PROCESS, WHOLE)
    assert not answered_well(IN_NUMBERS, WHOLE, follow_up=True)
    answers = [AnswerFacts(1, TODAY, IN_NUMBERS, WHOLE, follow_up=True)]
    assert reworked([IN_NUMBERS], answers) == ()


def test_readiness_trends_the_figures_the_reports_give() -> None:
    answers = [
        ReadyAnswer(1, TODAY, PROCESS, WHOLE),
        ReadyAnswer(2, TODAY, IN_NUMBERS, NUMBERS, follow_up=True),  # no figure to trend
    ]
    practice = practice_of([PROCESS], answers)
    assert practice.points == ((MONDAY, float(measured_rating(WHOLE, "story") or 0)),)
    # Nor is it one of the job's questions answered (`practice_of`): it is counted apart.
    assert (practice.answers, practice.follow_ups) == (1, 1)


def test_a_first_answer_stored_without_star_parts_leaves_them_cant_tell() -> None:
    """An old analysis keeps no `star`: its parts are unknown, never missing."""
    old = {"transcript": "Last spring our queue doubled. I rewrote the triage rules."}
    parts = together(old, NUMBERS)
    assert parts["result"] == {"present": True, "evidence": ["The result."]}
    assert parts["quantified_result"] == {"present": True, "evidence": ["By 40 %."]}
    for part in ("situation", "task", "action"):
        assert parts[part] == {"present": None, "evidence": [], "unsure": ""}
    judged = judge_follow_up(IN_NUMBERS, NUMBERS, old)
    assert judged.story == parts
    assert judged.story_note == (
        "prepcoach can't tell the first answer's STAR parts: its analysis was stored without "
        "them (analyse it again to read them)"
    )
    # The mock's row counts the result found and names the rest can't tell, not "1 of 4".
    figures = figures_of(NUMBERS, "story", IN_NUMBERS, old)
    assert figures is not None
    assert figures.star_words == (
        "1 of 4 STAR parts over the first answer and this one together (prepcoach can't tell "
        "about the situation, the task and the action)"
    )
    # Both stored with their parts: a part neither holds is missing, as before.
    assert together(WHOLE, NUMBERS)["quantified_result"]["present"] is True
    assert together(stored("situation"), NUMBERS)["task"]["present"] is False
    assert judge_follow_up(IN_NUMBERS, NUMBERS, WHOLE).story_note == ""


def test_the_api_gives_the_judgement_whole() -> None:
    judged = judge_follow_up(IN_NUMBERS, NUMBERS, WHOLE)
    out = judged.as_dict()
    assert out["words"] == "Asked for: a result with a number — given: “By 40 %.”"
    assert out["unmeasured"] == (
        "no 1–5 figure: a follow-up is judged only on what it asked for (a result with a number)"
    )
    assert (out["rule"], out["asks_part"], out["given"]) == ("result without a number", True,
                                                             True)  # fmt: skip
    assert out["story"]["action"]["present"] is True
    assert judge_follow_up(OTHER, NUMBERS, WHOLE).as_dict()["asks_part"] is False
    reflection = judge_follow_up(HARDEST, NUMBERS, WHOLE).as_dict()
    assert (reflection["asks_part"], reflection["given"]) == (True, None)
    assert reflection["asked"] == "the hardest part for you"
