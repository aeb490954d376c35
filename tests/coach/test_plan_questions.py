"""A question asking what the user would do asks for a plan: the report, the improvement areas,
the measured figure and the mock's follow-ups decide it by one rule (`relevance.asks_for_plan`)
and judge no plan for a missing situation, task or result (a new user's trial: the areas said
"Say the situation" and the mock asked "What was the outcome?" of a good plan)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer, asks_for_plan
from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import FIXED, PLAN_FIXED, follow_up
from prepcoach.coach.improvement import AnswerFacts, improvement_areas, meets
from prepcoach.coach.peers import interviewer_sheet
from prepcoach.coach.relevance import (
    PLAN_KIND,
    asked_for,
    asks_for_story,
    asks_for_story_or_plan,
    follow_up_kind,
    plan_asked,
    question_kind,
    talks_past,
)
from tests.relevance_samples import BACKLOG, BACKLOG_STORY, PLAN, PLAN_QUESTION

TODAY = dt.date(2026, 12, 2)
STORY_PARTS = ("star_situation", "star_task", "star_result", "quantified")


def test_a_question_asking_what_you_would_do_is_not_a_story_question() -> None:
    assert not asks_for_story(PLAN_QUESTION)
    assert not asks_for_story("How would you handle a customer demanding a refund?")
    assert asks_for_story(BACKLOG)
    # ... but an answer shaped like a story (steps, then what they bring) does not talk past it:
    # a plan question does ask for a plan.
    assert asks_for_story_or_plan(PLAN_QUESTION)
    assert not talks_past(PLAN_QUESTION, 1.0)
    assert not talks_past("How would you handle a customer demanding a refund?", 1.0)
    assert talks_past("Which skills do you hope to develop?", 1.0)


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    analysis = analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict()
    assert asks_for_plan(analysis)  # the report read the question as asking for a plan
    assert not analysis["star"]["result"]["present"]  # a plan's result has not happened
    return analysis


@pytest.mark.usefixtures("sentence_model")
def test_the_areas_judge_no_plan_for_a_missing_situation_task_or_result(
    plan: dict[str, Any],
) -> None:
    answers = [AnswerFacts(i, TODAY - dt.timedelta(days=i), PLAN_QUESTION, plan) for i in range(3)]
    keys = {area.key for area in improvement_areas(answers, [], TODAY)}
    assert not keys & {"star_situation", "star_task", "star_result", "quantified"}
    for key in STORY_PARTS:
        assert meets(key, plan, PLAN_QUESTION) is None  # not judged either way
    # A plan is still judged for its steps, as the report's figure counts them.
    assert meets("star_action", plan, PLAN_QUESTION) is True
    no_steps = plan | {"star": {**plan["star"], "action": {"present": False, "evidence": []}}}
    assert meets("star_action", no_steps, PLAN_QUESTION) is False


@pytest.mark.usefixtures("sentence_model")
def test_a_story_question_is_still_judged_for_every_part() -> None:
    told = analyse_answer(text=BACKLOG_STORY, question=BACKLOG).as_dict()
    assert not asks_for_plan(told)
    assert meets("star_result", told, BACKLOG) is True
    weak = analyse_answer(
        text="I rewrote the triage rules and trained two new starters on them.",
        question=BACKLOG,
    ).as_dict()
    assert meets("star_result", weak, BACKLOG) is False


@pytest.mark.usefixtures("sentence_model")
def test_the_mocks_follow_up_to_a_plan_asks_about_the_plan(plan: dict[str, Any]) -> None:
    assert plan_asked(PLAN_QUESTION, plan)
    assert plan_asked(PLAN_QUESTION)  # before the answer is read: from the question alone
    assert question_kind(PLAN_QUESTION) == plan["relevance"]["kind"]
    assert not plan_asked(BACKLOG)
    # "Tell me about a time… What did you do?" reads as "would do" by meaning: its words say no.
    assert not plan_asked("Tell me about a time you handled an angry customer. What did you do?")
    asked = follow_up(analyse_content(PLAN), turn=1, asks="plan")
    assert asked.text == PLAN_FIXED[1]
    assert asked.text not in FIXED
    assert "outcome" not in asked.text
    assert "scene" not in asked.text
    assert asked.reason == "interviewers often ask it to test a plan"
    # A plan that gives no steps is asked for them.
    vague = follow_up(analyse_content("It depends on the situation really."), asks="plan")
    assert vague.rule == "no steps"
    assert vague.reason == "your answer did not say what you would do"
    # A story question keeps its rules: a story with no result is asked how it ended.
    weak = analyse_content("I rewrote the triage rules and trained two new starters on them.")
    assert follow_up(weak).text == "What was the outcome?"


@pytest.mark.usefixtures("sentence_model")
def test_a_peer_interviewers_sheet_asks_about_the_plan() -> None:
    sheet = interviewer_sheet(1, PLAN_QUESTION, analyse_content(PLAN), asks="plan")
    texts = [f.text for f in sheet.follow_ups]
    assert len(set(texts)) == 3
    assert all(text in PLAN_FIXED for text in texts)
    before = interviewer_sheet(2, PLAN_QUESTION, None, asks="plan")
    assert all(f.text in PLAN_FIXED for f in before.follow_ups)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("said", ["I don't know", "Um, uh, er"])
def test_a_plan_question_stays_a_plan_when_its_answer_cannot_be_read(said: str) -> None:
    """A question's kind does not depend on its answer (`Relevance.kind`): an answer too short
    to read kept no kind, so the mock asked a plan "What was the outcome?"."""
    analysis: dict[str, Any] = analyse_answer(text=said, question=PLAN_QUESTION).as_dict()
    assert analysis["relevance"]["kind"] == question_kind(PLAN_QUESTION) == "would_do"
    assert asks_for_plan(analysis)
    assert plan_asked(PLAN_QUESTION, analysis)
    asked = follow_up(analyse_content(said), turn=1, asks=asked_for(PLAN_QUESTION, analysis))
    assert asked.text in PLAN_FIXED
    # A story question's unreadable answer keeps no plan.
    assert not plan_asked(BACKLOG, analyse_answer(text=said, question=BACKLOG).as_dict())


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_question_in_other_words_is_judged_for_its_steps_as_its_report_is() -> None:
    """The report reads "What steps would you take?" as a plan by the kind (`asks_for_plan`) and
    tips a plan with no steps; the areas asked the words for "what would you do" alone, so they
    judged no plan of it and said it was an answer "to a question that asks for no story"."""
    question = (
        "Suppose a release is about to slip two days before launch. What steps would you take?"
    )
    steps = (
        "First I would sit down with the team and list what still blocks the release. Then I "
        "would cut the features we can ship later and tell the client the new scope that day."
    )
    analysis: dict[str, Any] = analyse_answer(text=steps, question=question).as_dict()
    assert asks_for_plan(analysis)
    assert meets("star_action", analysis, question) is True
    for key in STORY_PARTS:
        assert meets(key, analysis, question) is None


# Alice's answers to the mock's follow-ups of her plan: each a step of the plan, no story.
FOLLOWED_UP = (
    (
        PLAN_FIXED[0],  # "What would you do first, and why that first?"
        "First I would talk to my teammate in private, because there may be a reason I cannot "
        "see and I would rather understand it before I raise it with anyone else.",
    ),
    (
        PLAN_FIXED[1],  # "How would you know your plan was working?"
        "I would check each Friday whether the smaller deadlines we agreed on were met. I would "
        "also ask my teammate in our one-to-one whether the weekly check-ins help, and I would "
        "look at whether my own work still waits on theirs.",
    ),
    (
        PLAN_FIXED[1],  # a short answer: a plan of a line, not "Tell the whole story"
        "I would check each week whether the deadlines we agreed were met, and I would ask my "
        "teammate how the check-ins feel.",
    ),
    (
        PLAN_FIXED[3],  # "Who would you involve, and when?"
        "At first only my teammate and me. If the new deadlines still slipped after two weeks, "
        "I would bring in our manager and suggest moving the work that blocks me.",
    ),
)
STORY_TIPS = ("Tell the whole story", "sets the scene", "how it ended", "what you had to do")


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("asked", "said"), FOLLOWED_UP)
def test_an_answer_to_a_follow_up_asked_of_a_plan_is_judged_as_a_plan(
    asked: str, said: str, plan: dict[str, Any]
) -> None:
    """The plan model reads a plan's follow-up alone ("Who would you involve, and when?") as no
    plan, so Alice's answer to it got "Tell the whole story…" and "the answer never sets the
    scene". A follow-up asked of a plan asks about the plan (`follow_up_kind`), and the
    analysis is told so."""
    kind = follow_up_kind(PLAN_QUESTION, plan)
    assert kind == PLAN_KIND
    judged: dict[str, Any] = analyse_answer(text=said, question=asked, kind=kind).as_dict()
    assert judged["relevance"]["kind"] == PLAN_KIND
    assert asks_for_plan(judged)
    assert plan_asked(asked, judged)  # every page after reads it as the report did
    assert judged["relevance"]["check"] is None  # no "the question asks for no story"
    tips = " ".join(f"{tip['rule']} {tip['text']}" for tip in judged["tips"])
    assert not [words for words in STORY_TIPS if words in tips], tips
    # An answer too short to read keeps the plan too, as its question was asked.
    unread: dict[str, Any] = analyse_answer(
        text="I don't know", question=asked, kind=kind
    ).as_dict()
    assert plan_asked(asked, unread)


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_asked_of_a_story_is_read_by_its_own_words() -> None:
    told = analyse_answer(text=BACKLOG_STORY, question=BACKLOG).as_dict()
    assert follow_up_kind(BACKLOG, told) is None
    asked = "What was the outcome?"
    said = "Within a month the average wait fell from 9 hours to 2 hours, and it stayed there."
    judged = analyse_answer(text=said, question=asked, kind=None).as_dict()
    assert judged["relevance"]["kind"] == question_kind(asked)
    assert not asks_for_plan(judged)


def test_a_stored_analysis_is_read_as_a_plan_by_the_one_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `answer.asks_for_plan` (the measured figure, the mock, the trends) reads the kind an
    # analysis keeps by `relevance.asks_for_plan` itself, not by a copy that could drift from it.
    from prepcoach.coach import relevance

    monkeypatch.setattr(relevance, "asks_for_plan", lambda kind: kind == "a plan by a new rule")
    assert asks_for_plan({"relevance": {"kind": "a plan by a new rule"}})
    assert not asks_for_plan({"relevance": {"kind": PLAN_KIND}})
