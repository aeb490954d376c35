"""Improvement areas: ranked patterns over answers and reviews, each with its evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.improvement import (
    GOAL_ANSWERS,
    RULES,
    AnswerFacts,
    ReviewFacts,
    TrendWeek,
    improvement_areas,
    meets,
)
from prepcoach.coach.smart import Verdict, check_goal
from tests.relevance_samples import WE_BACKLOG_STORY, WE_WARD_STORY

TODAY = dt.date(2026, 11, 30)
UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "In the end the queue got much shorter and customers were happier."
)
QUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)


def typed(ref: int, text: str, day: int = 0, **kw: Any) -> AnswerFacts:
    analysis = analyse_answer(text=text, question="Tell me about a time you fixed a backlog.")
    return AnswerFacts(ref, TODAY - dt.timedelta(days=day), "Tell me about a time…",
                       analysis.as_dict(), **kw)  # fmt: skip


def timed(ref: int, per_min: float, day: int = 0, withheld: tuple[str, ...] = ()) -> AnswerFacts:
    analysis = {
        "wpm": 140.0,
        "fillers": {"count": 4, "per_min": per_min,
                    "items": [{"text": "um", "start": 12.0}, {"text": "like", "start": 40.5}]},
        "thresholds": {"pace": [130, 160], "fillers_per_min_high": 2.0, "long_pause_s": 3.0},
        "withheld": list(withheld),
    }  # fmt: skip
    return AnswerFacts(ref, TODAY - dt.timedelta(days=day), f"Question {ref}", analysis)


@pytest.mark.usefixtures("sentence_model")
def test_two_results_without_a_number_make_an_area_that_quotes_them() -> None:
    areas = improvement_areas(
        [typed(1, UNQUANTIFIED, 3), typed(2, UNQUANTIFIED, 1), typed(3, QUANTIFIED, 0)], [], TODAY
    )
    area = next(a for a in areas if a.key == "quantified")
    assert (area.affected, area.considered) == (2, 3)
    assert "in 2 of the 3 answers it could judge" in area.rule
    assert {e.ref for e in area.evidence} == {1, 2}
    assert all("customers were happier" in e.detail for e in area.evidence)


@pytest.mark.usefixtures("sentence_model")
def test_one_slip_is_not_an_area() -> None:
    areas = improvement_areas([typed(1, UNQUANTIFIED), typed(2, QUANTIFIED, 1)], [], TODAY)
    assert "quantified" not in {a.key for a in areas}


def test_fillers_use_the_users_threshold_and_quote_the_moments() -> None:
    areas = improvement_areas([timed(1, 2.5, 2), timed(2, 3.1, 1), timed(3, 1.0)], [], TODAY)
    (area,) = [a for a in areas if a.key == "fillers"]
    assert area.rule.startswith(
        "more than 2 fillers a minute: in 2 of the 3 answers it could judge"
    )
    assert area.evidence[0].detail == "3.1 fillers a minute: “um” at 0:12, “like” at 0:40"
    assert area.evidence[0].at_s == 12.0
    assert area.goal.startswith(f"Keep fillers under 2 a minute in {GOAL_ANSWERS} recorded answers")


def test_a_figure_withheld_because_speech_was_lost_is_not_judged() -> None:
    answers = [timed(1, 5.0, 1, withheld=("fillers",)), timed(2, 5.0), timed(3, 1.0, 2)]
    assert "fillers" not in {a.key for a in improvement_areas(answers, [], TODAY)}


def test_reviewers_who_agree_rank_an_area_first_and_are_quoted() -> None:
    answers = [timed(1, 2.5, 2), timed(2, 3.0, 1), timed(3, 1.0)]
    review = ReviewFacts("r1", TODAY, "Sam", {"delivery": 0, "action": 2})
    alone = improvement_areas(answers, [], TODAY)[0]
    (first, *_) = improvement_areas(answers, [review], TODAY)
    assert first.key == "fillers"
    assert first.reviewers == 1
    assert first.weight > alone.weight
    assert "1 reviewer agrees" in first.rule
    assert any(e.source == "review" and e.label == "Sam" for e in first.evidence)


def test_rating_yourself_far_above_reviewers_is_an_area() -> None:
    reviews = [
        ReviewFacts("a", TODAY, "Sam", {}, overall=2, own_rating=5),
        ReviewFacts("b", TODAY, "Ana", {}, overall=3, own_rating=5),
    ]
    (area,) = improvement_areas([], reviews, TODAY)
    assert area.key == "calibration"
    # A goal made from it is measured from rated answers, whichever gap raised it.
    assert area.measured
    assert "within 1 point of prepcoach's measure in 5 rated answers" in area.goal
    assert "more kindly than your reviewers: 2.5 points of 5 apart" in area.rule
    assert [e.detail for e in area.evidence] == [
        "you gave 5 of 5, they gave 2 of 5", "you gave 5 of 5, they gave 3 of 5"
    ]  # fmt: skip
    close = [ReviewFacts("c", TODAY, "Sam", {}, overall=4, own_rating=5)] * 2
    assert improvement_areas([], close, TODAY) == ()


def test_the_trend_counts_the_answers_the_rule_judged_each_week_and_held_for() -> None:
    """Counts, not a share: a page said "60 % of this week's answers" of 3 of the 5 answers
    the rule judged, of 11 answered that week."""
    answers = [timed(1, 5.0, 8), timed(2, 1.0, 7), timed(3, 5.0, 1), timed(4, 5.0, 0),
               timed(5, 5.0, 0, withheld=("fillers",))]  # not judged: speech was lost  # fmt: skip
    (area,) = [a for a in improvement_areas(answers, [], TODAY) if a.key == "fillers"]
    # 22 November is a Sunday (the week of the 16th); the 23rd and 29th share a week.
    assert area.trend == (
        TrendWeek(dt.date(2026, 11, 16), 1, 1),
        TrendWeek(dt.date(2026, 11, 23), 1, 2),
        TrendWeek(dt.date(2026, 11, 30), 1, 1),
    )
    assert [week.share for week in area.trend] == [1.0, 0.5, 1.0]


def test_an_area_counts_of_the_answers_it_could_judge() -> None:
    """A mock's summary read "in 2 of your last 2 answers" beside "in 2 of your last 3
    answers": each rule counts the answers it judges, so the words say so."""
    answers = [timed(1, 5.0, 1), timed(2, 5.0, 2), timed(3, 1.0, 3),
               timed(4, 5.0, 0, withheld=("fillers",))]  # fmt: skip
    (area,) = [a for a in improvement_areas(answers, [], TODAY) if a.key == "fillers"]
    assert area.rule == "more than 2 fillers a minute: in 2 of the 3 answers it could judge"
    many = [timed(ref, 5.0 if ref % 2 else 1.0, ref) for ref in range(1, 13)]
    (area,) = [a for a in improvement_areas(many, [], TODAY) if a.key == "fillers"]
    assert area.rule == "more than 2 fillers a minute: in 5 of the last 10 answers it could judge"


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.key)
def test_every_areas_goal_passes_the_smart_check(rule: Any) -> None:
    words = {"fillers": "3", "pace_low": "130", "pace_high": "160", "long_pause": "3",
             "n": str(GOAL_ANSWERS), "deadline": "14 December 2026"}  # fmt: skip
    check = check_goal(rule.goal.format(**words), TODAY)
    assert check.specific.verdict is Verdict.MET, check.specific.reason
    assert check.measurable.verdict is Verdict.MET, check.measurable.reason
    assert check.time_bound.verdict is Verdict.MET, check.time_bound.reason


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 8), st.integers(0, 30), st.booleans()), max_size=15))
def test_areas_are_ranked_and_rest_on_their_evidence(rows: list[tuple[float, int, bool]]) -> None:
    answers = [timed(i, rate, day, ("fillers",) if lost else ()) for i, (rate, day, lost)
               in enumerate(rows)]  # fmt: skip
    areas = improvement_areas(answers, [], TODAY)
    assert [a.weight for a in areas] == sorted((a.weight for a in areas), reverse=True)
    for area in areas:
        assert 2 <= area.affected <= area.considered <= 10
        assert len([e for e in area.evidence if e.source == "answer"]) == area.affected


