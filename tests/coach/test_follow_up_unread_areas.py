"""A follow-up whose answer cannot be read ("Not sure.", "Patience.", a Spanish reply: every
STAR part not heard) adds nothing to the story the improvement areas read over a first answer
and its follow-ups (`follow_up_answer.told_over`): the first answer's own verdict stands. A
reviewer's four stories with no result, each followed by "What was the outcome?" answered "Not
sure.", gave no "Say the result" area (4 of 4 with no follow-ups): the follow-up's "not heard"
had turned each first answer's "missing" into "can't tell".

The follow-up's own report (`judge_follow_up`'s `story`, `together`) is unchanged: there the
part the follow-up asked for stays "can't tell", as its "Asked for" line says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import judge_follow_up, told_over
from prepcoach.coach.followups import FIXED
from prepcoach.coach.improvement import improvement_areas
from tests.coach.test_follow_up_measured import OUTCOME, PROCESS, stored

TODAY = dt.date(2026, 12, 9)
NO_RESULT = stored("situation", "task", "action")
PARTS = ("situation", "task", "action", "result", "quantified_result")
# As `analyse_answer` stores "Not sure.": too short to read, every part not heard.
UNREAD = {"transcript": "Not sure.", "cannot_tell": "2 words are too few to judge",
          "star": {p: {"present": None, "evidence": []} for p in PARTS},
          "relevance": {"question_asks": "story"}}  # fmt: skip


def stories(question: str, then: dict[str, Any], evidence: bool = False) -> list[AnswerFacts]:
    """Four stories with no result, each followed up by `question` answered `then`."""
    out = []
    for k in range(4):
        ref, when = 10 * (k + 1), TODAY - dt.timedelta(days=k)
        first, follow = (answer_evidence(NO_RESULT), answer_evidence(then)) if evidence else (NO_RESULT, then)  # fmt: skip
        out.append(AnswerFacts(ref, when, PROCESS, first))
        out.append(AnswerFacts(ref + 1, when, question, follow, follow_up=True, follows=ref))
    return out


def say_the_result(answers: list[AnswerFacts]) -> tuple[int, int] | None:
    found = {a.key: a for a in improvement_areas(answers, [], TODAY)}
    area = found.get("star_result")
    return None if area is None else (area.affected, area.considered)


@pytest.mark.parametrize("evidence", [False, True])
@pytest.mark.parametrize("question", [OUTCOME, FIXED[1]])
def test_four_stories_with_no_result_and_unreadable_replies_still_say_the_result(
    question: str, evidence: bool
) -> None:
    assert say_the_result(stories(question, {}, evidence)[::2]) == (4, 4)  # no follow-ups
    assert say_the_result(stories(question, UNREAD, evidence)) == (4, 4)


@pytest.mark.parametrize(
    "reply",
    [
        "Not sure.",
        "Patience.",
        "To delegate earlier.",
        "Aprendí a delegar antes y a pedir ayuda.",
    ],
)
def test_a_real_unreadable_reply_adds_nothing_to_the_story(reply: str) -> None:
    then = analyse_answer(text=reply, question=OUTCOME, follow_up=True).as_dict()
    for analysis in (then, answer_evidence(then)):
        told = told_over(NO_RESULT, [analysis])
        assert {k: v["present"] for k, v in told["star"].items()} == {
            "situation": True, "task": True, "action": True, "result": False,
            "quantified_result": False,
        }  # fmt: skip
    assert say_the_result(stories(OUTCOME, then)) == (4, 4)


def test_a_part_not_heard_in_a_follow_up_never_overrides_the_first_answers_verdict() -> None:
    first = {"star": {"situation": {"present": True, "evidence": ["A."]},
                      "task": {"present": False, "evidence": []},
                      "result": {"present": None, "evidence": [], "unsure": "B."}}}  # fmt: skip
    then = {"star": {"situation": {"present": None, "evidence": []},
                     "task": {"present": None, "evidence": []},
                     "result": {"present": None, "evidence": []},
                     "action": {"present": True, "evidence": ["C."]}}}  # fmt: skip
    star = told_over(first, [then])["star"]
    assert star["situation"] == {"present": True, "evidence": ["A."]}
    assert star["task"] == {"present": False, "evidence": []}
    assert star["result"] == {"present": None, "evidence": [], "unsure": "B."}
    assert star["action"] == {"present": True, "evidence": ["C."]}  # what it does tell counts
    # A follow-up that does tell: its "can't tell" and its finds still count.
    near = {"star": {"task": {"present": None, "evidence": [], "unsure": "D."}}}
    assert told_over(first, [near])["star"]["task"] == {"present": None, "evidence": [], "unsure": "D."}  # fmt: skip


def test_the_follow_ups_own_report_is_unchanged() -> None:
    judged = judge_follow_up(OUTCOME, UNREAD, NO_RESULT)
    assert judged.given is None
    assert judged.words == "Asked for: how it ended — prepcoach can't tell whether it is given"
    assert judged.story is not None
    assert judged.story["result"] == {"present": None, "evidence": []}
    assert judged.story["situation"]["present"] is True
