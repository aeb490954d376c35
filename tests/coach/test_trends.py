"""The progress page's trends (coach.trends): a plan is counted of the parts a plan is judged
on (`mock_interview.PLAN_PARTS`, its action), as its report and the mock count it, never as a
story missing three of its four parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.trends import METRICS, PARTS_OUT_OF, figures, percent, weekly
from tests.relevance_samples import BACKLOG as STORY_QUESTION
from tests.relevance_samples import BACKLOG_STORY as STORY
from tests.relevance_samples import PLAN, PLAN_QUESTION

MONDAY = dt.date(2026, 11, 30)


def stored(found: dict[str, bool | None], kind: str | None) -> dict[str, Any]:
    """A stored analysis's STAR parts and the question's kind, as `analyse_answer` keeps them."""
    return {
        "star": {part: {"present": present, "evidence": []} for part, present in found.items()},
        "relevance": {"kind": kind},
    }


ACTION_ONLY = {"situation": False, "task": False, "action": True, "result": False}


def test_a_plan_is_counted_of_its_action_not_of_four() -> None:
    """Alice's good plan showed as "STAR parts present (of 4): 1" on her progress page, while
    its report said "not asked" of the other three and the mock "the action (the one STAR
    part a plan is judged on)"."""
    plan = figures(stored(ACTION_ONLY, "would_do"))
    assert "star_parts" not in plan
    assert plan["plan_parts"] == 1.0
    assert PARTS_OUT_OF["plan_parts"] == 1
    # Said as a person would (it said "A plan's action present (of 1)").
    assert METRICS["plan_parts"] == "Plans that say what you would do (share of the week's plans)"
    no_steps = figures(stored(ACTION_ONLY | {"action": False}, "would_do"))
    assert no_steps["plan_parts"] == 0.0
    # The same parts told to a question asking for a story are one part of four.
    story = figures(stored(ACTION_ONLY, "story"))
    assert story["star_parts"] == 1.0
    assert "plan_parts" not in story
    # A plan's action not heard says nothing; its other parts are not asked.
    unheard = figures(stored(ACTION_ONLY | {"action": None, "result": None}, "would_do"))
    assert "plan_parts" not in unheard
    assert "star_parts" not in unheard
    heard = figures(stored(ACTION_ONLY | {"result": None}, "would_do"))
    assert heard["plan_parts"] == 1.0


def test_a_week_of_plans_and_stories_draws_each_on_its_own_line() -> None:
    whole = {"situation": True, "task": True, "action": True, "result": True}
    answers = [
        (MONDAY, stored(whole, "story")),
        (MONDAY, stored(ACTION_ONLY, "would_do")),
        (MONDAY + dt.timedelta(days=7), stored(ACTION_ONLY | {"task": True}, None)),
        (MONDAY + dt.timedelta(days=8), stored(ACTION_ONLY | {"action": False}, "would_do")),
    ]
    trends = {t.metric: t for t in weekly(answers)}
    # The plans no longer pull the stories' line down (the week's mean was 2.5 of 4).
    assert trends["star_parts"].points == ((MONDAY, 4.0), (MONDAY + dt.timedelta(days=7), 2.0))
    assert trends["plan_parts"].points == ((MONDAY, 1.0), (MONDAY + dt.timedelta(days=7), 0.0))
    # The plans' line is a share of the week's plans, said in percent (it read a bare "1");
    # the STAR line counts parts of 4.
    assert trends["plan_parts"].share
    assert not trends["star_parts"].share
    assert [percent(v) for _, v in trends["plan_parts"].points] == ["100 %", "0 %"]
    assert percent(2 / 3) == "67 %"


@pytest.mark.usefixtures("sentence_model")
def test_an_analysed_plan_and_story_are_counted_as_their_reports_count_them() -> None:
    plan = figures(analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict())
    assert plan["plan_parts"] == 1.0
    assert "star_parts" not in plan
    story = figures(analyse_answer(text=STORY, question=STORY_QUESTION).as_dict())
    assert story["star_parts"] == 4.0
    assert "plan_parts" not in story


def test_an_answer_to_a_question_asking_for_no_story_is_on_no_star_line() -> None:
    """A trial's progress page counted "Where do you see yourself in five years?" into the STAR
    line as 0 of 4. By what its question asks (`relevance.asked_for`), it is on neither parts
    line, and the STAR line says how many it left out."""
    whole = {"situation": True, "task": True, "action": True, "result": True}
    none = dict.fromkeys(whole, False)
    point = figures(stored(none, "yourself"), "neither")
    assert "star_parts" not in point
    assert "plan_parts" not in point
    answers = [
        (MONDAY, stored(whole, "story"), "story"),
        (MONDAY, stored(none, "yourself"), "neither"),
        (MONDAY + dt.timedelta(days=1), stored(none, None), "neither"),
        (MONDAY + dt.timedelta(days=2), stored(ACTION_ONLY, "would_do"), "plan"),
    ]
    trends = {t.metric: t for t in weekly(answers)}
    assert trends["star_parts"].points == ((MONDAY, 4.0),)  # was 1.33: two answers read 0
    assert trends["star_parts"].left_out == 2
    assert trends["star_parts"].left_out_words == (
        "2 answers to questions asking for neither a story nor a plan"
    )
    assert trends["plan_parts"].left_out == 0
    # An answer whose question is not known is read as before: a plan by its kind, else a story.
    assert figures(stored(none, "yourself"))["star_parts"] == 0.0