def test_an_answer_meets_an_area_or_cannot_be_judged() -> None:
    assert meets("fillers", timed(1, 1.0).analysis, "Why us?") is True
    assert meets("fillers", timed(1, 5.0).analysis, "Why us?") is False
    assert meets("fillers", timed(1, 5.0, withheld=("fillers",)).analysis, "Why us?") is None
    with pytest.raises(KeyError):
        meets("charisma", {}, "Why us?")


@pytest.mark.usefixtures("sentence_model")
def test_star_parts_are_judged_only_where_a_story_was_asked_for() -> None:
    # A good motivation answer tells no story: it must not be told to give the situation.
    motivation = "Why do you want to work in healthcare analytics?"
    said = (
        "I want to work in healthcare analytics because good data changes how patients are "
        "cared for. I enjoy turning messy numbers into decisions people can act on."
    )
    answers = [
        AnswerFacts(i, TODAY, motivation, analyse_answer(text=said, question=motivation).as_dict())
        for i in range(3)
    ]
    keys = {a.key for a in improvement_areas(answers, [], TODAY)}
    assert not keys & {"star_situation", "star_task", "star_action", "star_result", "quantified"}
    assert meets("star_result", answers[0].analysis, motivation) is None


@pytest.mark.usefixtures("sentence_model")
def test_the_story_check_judges_only_questions_that_ask_for_none() -> None:
    story_question = "Tell me about a time you fixed a backlog."
    story = analyse_answer(text=QUANTIFIED, question=story_question)
    assert story.relevance is not None
    assert story.relevance.check is None  # a story was asked for: no story check
    skills = "Which skills do you hope to develop?"
    told = analyse_answer(text=QUANTIFIED, question=skills)
    assert told.relevance is not None
    assert told.relevance.addresses is None  # between the verdict's cuts
    assert told.relevance.check is True  # the report still says it tells a story
    # ... but a guess never becomes evidence for an area, and so never a goal.
    assert meets("relevance", told.as_dict(), skills) is None
    short = analyse_answer(text="Yes.", question=skills).as_dict()
    assert meets("relevance", short, skills) is None  # could not be read


