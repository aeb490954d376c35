"""Only a real follow-up (`AnswerFacts.follow_up`, the attempt's `follow_up_to` link) is judged
as one: a first question worded as a follow-up ("What was the outcome?", "What changed, in
numbers?") is measured as any answer is by calibration, its goal (`meets`), the "went badly"
goal and readiness, where its words alone had left it without a figure
(`follow_up_answer.measured_answer`).

Analyses here are stored dicts, as the pages read them: no model is needed."""

from __future__ import annotations

import datetime as dt

from prepcoach.coach.answer import measured_rating
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import measured_answer
from prepcoach.coach.improvement import improvement_areas, meets
from prepcoach.coach.improvement_sources import answered_well, calibrated, reworked
from prepcoach.coach.readiness import AnswerFacts as ReadyAnswer
from prepcoach.coach.readiness import practice_of
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, OUTCOME, stored

TODAY = dt.date(2026, 12, 9)  # a Wednesday
MONDAY = dt.date(2026, 12, 7)


def keys(answers: list[AnswerFacts]) -> set[str]:
    return {area.key for area in improvement_areas(answers, [], TODAY)}


def follow_up(
    ref: int, question: str, analysis: dict[str, object], rating: int | None = None
) -> AnswerFacts:
    return AnswerFacts(ref, TODAY, question, analysis, rating, follow_up=True)


def test_a_first_question_worded_as_a_follow_up_is_measured() -> None:
    """ "What changed, in numbers?" asked first is no follow-up: it has the figure its report
    gives, and calibration, the "went badly" goal and readiness use it."""
    figure = measured_rating(NUMBERS, "story")
    assert figure is not None
    assert measured_answer(IN_NUMBERS, NUMBERS, "story") == figure
    assert measured_answer(IN_NUMBERS, NUMBERS, "story", follow_up=True) is None
    assert calibrated(NUMBERS, 5, IN_NUMBERS) is False
    assert calibrated(NUMBERS, 5, IN_NUMBERS, follow_up=True) is None
    assert meets("calibration", NUMBERS, IN_NUMBERS, 5) is False
    assert meets("calibration", NUMBERS, IN_NUMBERS, 5, follow_up=True) is None
    kind = [AnswerFacts(i, TODAY, OUTCOME, NUMBERS, rating=5) for i in (1, 2)]
    assert "calibration" in keys(kind)
    assert "calibration" not in keys([follow_up(i, OUTCOME, NUMBERS, rating=5) for i in (1, 2)])
    whole = stored("situation", "task", "action", "result", number=True)
    assert answered_well(OUTCOME, whole)
    assert not answered_well(OUTCOME, whole, follow_up=True)
    assert reworked([OUTCOME], [AnswerFacts(1, TODAY, OUTCOME, whole)]) == (OUTCOME,)
    assert reworked([OUTCOME], [follow_up(1, OUTCOME, whole)]) == ()
    trend = practice_of([IN_NUMBERS], [ReadyAnswer(1, TODAY, IN_NUMBERS, NUMBERS)])
    assert trend.points == ((MONDAY, float(figure)),)
    followed = practice_of([IN_NUMBERS], [ReadyAnswer(1, TODAY, IN_NUMBERS, NUMBERS, True)])
    assert followed.points == ()