def test_the_lines_are_named_as_a_person_would_with_the_users_pause_threshold() -> None:
    """A trial's page said "A plan's action present (of 1)", and "Pauses of 3 s or more" to a
    user whose long pause starts at 2.5 s (the feedback settings change it: each analysis keeps
    the one it was counted by)."""
    assert METRICS["plan_parts"] == "Plans that say what you would do (share of the week's plans)"

    def paused(long_pause_s: float | None) -> dict[str, Any]:
        found: dict[str, Any] = {"pauses": {"long_count": 1}}
        if long_pause_s is not None:
            found["thresholds"] = {"long_pause_s": long_pause_s}
        return found

    def label(*answers: dict[str, Any]) -> str:
        trends = {t.metric: t for t in weekly([(MONDAY, a) for a in answers])}
        return trends["long_pauses"].label

    assert label(paused(2.5), paused(2.5)) == "Pauses of 2.5 s or more"
    assert label(paused(None)) == "Pauses of 3 s or more"  # stored before thresholds were
    assert label(paused(3.0), paused(2.5)) == (
        "Long pauses (of 2.5 s or more; of 3 s or more before you changed it)"
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_part_it_cannot_tell_about_is_counted_neither_found_nor_missing() -> None:
    """A part the reader can't tell about (`present` None with `unsure`) is unknown as a part
    not heard is: the answer is on no STAR line (counted 3 or 4 of 4 it would rest on a guess,
    as `answer.measured_rating` will not), and a plan's other parts do not take it off its own."""
    from tests.coach.test_reader_band import NO_END, QUESTION, VAGUE

    vague = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    assert vague["star"]["result"]["present"] is None  # type: ignore[index]
    assert "star_parts" not in figures(vague)
    assert figures(analyse_answer(text=NO_END, question=QUESTION).as_dict())["star_parts"] == 3.0
    # Counted as a plan, its action is found: the result it can't tell about is not asked.
    assert figures(vague, "plan")["plan_parts"] == 1.0
    unsure_action = dict(vague)
    unsure_action["star"] = vague["star"] | {  # type: ignore[operator]
        "action": {"present": None, "evidence": [], "unsure": "I would do it again."}
    }
    assert "plan_parts" not in figures(unsure_action, "plan")


def test_answers_left_off_for_a_part_unknown_are_said_with_why() -> None:
    """The STAR line dropped an answer with a part the reader can't tell about (`unsure`) or a
    part not heard without a word, while it said how many answers to questions asking for
    neither it left out: its line now says how many it left off, and why."""
    whole = {"situation": True, "task": True, "action": True, "result": True}
    cannot_tell = stored(whole | {"result": None}, "story")
    cannot_tell["star"]["result"]["unsure"] = "Looking back it was the right call."
    not_heard = stored(whole | {"task": None}, "story")
    unreadable = stored(dict.fromkeys(whole), "story") | {"cannot_tell": "3 words is too little"}
    answers = [
        (MONDAY, stored(whole, "story"), "story"),
        (MONDAY, cannot_tell, "story"),
        (MONDAY + dt.timedelta(days=1), cannot_tell, None),
        (MONDAY + dt.timedelta(days=1), not_heard, "story"),
        (MONDAY + dt.timedelta(days=2), unreadable, "story"),
        (MONDAY + dt.timedelta(days=2), stored(whole, None), "neither"),
    ]
    star = {t.metric: t for t in weekly(answers)}["star_parts"]
    assert star.points == ((MONDAY, 4.0),)
    assert (star.left_out, star.unsure, star.not_heard, star.unread) == (1, 2, 1, 1)
    assert star.left_out_words == (
        "1 answer to a question asking for neither a story nor a plan; "
        "2 answers, as prepcoach can't tell whether they have every part; "
        "1 answer, as part of its speech was not heard; "
        "1 answer prepcoach could not read"
    )
    # One alone, in the singular; a part not heard outweighs one it can't tell about.
    both = stored(whole | {"task": None, "result": None}, "story")
    both["star"]["result"]["unsure"] = "Looking back it was the right call."
    alone = weekly([(MONDAY, stored(whole, None)), (MONDAY, cannot_tell), (MONDAY, both)])
    assert {t.metric: t for t in alone}["star_parts"].left_out_words == (
        "1 answer, as prepcoach can't tell whether it has every part; "
        "1 answer, as part of its speech was not heard"
    )


def test_a_plan_left_off_its_line_is_said_on_that_line() -> None:
    """A plan whose action the reader can't tell about is left off the plans' line, which says
    so; the parts a plan is not judged on leave it on, and the STAR line says nothing of it."""
    unsure_action = stored(ACTION_ONLY | {"action": None}, "would_do")
    unsure_action["star"]["action"]["unsure"] = "I would see how it goes."
    answers = [
        (MONDAY, stored(ACTION_ONLY, "would_do"), "plan"),
        (MONDAY, unsure_action, "plan"),
        (MONDAY, stored(ACTION_ONLY | {"result": None}, "would_do"), "plan"),
        (MONDAY, stored(ACTION_ONLY | {"task": True}, "story"), "story"),
    ]
    trends = {t.metric: t for t in weekly(answers)}
    assert trends["plan_parts"].points == ((MONDAY, 1.0),)  # the result is no plan's part
    assert trends["plan_parts"].left_out_words == (
        "1 answer, as prepcoach can't tell whether it says what you would do"
    )
    assert trends["star_parts"].left_out_words == ""