def test_relevance_evidence_is_what_the_verdict_says_missed_the_question() -> None:
    """The tester's answers: an on-point "Why should we hire you?" that backs its claim with a
    story, and a holiday told to a question it does not address."""
    hire, lead = "Why should we hire you?", "Tell me about a time you led a team."
    holiday = "We rented a small house near the beach and swam every day."

    def verdict(addresses: bool | None, check: bool | None, gist: str) -> dict[str, Any]:
        return {"relevance": {"addresses": addresses, "probability": 0.8 if addresses else 0.1,
                              "gist": gist, "check": check}}  # fmt: skip

    on_point = AnswerFacts(1, TODAY, hire, verdict(True, True, "I cut the wait to two hours."))
    off = [AnswerFacts(i, TODAY - dt.timedelta(days=i), lead, verdict(False, None, holiday))
           for i in (2, 3)]  # fmt: skip
    (area,) = improvement_areas([on_point, *off], [], TODAY)
    assert area.key == "relevance"
    assert area.title == "Answer the question that was asked"
    assert [(e.ref, e.detail) for e in area.evidence] == [
        (2, f"does not address the question: “{holiday}”"),
        (3, f"does not address the question: “{holiday}”"),
    ]
    assert meets("relevance", on_point.analysis, hire) is True
    # Where the verdict can't tell, the answer is not evidence, even when the story check
    # fires: the tester's on-point "Why should we hire you?" told a story on purpose.
    unsure = {"relevance": {"addresses": None, "probability": 0.4, "gist": "", "check": True}}
    assert meets("relevance", unsure, hire) is None
    (area,) = improvement_areas([*off, AnswerFacts(4, TODAY, hire, unsure)], [], TODAY)
    assert [e.ref for e in area.evidence] == [2, 3]
    assert area.rule.startswith("an answer that does not address its question:")
    assert "couldn't tell whether it answered the question" in area.how
    assert area.goal.startswith("In your next 5 answers, answer the question that was asked")


