"""Improvement areas judge the answer to a follow-up asking for one part ("What changed, in
numbers?") on that part alone (`improvement.AreaRule.reading`, `ASKED_AREAS`): it had counted
as a story with no situation, task or action for "Say the situation" and the rest. And only a
real follow-up (`AnswerFacts.follow_up`, the attempt's `follow_up_to` link) is judged as one: a
first question worded as a follow-up ("What was the outcome?") is measured and judged as any
answer, in the areas, their goals (`meets`), calibration, the "went badly" goal and readiness.

Here the answers carry no link to the answer they follow up (`AnswerFacts.follows`), as where
that answer is gone: with it, the story is read over both as one
(`tests/coach/test_follow_up_story_areas.py`).

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.followups import PLAN_RULES, RULES
from prepcoach.coach.improvement import RULES as AREA_RULES
from prepcoach.coach.improvement import improvement_areas, meets
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, OUTCOME, PROCESS, stored

TODAY = dt.date(2026, 12, 9)  # a Wednesday
YOURSELF = dict(RULES)["no personal action"]
SCENE = dict(RULES)["no situation"]
FIRST_STEPS = dict(PLAN_RULES)["no steps"]
STORY_AREAS = {"star_situation", "star_task", "star_action", "star_result", "quantified",
               "personal_action"}  # fmt: skip


def follow_up(ref: int, question: str, analysis: dict[str, Any], **kw: Any) -> AnswerFacts:
    return AnswerFacts(ref, TODAY - dt.timedelta(days=ref), question, analysis, follow_up=True,
                       **kw)  # fmt: skip


def keys(answers: list[AnswerFacts]) -> set[str]:
    return {area.key for area in improvement_areas(answers, [], TODAY)}


def test_a_follow_up_given_what_it_asked_for_raises_no_story_area() -> None:
    """Three answers to "What changed, in numbers?", each a result with a number: no area, as
    none of them left out what it was asked for."""
    answers = [follow_up(i, IN_NUMBERS, NUMBERS) for i in (1, 2, 3)]
    assert not keys(answers) & STORY_AREAS
    for key in ("star_situation", "star_task", "star_action", "star_result", "personal_action"):
        assert meets(key, NUMBERS, IN_NUMBERS, follow_up=True) is None, key
    assert meets("quantified", NUMBERS, IN_NUMBERS, follow_up=True) is True
    # The same words and answers as first answers: judged as the stories they tell.
    firsts = [AnswerFacts(i, TODAY, IN_NUMBERS, NUMBERS) for i in (1, 2, 3)]
    assert {"star_situation", "star_task", "star_action"} <= keys(firsts)
    assert meets("star_situation", NUMBERS, IN_NUMBERS) is False


def test_a_follow_up_counts_for_the_part_it_asked_for_when_not_given() -> None:
    no_number = stored("result")  # how it ended, with no number
    answers = [follow_up(i, IN_NUMBERS, no_number) for i in (1, 2)]
    areas = {a.key: a for a in improvement_areas(answers, [], TODAY)}
    assert set(areas) & STORY_AREAS == {"quantified"}
    assert [e.detail for e in areas["quantified"].evidence] == [
        "asked for a result with a number: not given"
    ] * 2
    assert meets("quantified", no_number, IN_NUMBERS, follow_up=True) is False
    # "What was the outcome?" answered with no outcome: "Say the result", and nothing else.
    nothing = stored("action")
    outcome = [follow_up(i, OUTCOME, nothing) for i in (1, 2)]
    assert keys(outcome) & STORY_AREAS == {"star_result"}
    assert meets("star_result", nothing, OUTCOME, follow_up=True) is False
    assert meets("star_result", stored("result"), OUTCOME, follow_up=True) is True
    # "Can you set the scene…?" asks for the situation alone.
    assert meets("star_situation", stored("situation"), SCENE, follow_up=True) is True
    assert meets("star_situation", stored("task"), SCENE, follow_up=True) is False
    assert meets("star_task", stored("situation"), SCENE, follow_up=True) is None


def test_a_story_area_says_the_follow_ups_it_left_out() -> None:
    """Beside "in 2 of the 2 answers it could judge", the page says the follow-up it did not."""
    answers = [AnswerFacts(i, TODAY - dt.timedelta(days=i), PROCESS, stored("result"))
               for i in (1, 2)]  # fmt: skip
    answers.append(follow_up(3, IN_NUMBERS, NUMBERS))
    (area,) = [a for a in improvement_areas(answers, [], TODAY) if a.key == "star_situation"]
    assert (area.affected, area.considered) == (2, 2)
    assert area.not_judged == ("1 answer to a follow-up that asked for another part",)


def test_what_you_did_yourself_is_judged_as_the_report_judges_it() -> None:
    """A short answer to "What did you do yourself?" is judged on its "I" actions (the
    report's `given`), where the whole-story rule leaves any answer that short unjudged."""
    mine = stored("action") | {"ownership": {"i": 2, "we": 0, "i_actions": 2, "we_actions": 0}}
    team = stored("action") | {"ownership": {"i": 0, "we": 3, "i_actions": 0, "we_actions": 3}}
    assert meets("personal_action", mine, YOURSELF, follow_up=True) is True
    assert meets("personal_action", team, YOURSELF, follow_up=True) is False
    assert meets("star_result", team, YOURSELF, follow_up=True) is None
    # Its evidence reads the same (it keeps no `cannot_tell`: an unread action is can't tell).
    assert meets("personal_action", answer_evidence(team), YOURSELF, follow_up=True) is False
    lost = team | {"star": {**team["star"], "action": {"present": None, "evidence": []}}}
    assert meets("personal_action", answer_evidence(lost), YOURSELF, follow_up=True) is None
    # A plan's "What would you actually do?" asks for its steps: "Say the action".
    plan = stored("action", asks="plan")
    assert meets("star_action", plan, FIRST_STEPS, follow_up=True) is True
    assert meets("star_action", stored(asks="plan"), FIRST_STEPS, follow_up=True) is False


def test_delivery_and_relevance_judge_a_follow_up_as_any_answer() -> None:
    """Fillers are fillers whatever was asked: its report says them too."""
    fast = NUMBERS | {"fillers": {"per_min": 8.0, "items": []}, "thresholds": {}}
    answers = [follow_up(i, IN_NUMBERS, fast) for i in (1, 2)]
    assert "fillers" in keys(answers)
    assert meets("fillers", fast, IN_NUMBERS, follow_up=True) is False
    # A verdict that it missed its question counts against it as any answer's would (follow-ups
    # get none from the analysis today, which says it can't tell: `relevance`).
    relevance = dict(NUMBERS.get("relevance") or {})
    off = NUMBERS | {"relevance": relevance | {"addresses": False, "probability": 0.01}}
    assert meets("relevance", off, IN_NUMBERS, follow_up=True) is False


def test_every_asked_part_has_its_area() -> None:
    from prepcoach.coach.follow_up_answer import ASKED
    from prepcoach.coach.improvement import ASKED_AREAS

    rules = {rule.key for rule in AREA_RULES}
    assert {part for part, _, _ in ASKED.values()} == set(ASKED_AREAS)
    assert set(ASKED_AREAS.values()) <= rules
