"""The answer to a follow-up from a plan's or a point's list asked in turn
(`followups.PLAN_FIXED`: "Who would you involve, and when?"; `POINT_FIXED`: "How does that fit
this role?") asks about one side of the plan or the point, not for the whole of it: it is
judged on what it asks (`follow_up_answer.ASPECT`), with no 1-5 figure weighing a plan's parts,
no tip asking for a story's or a plan's parts, and no evidence for the plan or ownership areas.
A browser check's areas page listed "Who would you involve, and when? 6 Dec: no step told as
yours (no “I would” found)" under "Say what you did yourself", for a lesson answering it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import judge_follow_up, measured_answer, measured_of
from prepcoach.coach.followups import PLAN_FIXED, POINT_FIXED
from prepcoach.coach.improvement import improvement_areas, meets
from prepcoach.coach.mock_interview import figures_of
from tests.coach.test_follow_up_measured import stored

TODAY = dt.date(2026, 12, 6)
REFUND = (
    "How would you handle a customer demanding a refund that falls outside the company's policy?"
)
PLAN_TEXT = (
    "I would listen to the customer first and say what the policy allows. I would offer what "
    "I can, such as an exchange or a credit note, and I would explain why a refund is not "
    "possible. If they still disagree, I would ask my manager to speak to them."
)
INVOLVE = "Who would you involve, and when?"
LESSON = (
    "I learned that talking to people early saves a lot of trouble later. Now I always check "
    "in with the team at the start of the shift."
)
LEAST = "Which part of your current job do you enjoy least?"
FIT = "How does that fit this role?"
OWNERSHIP_TIP = {
    "rule": "Ownership: no step told as yours",
    "text": "Say what you would do yourself: “I would…”.",
    "evidence": [],
}
FILLER_TIP = {"rule": "Fillers: 4.0 a minute, above 3", "text": "Pause instead of “um”.",
              "evidence": []}  # fmt: skip


def plan_step() -> dict[str, Any]:
    return stored("action", asks="plan") | {"tips": [OWNERSHIP_TIP, FILLER_TIP]}


@pytest.mark.parametrize(
    ("question", "rule"),
    [*((q, "plan list") for q in PLAN_FIXED), *((q, "point list") for q in POINT_FIXED)],
)
def test_a_plan_or_point_list_follow_up_is_judged_on_what_it_asks(question: str, rule: str) -> None:
    first = stored("action", asks="plan")
    judged = judge_follow_up(question, plan_step(), first)
    assert judged.rule == rule
    assert judged.asks_part
    assert not judged.reflects
    assert judged.given is None
    assert judged.asked
    assert judged.asked in judged.words
    assert "not judged as a whole" in judged.words
    # No 1-5 figure from a plan's parts, and why.
    assert measured_of(plan_step(), "plan", judged) is None
    assert measured_answer(question, plan_step(), "plan", follow_up=True) is None
    assert judged.unmeasured == (
        f"no 1–5 figure: a follow-up is judged only on what it asked for ({judged.asked})"
    )
    # No tip asking for a plan's or a story's parts; the delivery's stay.
    assert [t["rule"] for t in judged.tips(plan_step()["tips"], "")] == [FILLER_TIP["rule"]]
    # The plan's steps are read over the first answer and this one together.
    assert judged.story is not None


def test_the_browser_checks_follow_up_is_said_in_words() -> None:
    judged = judge_follow_up(INVOLVE, plan_step(), stored("action", asks="plan"))
    assert judged.words == (
        "Asked for: who you would involve, and when — one side of the plan, not judged as a "
        "whole plan"
    )
    fit = judge_follow_up(FIT, stored(asks="neither"), stored(asks="neither"))
    assert fit.words == (
        "Asked for: how that fits this role — more on the point you made, not judged as a "
        "whole answer"
    )
    figures = figures_of(plan_step(), "plan", INVOLVE, stored("action", asks="plan"))
    assert figures is not None
    assert figures.measured is None
    assert figures.asked_words == judged.words
    assert figures.tip == "Pause instead of “um”."


@pytest.mark.usefixtures("sentence_model")
def test_a_lesson_answering_who_you_would_involve_is_no_evidence_for_saying_what_you_did() -> None:
    plan = analyse_answer(text=PLAN_TEXT, question=REFUND).as_dict()
    lesson = analyse_answer(
        text=LESSON, question=INVOLVE, follow_up=True, kind="would_do"
    ).as_dict()
    # The premise: read as a plan, the lesson tells no step as the speaker's.
    assert meets("personal_action", lesson, INVOLVE) is False
    assert meets("personal_action", lesson, INVOLVE, follow_up=True) is None
    linked, alone = [], []
    for i in (1, 2, 3):
        when = TODAY - dt.timedelta(days=i)
        linked += [
            AnswerFacts(10 * i, when, REFUND, plan),
            AnswerFacts(10 * i + 1, when, INVOLVE, lesson, follow_up=True, follows=10 * i),
        ]
        alone.append(AnswerFacts(10 * i + 1, when, INVOLVE, lesson, follow_up=True))  # fmt: skip
    for answers in (linked, alone):
        for area in improvement_areas(answers, [], TODAY):
            refs = {e.ref for e in area.evidence if e.source == "answer"}
            if area.key in ("personal_action", "star_action"):
                assert not refs & {11, 21, 31}, (area.key, area.evidence)
    assert measured_answer(INVOLVE, lesson, "plan", follow_up=True) is None


@pytest.mark.usefixtures("sentence_model")
def test_a_point_list_follow_up_read_as_a_plan_is_no_plan_evidence() -> None:
    """ "What would that look like in your first months here?" is read as a plan
    (`asks_of_follow_up`): answered with a lesson, it was evidence of a plan with no step."""
    months = POINT_FIXED[2]
    lesson = analyse_answer(text=LESSON, question=months, follow_up=True, kind="would_do").as_dict()
    answers = [AnswerFacts(i, TODAY, months, lesson, follow_up=True) for i in (1, 2, 3)]
    keys = {a.key for a in improvement_areas(answers, [], TODAY)}
    assert not keys & {"personal_action", "star_action"}
    assert LEAST  # the browser check's point question, answered before "How does that fit…"


def test_an_answer_to_a_point_list_follow_up_is_judged_on_the_jobs_terms() -> None:
    """A review: "How does that fit this role?" is where the job's terms matter most, and its
    answers had dropped out of "Use the job's key terms" with the story's areas."""
    import datetime as dt

    from prepcoach.coach.area_types import AnswerFacts
    from prepcoach.coach.improvement import improvement_areas
    from tests.coach.test_follow_up_measured import stored

    today = dt.date(2026, 12, 6)
    terms = ["stock control", "forklift"]
    keywords = {"used": [], "missed": terms, "bearing": terms, "terms": terms}
    analysis = stored(asks="neither") | {"keywords": keywords}
    answers = [
        AnswerFacts(i, today - dt.timedelta(days=i), "How does that fit this role?", analysis,
                    follow_up=True)
        for i in (1, 2, 3)
    ]  # fmt: skip
    areas = {area.key: area for area in improvement_areas(answers, [], today)}
    assert [e.ref for e in areas["job_terms"].evidence] == [1, 2, 3]