def test_job_terms_are_counted_among_those_bearing_on_the_question() -> None:
    def said(
        used: list[str], missed: list[str], bearing: list[str], withheld: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        keywords = {"used": used, "missed": missed, "bearing": bearing}
        return {"keywords": keywords, "withheld": list(withheld)}

    many = [f"term {i}" for i in range(8)]
    four = ["SQL", "Python", "Tableau", "A/B testing"]
    assert meets("job_terms", said(["SQL", "Python", "Tableau"], many, four), "Why us?") is True
    assert meets("job_terms", said(["SQL", "term 1", "term 2"], many, four), "Why us?") is False
    assert meets("job_terms", said(["SQL"], ["Excel"], ["SQL", "Excel"]), "Why us?") is False
    assert meets("job_terms", said(["SQL"], many, ["SQL"]), "Why us?") is True  # all of 1
    assert meets("job_terms", said([], many, four, ("keywords",)), "Why us?") is None
    # A trial's teammate conflict was counted against all 18 of the job's terms and told to
    # say "Power BI": no term bears on it, so it is not judged, used or not.
    assert meets("job_terms", said([], many, []), "Tell me about a conflict.") is None
    # An analysis from before the bearing terms were kept cannot say which should be used.
    assert meets("job_terms", {"keywords": {"used": [], "missed": many}}, "Why us?") is None


def test_a_job_terms_area_names_only_the_terms_bearing_on_the_question() -> None:
    question = "How do you make an analysis reproducible?"
    keywords = {
        "used": ["documentation"],
        "missed": ["Power BI", "statistical testing", "GDPR"],
        "bearing": ["statistical testing", "documentation"],
    }
    facts = [AnswerFacts(i, TODAY, question, {"keywords": keywords}) for i in (1, 2, 3)]
    (area,) = improvement_areas(facts, [], TODAY)
    assert area.key == "job_terms"
    assert {e.detail for e in area.evidence} == {
        "1 of the 2 key terms bearing on it used; not used: statistical testing"
    }


def test_a_reached_goal_closes_its_area_until_the_pattern_comes_back() -> None:
    before = [timed(1, 5.0, 6), timed(2, 5.0, 5)]
    closed = {"fillers": TODAY - dt.timedelta(days=4)}
    assert improvement_areas(before, [], TODAY, closed) == ()
    again = [*before, timed(3, 5.0, 2), timed(4, 4.0, 1)]
    (area,) = improvement_areas(again, [], TODAY, closed)
    assert {e.ref for e in area.evidence} == {3, 4}


def test_the_relevance_verdict_decides_the_area_where_it_speaks() -> None:
    skills = "Which skills do you hope to develop?"

    def told(addresses: bool | None, check: bool | None) -> dict[str, Any]:
        gist = "We shipped on the Friday and the client renewed."
        return {"relevance": {"addresses": addresses, "probability": 0.5, "gist": gist,
                              "check": check}}  # fmt: skip

    assert meets("relevance", told(False, False), skills) is False  # the verdict, not the check
    assert meets("relevance", told(True, True), skills) is True
    assert meets("relevance", told(None, True), skills) is None  # can't tell: not judged
    off = next(r for r in RULES if r.key == "relevance").read(told(False, None))
    assert off is not None
    assert (
        off[0]
        == "does not address the question: “We shipped on the Friday and the client renewed.”"
    )
    # An analysis stored before the verdict (no probability) is not judged: its old yes/no came
    # from closeness in meaning alone, which did not separate such answers on relevance/dev.json.
    assert meets("relevance", {"relevance": {"addresses": False, "check": False}}, skills) is None
    assert meets("relevance", {"relevance": {"addresses": False, "check": True}}, skills) is None


def test_an_area_says_which_answers_it_did_not_judge_and_why() -> None:
    """A trial's areas page read "in 2 of your last 2 answers" above 4 answers: one to a
    question that asks for no story, and one the relevance verdict says missed its question,
    left out unsaid. An answer that misses its question is not judged for its STAR parts, as
    its report gives no such tip (polish on the wrong story is moot), and the area says so."""
    story_q, weakness = (
        "Tell me about a time you fixed a backlog.",
        "What is your greatest weakness?",
    )

    def told(result: bool, addresses: bool | None = None) -> dict[str, Any]:
        star = {p: {"present": True} for p in ("situation", "task", "action")}
        star |= {"result": {"present": result}, "quantified_result": {"present": False}}
        verdict = {"addresses": addresses, "probability": 0.05 if addresses is False else 0.5,
                   "gist": "We swam every day.", "check": None}  # fmt: skip
        return {"star": star, "relevance": verdict}

    off = told(False, addresses=False)
    answers = [
        AnswerFacts(1, TODAY, story_q, told(False)),
        AnswerFacts(2, TODAY - dt.timedelta(days=1), weakness, told(False)),
        AnswerFacts(3, TODAY - dt.timedelta(days=2), story_q, off),
        AnswerFacts(4, TODAY - dt.timedelta(days=3), story_q, told(False)),
    ]
    area = next(a for a in improvement_areas(answers, [], TODAY) if a.key == "star_result")
    assert (area.affected, area.considered) == (2, 2)
    assert "in 2 of the 2 answers it could judge" in area.rule
    # One slip is not a pattern: no area judges it on the page, so none is pointed to.
    assert "relevance" not in {a.key for a in improvement_areas(answers, [], TODAY)}
    assert area.not_judged == (
        "1 answer to a question that asks for no story",
        "1 answer that does not address its question",
    )
    assert meets("star_result", off, story_q) is None  # nor counted by a goal made from it
    # The relevance area judges it, and says which answers its check could not tell about.
    both = improvement_areas(
        [*answers, AnswerFacts(5, TODAY, story_q, told(True, addresses=False))], [], TODAY
    )
    relevance = next(a for a in both if a.key == "relevance")
    assert (relevance.affected, relevance.considered) == (2, 2)
    # Raised, it is pointed to.
    assert next(a for a in both if a.key == "star_result").not_judged == (
        "2 answers that do not address their question (see “Answer the question that was asked”)",
        "1 answer to a question that asks for no story",
    )
    # In the user's words, never the model's ("between its two cuts", a look at the page found).
    assert relevance.not_judged == (
        "3 answers where prepcoach couldn't tell whether they answered the question (too short "
        "or too long to judge, not clearly on or off it, or with speech lost)",
    )
    one = next(a for a in improvement_areas(
        [answers[0], answers[2], AnswerFacts(5, TODAY, story_q, told(True, addresses=False))],
        [], TODAY,
    ) if a.key == "relevance")  # fmt: skip
    assert one.not_judged[0].startswith(
        "1 answer where prepcoach couldn't tell whether it answered the question ("
    )
    assert "cut" not in relevance.how
    assert "couldn't tell whether it answered the question" in relevance.how


def test_an_answer_whose_verdict_speech_loss_withheld_is_not_said_to_be_one_it_cant_tell() -> None:
    """Speech lost withholds the relevance verdict (`answer.AnswerAnalysis.as_dict` stores
    `addresses` as null beside its probability): the area left it out as one its check "can't
    tell about (too short, too long, or between its two cuts)", none of which it was."""
    question = "Why do you want this role?"
    off = {
        "relevance": {"addresses": False, "probability": 0.05, "gist": "We swam.", "check": None}
    }
    lost = {
        "relevance": {"addresses": None, "probability": 0.99, "gist": "We swam.", "check": None},
        "withheld": ["situation", "task", "action", "result", "quantified", "keywords"],
    }
    answers = [
        AnswerFacts(1, TODAY, question, off),
        AnswerFacts(2, TODAY, question, lost),
        AnswerFacts(3, TODAY, question, off),
    ]
    area = next(a for a in improvement_areas(answers, [], TODAY) if a.key == "relevance")
    assert (area.affected, area.considered) == (2, 2)
    (said,) = area.not_judged
    assert said.startswith("1 ")
    assert "speech lost" in said


# --- a plan's review lines --------------------------------------------------------------------
PLAN_Q = "What would you do if a teammate kept missing deadlines your work depended on?"


def planned(ref: int, action: bool = True) -> AnswerFacts:
    """A stored plan (its question read as one, `relevance.kind`), as the evidence keeps it."""
    analysis = {
        "relevance": {"kind": "would_do", "addresses": True, "probability": 0.9, "gist": ""},
        "star": {"situation": {"present": False}, "task": {"present": False},
                 "action": {"present": action, "evidence": ["I would talk to them first."]},
                 "result": {"present": False}, "quantified_result": {"present": False}},
    }  # fmt: skip
    return AnswerFacts(ref, TODAY - dt.timedelta(days=ref), PLAN_Q, analysis)


def test_a_reviewers_low_scores_on_a_plans_steps_count_toward_the_action() -> None:
    """Sam scored Alice's plans on the plan's rubric (steps, action, reasons, check): his low
    steps fed no area, where a story's low lines each feed one. Steps point to the action; the
    plan's action line ("Says what they would do themselves") to "Say what you did yourself",
    which these stored plans, keeping no reading of whose steps they are, do not make. His low
    reasons and check make no area by themselves: those areas need two reviews
    (`tests/coach/test_plan_line_areas.py`), and no answer's words count toward them."""
    plans = [planned(1, action=False), planned(2, action=False), planned(3)]
    sam = ReviewFacts("r1", TODAY, "Sam", {"steps": 0, "action": 0, "reasons": 0, "check": 0})
    alone = {a.key: a for a in improvement_areas(plans, [], TODAY)}
    areas = {a.key: a for a in improvement_areas(plans, [sam], TODAY)}
    action = areas["star_action"]
    assert action.reviewers == 1
    assert action.weight > alone["star_action"].weight
    assert "1 reviewer agrees" in action.rule
    assert [e.detail for e in action.evidence if e.source == "review"] == ["scored steps 0 of 2"]
    assert "personal_action" not in areas  # one reviewer alone makes no area
    assert not {"plan_reasons", "plan_check"} & (set(alone) | set(areas))


def test_a_reviewers_low_score_on_a_points_lines_counts_toward_areas() -> None:
    """An answer to a question asking for neither a story nor a plan is scored on its point
    (`feedback.DIRECT_REVIEW_RUBRIC`): not answering what was asked points to "Answer the
    question that was asked", tying nothing to the role to the job's terms."""
    hire = "Why should we hire you?"
    holiday = "We rented a small house near the beach and swam every day."
    off = {"relevance": {"addresses": False, "probability": 0.1, "gist": holiday}}
    plain = {"relevance": {"addresses": True, "probability": 0.9, "gist": "I like data."},
             "keywords": {"used": [], "missed": ["SQL", "Tableau", "forecasting"],
                          "bearing": ["SQL", "forecasting"]}}  # fmt: skip
    answers = [AnswerFacts(i, TODAY - dt.timedelta(days=i), hire, off) for i in (1, 2)]
    answers += [AnswerFacts(i, TODAY - dt.timedelta(days=i), hire, plain) for i in (3, 4)]
    sam = ReviewFacts("r1", TODAY, "Sam", {"point": 0, "support": 0, "fit": 0})
    areas = {a.key: a for a in improvement_areas(answers, [sam], TODAY)}
    said = {key: [e.detail for e in areas[key].evidence if e.source == "review"]
            for key in ("relevance", "job_terms")}  # fmt: skip
    assert said == {"relevance": ["scored point 0 of 2"], "job_terms": ["scored fit 0 of 2"]}
    assert areas["relevance"].reviewers == areas["job_terms"].reviewers == 1


# --- "Say what you did yourself": the report's personal-action rule ------------------------------
PROCESS_Q = "Tell me about a time you improved a process."
SCHEDULE_Q = "How would you handle a project that is falling behind schedule?"
# The same queue told by Omar, who says what he did himself.
OMAR_QUEUE = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. Within a "
    "month the average wait fell from 9 hours to 2 hours."
)
# Priya's plan, told with "we would…": the report's tip is "Say what you would do yourself".
PRIYA_PLAN = (
    "We would meet the team and go through the plan together. We would cut the scope back to "
    "what matters most and we would move people onto the late tasks. We would then agree new "
    "dates with the client."
)
OWN_GOAL = (
    "Say what you did or would do yourself, with “I”, in 5 practice answers by 14 December 2026"
)


