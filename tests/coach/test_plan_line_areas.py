"""A plan's reasons and its check as improvement areas, from people alone
(`improvement_sources.plan_line_areas`, `plan_line_met`): prepcoach reads neither in an answer's
words, so only reviews that score a plan's "reasons" or "check" line 0 of 2 make the area, and
a goal made from it counts later reviews that score the line 1 or 2 of 2.

Personas: Alice answers questions asking what she would do; Sam, Ana and Jo review her plans."""

from __future__ import annotations

import datetime as dt

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.improvement import (
    ANSWER_KEYS,
    AREA_KEYS,
    REVIEW_KEYS,
    AnswerFacts,
    ReviewFacts,
    improvement_areas,
    meets,
)
from prepcoach.coach.improvement_sources import plan_line_goal, plan_line_met
from tests.relevance_samples import PLAN, PLAN_QUESTION

TODAY = dt.date(2026, 11, 30)
PLAN_KEYS = {"plan_reasons", "plan_check"}
# Alice's plans in words a cue list would read either way: "because", "check each week" and
# "if … still slipped" in the first; neither a reason nor a check in the second.
VAGUE = "I would sort it out. I would talk to people and fix it."


def review(ref: str, reviewer: str, days_ago: int = 0, **scores: int) -> ReviewFacts:
    return ReviewFacts(ref, TODAY - dt.timedelta(days=days_ago), reviewer, scores)


def keys(*reviews: ReviewFacts, answers: tuple[AnswerFacts, ...] = ()) -> set[str]:
    return {a.key for a in improvement_areas(answers, reviews, TODAY)}


def test_two_low_reviews_of_plans_make_the_area_and_one_does_not() -> None:
    sam = review("/improve/attempts/1/feedback/", "Sam", 1, steps=2, reasons=0, check=1)
    ana = review("/improve/attempts/2/feedback/", "Ana", 0, steps=1, reasons=0, check=0)
    assert keys(sam) & PLAN_KEYS == set()  # one slip is not a pattern
    assert keys(ana) & PLAN_KEYS == set()
    areas = {a.key: a for a in improvement_areas([], [sam, ana], TODAY)}
    assert "plan_check" not in areas  # Sam scored the check 1: one low review
    reasons = areas["plan_reasons"]
    assert reasons.title == "Say why you would do it"
    assert (
        reasons.rule
        == "2 reviews scored the reasons your plans give 0 of 2, of the 2 that scored them"
    )
    assert (reasons.affected, reasons.considered, reasons.reviewers) == (2, 2, 2)
    assert [(e.source, e.ref, e.label, e.detail) for e in reasons.evidence] == [
        ("review", "/improve/attempts/2/feedback/", "Ana", "scored reasons 0 of 2"),
        ("review", "/improve/attempts/1/feedback/", "Sam", "scored reasons 0 of 2"),
    ]
    assert reasons.trend == ()  # a share of reviews, which every face would word as answers'
    assert reasons.measured
    assert reasons.moves_with == "your reviews"
    assert (
        reasons.goal
        == "Get 2 reviews that score the reasons your plans give 1 or 2 of 2 by 14 December 2026"
    )
    assert "prepcoach does not read whether a plan gives reasons for its steps" in reasons.how
    assert "“Says why: what they would weigh, and the risks they see”" in reasons.how
    # Reviews that scored the line well count among those that scored it, not against it.
    jo = review("/improve/attempts/3/feedback/", "Jo", 0, reasons=2, check=0)
    check = {a.key: a for a in improvement_areas([], [sam, ana, jo], TODAY)}["plan_check"]
    assert check.title == "Say how you would know it worked"
    assert check.rule == (
        "2 reviews scored how your plans say you would know they worked 0 of 2, of the 3 that "
        "scored it"
    )
    assert [e.label for e in check.evidence] == ["Ana", "Jo"]


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_answer_alone_never_makes_it_whatever_its_words() -> None:
    answers = tuple(
        AnswerFacts(i, TODAY - dt.timedelta(days=i), PLAN_QUESTION,
                    analyse_answer(text=text, question=PLAN_QUESTION).as_dict())
        for i, text in enumerate((VAGUE, VAGUE, VAGUE, PLAN, PLAN))
    )  # fmt: skip
    assert "plan" not in answers[0].analysis  # nothing of the kind is read or stored
    assert keys(answers=answers) & PLAN_KEYS == set()
    # Nor do Alice's vague plans make one low review into a pattern.
    sam = review("/r/1/", "Sam", reasons=0, check=0)
    assert keys(sam, answers=answers) & PLAN_KEYS == set()
    # No answer meets or misses it: its goal counts reviews, never answers.
    assert not PLAN_KEYS & ANSWER_KEYS
    assert PLAN_KEYS == REVIEW_KEYS <= AREA_KEYS
    with pytest.raises(KeyError):
        meets("plan_reasons", answers[0].analysis, PLAN_QUESTION)


def test_the_goal_counts_reviews_that_score_the_line_1_or_2() -> None:
    assert plan_line_met({"steps": 2, "reasons": 1, "check": 0}, "plan_reasons") is True
    assert plan_line_met({"reasons": 2}, "plan_reasons") is True
    assert plan_line_met({"steps": 2, "reasons": 1, "check": 0}, "plan_check") is False
    assert plan_line_met({"situation": 2, "result": 2}, "plan_check") is None  # a story's review
    assert plan_line_met({}, "plan_reasons") is None  # a line left blank
    assert plan_line_met(None, "plan_reasons") is None
    with pytest.raises(KeyError):
        plan_line_met({"reasons": 2}, "quantified")
    assert plan_line_goal("plan_check", 1, "14 December 2026") == (
        "Get 1 review that scores how your plans say you would know they worked 1 or 2 of 2 by "
        "14 December 2026"
    )


def test_a_reached_goal_closes_it_until_two_later_reviews_score_it_low() -> None:
    before = [review("/r/1/", "Sam", 6, reasons=0), review("/r/2/", "Ana", 5, reasons=0)]
    closed = {"plan_reasons": TODAY - dt.timedelta(days=4)}
    assert improvement_areas([], before, TODAY, closed) == ()
    again = [*before, review("/r/3/", "Jo", 2, reasons=0)]
    assert improvement_areas([], again, TODAY, closed) == ()
    again.append(review("/r/4/", "Sam", 1, reasons=0))
    (area,) = improvement_areas([], again, TODAY, closed)
    assert [e.ref for e in area.evidence] == ["/r/4/", "/r/3/"]


def test_only_the_newest_reviews_that_scored_the_line_are_judged() -> None:
    """Two low reviews long ago, ten good ones since: the pattern is gone."""
    old = [review(f"/r/{i}/", "Sam", 40 + i, reasons=0) for i in range(2)]
    good = [review(f"/r/good{i}/", "Ana", i, reasons=2) for i in range(10)]
    assert "plan_reasons" in keys(*old, *good[:8])
    assert "plan_reasons" not in keys(*old, *good)
