"""Improvement areas from debriefs, drill lapses and self-rating calibration."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.improvement import (
    AnswerFacts,
    AskedFacts,
    DebriefFacts,
    LapseFacts,
    ReviewFacts,
    improvement_areas,
    meets,
)
from prepcoach.coach.improvement_sources import (
    LAPSE_WINDOW,
    calibrated,
    competency_met,
    debrief_cues,
    lapse_goal,
    plan_line_goal,
    recalled_cards,
    reworked,
    reworked_goal,
)
from prepcoach.coach.smart import Verdict, check_goal

TODAY = dt.date(2026, 11, 30)
STORY = "Tell me about a time you fixed a backlog."
UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "In the end the queue got much shorter and customers were happier."
)


def timed(ref: int, per_min: float, day: int = 0) -> AnswerFacts:
    analysis = {
        "wpm": 140.0,
        "fillers": {"count": 4, "per_min": per_min, "items": [{"text": "um", "start": 12.0}]},
        "thresholds": {"pace": [130, 160], "fillers_per_min_high": 2.0, "long_pause_s": 3.0},
    }  # fmt: skip
    return AnswerFacts(ref, TODAY - dt.timedelta(days=day), f"Question {ref}", analysis)


def debrief(ref: str, day: int = 1, **kw: Any) -> DebriefFacts:
    return DebriefFacts(ref, TODAY - dt.timedelta(days=day), f"Phone screen {ref}", **kw)


def test_a_debrief_that_names_a_pattern_counts_like_a_reviewer_and_is_quoted() -> None:
    answers = [timed(1, 5.0, 2), timed(2, 1.0, 1), timed(3, 1.0)]
    said = debrief("/interviews/7/debrief/", went_badly="Good rapport. I said um far too often.")
    assert "fillers" not in {a.key for a in improvement_areas(answers, [], TODAY)}
    (area,) = [a for a in improvement_areas(answers, [], TODAY, debriefs=[said])
               if a.key == "fillers"]  # fmt: skip
    assert area.debriefs == 1
    assert "in 1 of the 3 answers it could judge; your debrief says so too" in area.rule
    (quoted,) = [e for e in area.evidence if e.source == "debrief"]
    assert quoted.ref == "/interviews/7/debrief/"
    assert quoted.detail == "your debrief: “I said um far too often.”"


def test_a_debrief_alone_raises_no_measured_area() -> None:
    said = debrief("d", went_badly="I rushed and gave no numbers.")
    assert improvement_areas([], [], TODAY, debriefs=[said]) == ()


def test_notes_on_an_answer_that_went_badly_are_read_but_not_one_that_went_well() -> None:
    badly = debrief("a", asked=[AskedFacts("Why us?", "badly", "No numbers at all.")])
    well = debrief("b", asked=[AskedFacts("Why us?", "well", "The numbers landed.")])
    assert [e.ref for e in debrief_cues([badly, well])["quantified"]] == ["a"]


def test_a_competency_rated_low_is_an_area_with_its_debriefs() -> None:
    low = debrief("x", 3, ratings={"teamwork": 2, "communication": 4})
    fine = debrief("y", 1, ratings={"teamwork": 4})
    (area,) = improvement_areas([], [], TODAY, debriefs=[low, fine])
    assert area.key == "competency_teamwork"
    assert area.measured
    assert area.goal.startswith("Rate your teamwork 3 of 5 or better in 2 interview debriefs by")
    assert (area.affected, area.considered) == (1, 2)
    assert area.rule == (
        "you rated your teamwork 2 of 5 or lower after a real interview: in 1 of your last 2 "
        "debriefs"
    )
    assert [(e.ref, e.detail) for e in area.evidence] == [("x", "you rated it 2 of 5")]


def test_questions_that_went_badly_are_an_area_quoting_them() -> None:
    said = debrief("d", asked=[AskedFacts("Why data?", "badly", "I froze."),
                               AskedFacts("Tell me about you.", "well")])  # fmt: skip
    areas = {a.key: a for a in improvement_areas([], [], TODAY, debriefs=[said])}
    area = areas["asked_badly"]
    assert "1 of the 2 questions in your debriefs" in area.rule
    assert area.evidence[0].detail == "“Why data?” went badly: I froze."
    assert area.goal.startswith(
        "Record 1 practice answer measured 3 of 5 or better to the questions that went badly"
    )
    assert area.measured


def test_a_competency_goal_counts_debriefs_that_rate_it_3_or_better() -> None:
    assert competency_met({"teamwork": 3}, "teamwork") is True
    assert competency_met({"teamwork": 5, "technical": 1}, "teamwork") is True
    assert competency_met({"teamwork": 2}, "teamwork") is False
    assert competency_met({"technical": 4}, "teamwork") is None  # not rated: not judged
    assert competency_met(None, "teamwork") is None
    assert competency_met({"teamwork": "3"}, "teamwork") is None


@pytest.mark.usefixtures("sentence_model")
def test_a_went_badly_goal_counts_each_question_answered_well_once() -> None:
    analysis = analyse_answer(text=UNQUANTIFIED, question=STORY).as_dict()
    figure = measured_rating(analysis)
    assert figure is not None
    assert figure >= 3
    parts = ("situation", "task", "action", "result", "quantified_result")
    weak: dict[str, object] = {"star": {p: {"present": False} for p in parts}}
    assert (measured_rating(weak) or 0) < 3
    answers = [
        AnswerFacts(1, TODAY, "tell me about a time you fixed a backlog", analysis),
        AnswerFacts(2, TODAY, STORY, analysis),  # the same question again: counted once
        AnswerFacts(3, TODAY, "Why data?", weak),  # answered, measured under 3
        AnswerFacts(4, TODAY, "Why us?", analysis),  # never went badly
    ]
    assert reworked([STORY, "Why data?"], answers) == (STORY,)
    assert reworked(["Why data?"], answers) == ()


def test_a_goal_reached_closes_a_debrief_area_until_a_later_debrief() -> None:
    old = debrief("x", 6, ratings={"teamwork": 1})
    closed = {"competency_teamwork": TODAY - dt.timedelta(days=4)}
    assert improvement_areas([], [], TODAY, closed, debriefs=[old]) == ()
    new = debrief("z", 1, ratings={"teamwork": 2})
    (area,) = improvement_areas([], [], TODAY, closed, debriefs=[old, new])
    assert [e.ref for e in area.evidence] == ["z"]


def reviews(*grades: str, day: int = 1) -> list[tuple[dt.date, str]]:
    return [(TODAY - dt.timedelta(days=day), g) for g in grades]


def test_a_card_marked_again_twice_in_its_last_reviews_is_forgotten() -> None:
    lost = LapseFacts("/grow/stories/3/", "The migration story", reviews("again", "good", "again"))
    once = LapseFacts("/improve/questions/4/", "Why us?", reviews("again", "good", "good"))
    long_ago = LapseFacts(
        "/improve/questions/5/", "Old", reviews(*["good"] * LAPSE_WINDOW, "again", "again")
    )
    (area,) = improvement_areas([], [], TODAY, lapses=[lost, once, long_ago])
    assert area.key == "drill_lapses"
    assert (area.affected, area.considered) == (1, 3)
    assert [(e.ref, e.detail) for e in area.evidence] == [
        ("/grow/stories/3/", "marked Again 2 times in its last 3 reviews")
    ]
    assert area.goal.startswith("Recall 1 card you keep forgetting (each graded Good or Easy")
    assert area.measured


def test_a_drill_goal_counts_cards_forgotten_when_it_began_and_recalled_since() -> None:
    began = TODAY - dt.timedelta(days=2)

    def card(ref: str, *days_grades: tuple[int, str]) -> LapseFacts:
        rows = [(TODAY - dt.timedelta(days=d), g) for d, g in days_grades]
        return LapseFacts(ref, ref, sorted(rows, reverse=True))

    recalled = card("recalled", (5, "again"), (4, "again"), (1, "again"), (0, "good"))
    still_lost = card("still lost", (5, "again"), (4, "again"), (1, "again"), (0, "hard"))
    never_lost = card("never lost", (5, "again"), (4, "good"), (0, "easy"))
    lost_later = card("lost later", (1, "again"), (1, "again"), (0, "good"))
    assert [c.ref for c in recalled_cards(
        [recalled, still_lost, never_lost, lost_later], began)] == ["recalled"]  # fmt: skip
    assert recalled_cards([recalled], TODAY + dt.timedelta(days=1)) == ()  # nothing since


@pytest.mark.usefixtures("sentence_model")
def test_rating_yourself_far_below_the_measures_is_calibration() -> None:
    analysis = analyse_answer(text=UNQUANTIFIED, question=STORY).as_dict()
    figure = measured_rating(analysis)
    assert figure is not None
    assert figure >= 3
    answers = [AnswerFacts(i, TODAY, STORY, analysis, rating=1) for i in (1, 2)]
    (area,) = [a for a in improvement_areas(answers, [], TODAY) if a.key == "calibration"]
    assert f"more harshly than prepcoach measures them: {figure - 1:.1f} points" in area.rule
    assert {e.ref for e in area.evidence} == {1, 2}
    assert area.evidence[0].detail == f"you gave 1 of 5, the measures gave {figure} of 5"
    assert area.measured
    assert area.goal.startswith("Rate yourself within 1 point of prepcoach's measure in 5 rated")
    honest = [AnswerFacts(i, TODAY, STORY, analysis, rating=figure) for i in (1, 2)]
    assert "calibration" not in {a.key for a in improvement_areas(honest, [], TODAY)}


@pytest.mark.usefixtures("sentence_model")
def test_a_calibration_goal_counts_answers_rated_within_a_point_of_the_measure() -> None:
    analysis = analyse_answer(text=UNQUANTIFIED, question=STORY).as_dict()
    figure = measured_rating(analysis)
    assert figure is not None
    near = figure - 1 if figure > 1 else figure + 1
    far = figure - 2 if figure > 2 else figure + 2
    assert calibrated(analysis, figure, STORY) is True
    assert calibrated(analysis, near, STORY) is True
    assert calibrated(analysis, far, STORY) is False
    assert calibrated(analysis, None, STORY) is None  # not rated: not judged
    assert calibrated({}, 3, STORY) is None  # nothing measured: not judged
    assert meets("calibration", analysis, STORY, near) is True
    assert meets("calibration", analysis, STORY, far) is False
    assert meets("calibration", analysis, STORY) is None


@pytest.mark.usefixtures("sentence_model")
def test_a_reached_calibration_goal_closes_the_area_until_the_gap_comes_back() -> None:
    analysis = analyse_answer(text=UNQUANTIFIED, question=STORY).as_dict()
    old = [AnswerFacts(i, TODAY - dt.timedelta(days=5), STORY, analysis, rating=1)
           for i in (1, 2)]  # fmt: skip
    closed = {"calibration": TODAY - dt.timedelta(days=3)}
    assert "calibration" not in {a.key for a in improvement_areas(old, [], TODAY, closed)}
    later = [AnswerFacts(i, TODAY, STORY, analysis, rating=1) for i in (3, 4)]
    (area,) = [a for a in improvement_areas(old + later, [], TODAY, closed)
               if a.key == "calibration"]  # fmt: skip
    assert {e.ref for e in area.evidence} == {3, 4}


def test_calibration_names_both_gaps_when_both_are_large() -> None:
    people = [ReviewFacts(r, TODAY, "Sam", {}, overall=1, own_rating=4) for r in ("a", "b")]
    star = {p: {"present": False} for p in ("situation", "task", "action", "result")}
    analysis = {"star": {**star, "quantified_result": {"present": False}}}
    answers = [AnswerFacts(i, TODAY, STORY, analysis, rating=4) for i in (1, 2)]
    (area,) = [a for a in improvement_areas(answers, people, TODAY) if a.key == "calibration"]
    assert area.rule == (
        "you rate your answers more kindly than prepcoach measures them: 3.0 points of 5 "
        "apart on average over 2 answers; and you rate your answers more kindly than your "
        "reviewers: 3.0 points of 5 apart on average over 2 reviews"
    )
    assert sorted(e.source for e in area.evidence) == ["answer", "answer", "review", "review"]


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "area_goal",
    [
        "Rate your teamwork 3 of 5 or better in 2 interview debriefs by 14 December 2026",
        "Rate your problem solving 3 of 5 or better in 2 interview debriefs by 14 December 2026",
        reworked_goal(2, "14 December 2026"),
        reworked_goal(1, "14 December 2026"),
        "Drill 3 forgotten cards until each is graded Good or Easy by 14 December 2026",
        "Drill 1 forgotten card until it is graded Good or Easy by 14 December 2026",
        lapse_goal(3, "14 December 2026"),
        lapse_goal(1, "14 December 2026"),
        "Rate yourself within 1 point of prepcoach's measure in 5 rated answers by "
        "14 December 2026",
        plan_line_goal("plan_reasons", 2, "14 December 2026"),
        plan_line_goal("plan_check", 2, "14 December 2026"),
        plan_line_goal("plan_check", 1, "14 December 2026"),
        "Say what you did or would do yourself, with “I”, in 5 practice answers by "
        "14 December 2026",
    ],
)
def test_every_new_areas_goal_passes_the_smart_check(area_goal: str) -> None:
    check = check_goal(area_goal, TODAY)
    assert check.specific.verdict is Verdict.MET, check.specific.reason
    assert check.measurable.verdict is Verdict.MET, check.measurable.reason
    assert check.time_bound.verdict is Verdict.MET, check.time_bound.reason


GRADES = st.sampled_from(["again", "hard", "good", "easy"])


@settings(max_examples=80, deadline=None)
@given(
    cards=st.lists(st.lists(st.tuples(st.integers(0, 40), GRADES), max_size=12), max_size=8),
    ratings=st.lists(
        st.dictionaries(st.sampled_from(["teamwork", "technical", "bogus"]), st.integers(1, 5)),
        max_size=6,
    ),
    text=st.text(max_size=200),
)
def test_any_debriefs_and_cards_give_ranked_areas_resting_on_evidence(
    cards: list[list[tuple[int, str]]], ratings: list[dict[str, int]], text: str
) -> None:
    lapses = [
        LapseFacts(f"/c/{i}/", f"card {i}",
                   sorted(((TODAY - dt.timedelta(days=d), g) for d, g in rows), reverse=True))
        for i, rows in enumerate(cards)
    ]  # fmt: skip
    debriefs = [debrief(f"/d/{i}/", i, ratings=r, went_badly=text) for i, r in enumerate(ratings)]
    areas = improvement_areas([], [], TODAY, debriefs=debriefs, lapses=lapses)
    assert [a.weight for a in areas] == sorted((a.weight for a in areas), reverse=True)
    for area in areas:
        assert 1 <= area.affected <= area.considered
        assert len(area.evidence) == area.affected
        assert area.measured  # every area's goal moves by itself


def test_a_debrief_of_an_interview_still_ahead_is_not_evidence() -> None:
    ahead = debrief("ahead", -3, ratings={"teamwork": 1}, went_badly="I said um far too often.")
    answers = [timed(1, 5.0, 2), timed(2, 1.0, 1), timed(3, 1.0)]
    assert improvement_areas([], [], TODAY, debriefs=[ahead]) == ()
    assert "fillers" not in {a.key for a in improvement_areas(answers, [], TODAY, debriefs=[ahead])}
    held = debrief("held", 0, ratings={"teamwork": 1})
    assert [a.key for a in improvement_areas([], [], TODAY, debriefs=[ahead, held])] == [
        "competency_teamwork"
    ]