def told(ref: int, text: str, question: str = PROCESS_Q, day: int = 0) -> AnswerFacts:
    analysis = analyse_answer(text=text, question=question).as_dict()
    return AnswerFacts(ref, TODAY - dt.timedelta(days=day), question, analysis)


def own_area(answers: list[AnswerFacts], reviews: list[ReviewFacts] | None = None) -> Any:
    areas = improvement_areas(answers, reviews or [], TODAY)
    return next((a for a in areas if a.key == "personal_action"), None)


@pytest.mark.usefixtures("sentence_model")
def test_two_we_only_stories_make_the_area_with_each_answers_evidence() -> None:
    """Priya told two stories with "we" throughout and one with her own actions: her reports
    said "Say what you did yourself", and the areas page had no area for it to become a goal."""
    answers = [told(1, WE_BACKLOG_STORY, day=2), told(2, WE_WARD_STORY, day=1), told(3, OMAR_QUEUE)]
    area = own_area(answers)
    assert area is not None
    assert area.title == "Say what you did yourself"
    assert (area.affected, area.considered) == (2, 3)
    assert area.rule == (
        "no action of your own (“I…”, or “I would…” in a plan), or fewer than half the team's "
        "(“we…”): in 2 of the 3 answers it could judge"
    )
    assert [(e.ref, e.detail) for e in area.evidence] == [
        (2, "2 “we” actions against 0 “I”: “We set up a shared checklist and we ran a short "
            "huddle every morning.”"),
        (1, "2 “we” actions against 0 “I”: “We rewrote the triage rules and we trained two new "
            "starters.”"),
    ]  # fmt: skip
    assert area.goal == OWN_GOAL
    # How it decides, with the rule's thresholds: the reader's owner of each sentence.
    assert "yours (“I”), the team's (“we”) or someone else's" in area.how
    assert "25 words or more" in area.how
    assert "fewer than half as many as the team's" in area.how
    assert "Say what you did yourself" in area.how
    assert meets("personal_action", answers[0].analysis, PROCESS_Q) is False


