"""The improvement areas read a story told over a first answer and the answers to its
follow-ups as one (`improvement.Stories`, `follow_up_answer.told_over`), as the follow-up's
report reads it (`FollowUpAnswer.story`): one rule, not two. A new user's trial: an answer with
no result stayed in "Say the result · The evidence (2)" though its follow-up, "What was the
outcome?", gave the result and that report counted "✓ result". And the headline's count and the
trend's are said over which answers each counts (`Area.trend_judged`): "6 of the last 10
answers it could judge" stood beside "6 of the 11 answers it judged this week".

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import judge_follow_up
from prepcoach.coach.followups import RULES
from prepcoach.coach.improvement import RECENT, improvement_areas
from tests.coach.test_follow_up_measured import IN_NUMBERS, OUTCOME, PROCESS, stored

TODAY = dt.date(2026, 12, 9)  # a Wednesday
YOURSELF = dict(RULES)["no personal action"]
NO_RESULT = stored("situation", "action")
RESULT = stored("result", number=True)  # "…fell by roughly two-thirds over the next quarter"


def pair(ref: int, first: dict[str, Any], question: str, then: dict[str, Any]) -> list[AnswerFacts]:  # fmt: skip
    """A first answer and the answer to its follow-up, linked as the attempts are."""
    when = TODAY - dt.timedelta(days=ref)
    return [AnswerFacts(ref, when, PROCESS, first),
            AnswerFacts(ref + 1, when, question, then, follow_up=True, follows=ref)]  # fmt: skip


def areas(answers: list[AnswerFacts]) -> dict[str, Any]:
    return {a.key: a for a in improvement_areas(answers, [], TODAY)}


def test_a_result_given_in_the_follow_up_counts_for_the_story() -> None:
    answers = pair(10, NO_RESULT, OUTCOME, RESULT) + pair(20, NO_RESULT, OUTCOME, RESULT)
    # The follow-up's report reads the result over both answers.
    judged = judge_follow_up(OUTCOME, RESULT, NO_RESULT)
    assert judged.story is not None
    assert judged.story["result"]["present"] is True
    found = areas(answers)
    assert "star_result" not in found
    assert "quantified" not in found
    # The task is missing from both stories, and said once for each story, at its first answer.
    task = found["star_task"]
    assert (task.affected, task.considered) == (2, 2)
    assert {e.ref for e in task.evidence} == {10, 20}
    assert task.not_judged == (
        "2 answers to follow-ups, read as one story with the answers they follow up",
    )
    # The same from the answers' evidence, as the pages read them.
    kept = [AnswerFacts(a.ref, a.when, a.question, answer_evidence(a.analysis), a.rating,
                        a.follow_up, a.follows) for a in answers]  # fmt: skip
    assert set(areas(kept)) == set(found)


def test_a_result_not_given_in_the_follow_up_either_is_evidence_once() -> None:
    nothing = stored("action")
    answers = pair(10, NO_RESULT, OUTCOME, nothing) + pair(20, NO_RESULT, OUTCOME, nothing)
    result = areas(answers)["star_result"]
    assert (result.affected, result.considered) == (2, 2)
    assert [e.ref for e in result.evidence] == [10, 20]
    assert result.evidence[0].detail == "no result found (over this answer and its follow-up)"


def test_a_number_given_when_asked_counts_for_the_story() -> None:
    no_number = stored("situation", "task", "action", "result")
    answers = pair(10, no_number, IN_NUMBERS, RESULT) + pair(20, no_number, IN_NUMBERS, RESULT)
    assert "quantified" not in areas(answers)
    # Without the follow-ups the two stories lack a number.
    assert "quantified" in areas([a for a in answers if not a.follow_up])


def test_what_you_did_yourself_given_when_asked_counts_for_the_story() -> None:
    team = {"i": 0, "we": 3, "i_actions": 0, "we_actions": 3}
    first = stored("situation", "task", "action", "result") | {
        "ownership": team, "transcript": " ".join(["We worked."] * 15)}  # fmt: skip
    mine = stored("action") | {"ownership": {"i": 2, "we": 0, "i_actions": 2, "we_actions": 0}}
    firsts = pair(10, first, YOURSELF, mine) + pair(20, first, YOURSELF, mine)
    assert "personal_action" in areas([a for a in firsts if not a.follow_up])
    assert "personal_action" not in areas(firsts)


def test_a_follow_up_whose_first_answer_is_gone_is_judged_on_what_it_asked() -> None:
    """Its link gone (the first answer deleted) or leading out of the answers read, it counts
    for the part it asked for alone, as before."""
    nothing = stored("action")
    gone = [AnswerFacts(i, TODAY, OUTCOME, nothing, follow_up=True, follows=99) for i in (1, 2)]
    result = areas(gone)["star_result"]
    assert [e.detail for e in result.evidence] == ["asked for how it ended: not given"] * 2
    assert "star_situation" not in areas(gone)


def test_the_trend_says_it_counts_more_answers_than_the_headline() -> None:
    """Eleven answers this week with no result, six of them among the last ten: the headline
    counts the last ten, the trend all eleven, and the area says how many its trend counts."""
    answers = [
        AnswerFacts(i, TODAY, PROCESS, NO_RESULT if i < 6 else stored("situation", "result"))
        for i in range(11)
    ]
    result = areas(answers)["star_result"]
    assert (result.affected, result.considered) == (6, RECENT)
    assert [(w.held, w.judged) for w in result.trend] == [(6, 11)]
    assert result.trend_judged == 11
    assert result.trend_wider
    few = areas(answers[:8])["star_result"]
    assert (few.considered, few.trend_judged, few.trend_wider) == (8, 8, False)