@pytest.mark.usefixtures("sentence_model")
def test_answers_that_say_what_the_speaker_did_make_no_such_area() -> None:
    answers = [told(1, OMAR_QUEUE, day=2), told(2, OMAR_QUEUE, day=1), told(3, WE_BACKLOG_STORY)]
    assert own_area(answers) is None
    assert meets("personal_action", answers[0].analysis, PROCESS_Q) is True


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_told_with_we_would_counts_and_is_worded_for_a_plan() -> None:
    plans = [told(1, PRIYA_PLAN, SCHEDULE_Q, 1), told(2, PRIYA_PLAN, SCHEDULE_Q)]
    (tip,) = [t for t in plans[0].analysis["tips"] if t["rule"].startswith("Ownership:")]
    assert tip["text"].startswith("Say what you would do yourself")
    area = own_area(plans)
    assert area is not None
    assert (area.affected, area.considered) == (2, 2)
    assert area.not_judged == ()  # a plan is judged for its own steps, as its report is
    assert all(
        e.detail.startswith("4 “we would” against 0 “I would”: “We would") for e in area.evidence
    )
    assert "“I would…” in a plan" in area.rule
    assert "what you did or would do yourself" in area.goal
    assert "for a plan, “Say what you would do yourself”" in area.how


@pytest.mark.usefixtures("sentence_model")
def test_the_area_is_the_reports_own_tip_rule() -> None:
    """One rule, never two copies: the area holds exactly where the report's personal-action
    tip rule fires (`tips.RULES["action"]`), and judges nothing where that rule cannot speak."""
    from prepcoach.coach.tips import RULES as TIP_RULES
    from prepcoach.coach.tips import Facts

    for text, question in [
        (WE_BACKLOG_STORY, PROCESS_Q), (WE_WARD_STORY, PROCESS_Q), (OMAR_QUEUE, PROCESS_Q),
        (PRIYA_PLAN, SCHEDULE_Q), (QUANTIFIED, PROCESS_Q), ("We fixed it together.", PROCESS_Q),
    ]:  # fmt: skip
        found = analyse_answer(text=text, question=question)
        facts = Facts(found.content, found.delivery, found.keywords, found.settings,
                      found.relevance)  # fmt: skip
        fires = TIP_RULES["action"](facts) is not None
        verdict = meets("personal_action", found.as_dict(), question)
        if found.content.words < 25:
            assert verdict is None, text  # too short: the report asks for the whole story
        else:
            assert verdict is (not fires), text


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_whose_speech_was_lost_is_listed_as_not_judged() -> None:
    """Priya's third story lost a stretch of speech: its actions were not read in full (the
    report withholds its content tips), so "we" alone there is not evidence."""
    from prepcoach.coach.speech.quality import CONTENT_TIPS

    lost = told(3, WE_BACKLOG_STORY)
    lost.analysis["withheld"] = sorted(CONTENT_TIPS)
    assert meets("personal_action", lost.analysis, PROCESS_Q) is None
    area = own_area([lost, told(1, WE_BACKLOG_STORY, day=2), told(2, WE_WARD_STORY, day=1)])
    assert area is not None
    assert [e.ref for e in area.evidence] == [2, 1]
    assert area.not_judged == (
        "1 answer under 25 words, or not read in full (speech lost, or words prepcoach cannot "
        "read)",
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_reviewers_low_own_part_line_agrees_with_the_area() -> None:
    """The rubric's action line asks whether the answer says what the speaker did (or would do)
    themselves ("Describes what they did themselves", a plan's "Says what they would do
    themselves"): Sam scoring it 0 agrees with "Say what you did yourself", not with "Say the
    action", which a plan's steps line still points to."""
    answers = [told(1, WE_BACKLOG_STORY, day=2), told(2, WE_WARD_STORY, day=1)]
    sam = ReviewFacts("r1", TODAY, "Sam", {"action": 0})
    area = own_area(answers, [sam])
    assert area is not None
    assert area.reviewers == 1
    assert "1 reviewer agrees" in area.rule
    assert [e.detail for e in area.evidence if e.source == "review"] == ["scored action 0 of 2"]
