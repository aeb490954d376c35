"""An answer to a question asking for neither a story nor a plan ("What motivates you?") is
judged on neither's terms: the report keeps what the question asks for
(`relevance.question_asks`), gives no tip asking for a story's parts and no measured figure
from them, and every face reads what it asks for from the report (`relevance.asked_for`).
Before, a good answer to "What motivates you?" was told "Finish with the result: what changed
because of what you did" and "Say what you did yourself", and measured 1 of 5."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.improvement_sources import calibrated, reworked
from prepcoach.coach.relevance import ReadingChange, asked_for, question_relevance, reading_changed
from prepcoach.coach.tips import asks_for_story_parts
from tests.relevance_samples import AMBITION, BACKLOG, BACKLOG_STORY, FIVE_YEARS

MOTIVATES = "What motivates you?"
MOTIVATION = (
    "What motivates me most is seeing patients go home better than they came in. On my "
    "placement I loved the moment a frail patient walked the corridor again. I am driven by that "
    "kind of progress, and by learning from the senior nurses around me. That is why I want a "
    "ward role where rehabilitation is central."
)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("question", "answer"), [(MOTIVATES, MOTIVATION), (FIVE_YEARS, AMBITION)])
def test_no_story_tips_and_no_figure_from_story_parts(question: str, answer: str) -> None:
    analysis = analyse_answer(text=answer, question=question).as_dict()
    assert analysis["relevance"]["question_asks"] == "neither"
    rules = [str(tip["rule"]) for tip in analysis["tips"]]
    assert not any(asks_for_story_parts(rule) for rule in rules), rules
    assert measured_rating(analysis) is None
    assert measured_rating(answer_evidence(analysis)) is None  # the pages read the evidence
    assert asked_for(question, analysis) == "neither"


@pytest.mark.usefixtures("sentence_model")
def test_a_story_question_keeps_its_story_tips_and_figure() -> None:
    analysis = analyse_answer(text=BACKLOG_STORY, question=BACKLOG).as_dict()
    assert analysis["relevance"]["question_asks"] == "story"
    assert measured_rating(analysis) is not None
    short = analyse_answer(text="I fixed the backlog by triaging it.", question=BACKLOG).as_dict()
    assert short["relevance"]["question_asks"] == "story"  # read though the answer is not
    assert any(asks_for_story_parts(str(tip["rule"])) for tip in short["tips"])


def test_every_face_reads_what_the_report_read() -> None:
    # A stored reading stands, as a stored plan reading does (`plan_asked`): the pages judge
    # an answer as its report did until it is analysed again.
    assert asked_for(MOTIVATES, {"relevance": {"question_asks": "story"}}) == "story"
    assert asked_for(BACKLOG, {"relevance": {"question_asks": "neither"}}) == "neither"


@pytest.mark.usefixtures("sentence_model")
def test_a_report_judged_by_the_reading_before_is_told_apart() -> None:
    # Kept before `question_asks` was: everything but a plan was judged as a story.
    assert reading_changed(FIVE_YEARS, {"relevance": {"kind": None}}) == ReadingChange(
        "story", "neither"
    )
    assert (
        reading_changed(FIVE_YEARS, {"relevance": {"kind": None, "question_asks": "neither"}})
        is None
    )
    assert reading_changed(BACKLOG, {"relevance": {"kind": "story"}}) is None
    assert reading_changed(FIVE_YEARS, {"relevance": None}) is None  # no reading kept


def without_cannot_tell(analysis: dict[str, Any]) -> dict[str, Any]:
    """`analysis` as stored before the reader could say it can't tell whether a STAR part is
    there (`reader.UNSURE_FROM`): such a part read as missing, which measures it on STAR."""
    star = {
        part: {"present": False, "evidence": []} if "unsure" in found else found
        for part, found in analysis["star"].items()
    }
    return analysis | {"star": star}


def before_asks_were_kept(analysis: dict[str, Any]) -> dict[str, Any]:
    """`analysis` as stored before `relevance.question_asks` was kept (version 3)."""
    relevance = {k: v for k, v in analysis["relevance"].items() if k != "question_asks"}
    return analysis | {"version": 3, "relevance": relevance}


@pytest.mark.usefixtures("sentence_model")
def test_a_page_that_knows_the_question_measures_an_old_analysis_as_every_face_reads_it() -> None:
    """A review: an answer analysed before `question_asks` was kept was left out of the STAR
    areas (`asked_for` reads its question again) but measured on STAR for calibration, so the
    calibration area said "you gave 4, the measures 1" of a good answer to "What motivates
    you?". The report itself keeps its own reading (it says at its top that it is old)."""
    old = before_asks_were_kept(
        without_cannot_tell(analyse_answer(text=MOTIVATION, question=MOTIVATES).as_dict())
    )
    assert measured_rating(old) is not None  # as its report judged it, on STAR
    assert asked_for(MOTIVATES, old) == "neither"
    assert measured_rating(old, asked_for(MOTIVATES, old)) is None
    assert calibrated(old, 4, MOTIVATES) is None
    assert calibrated(answer_evidence(old), 4, MOTIVATES) is None


def test_a_question_asking_for_neither_is_reworked_when_the_answer_addresses_it() -> None:
    """A debrief's "went badly" question asking for neither a story nor a plan has no measured
    figure to reach 3 of 5: its goal counts an answer the relevance verdict says addresses it."""
    day = dt.date(2026, 12, 3)

    def answer(addresses: bool | None) -> AnswerFacts:
        kept = {"question_asks": "neither", "kind": "motivation", "addresses": addresses}
        return AnswerFacts(1, day, MOTIVATES, {"star": {}, "relevance": kept})

    assert reworked([MOTIVATES], [answer(True)]) == (MOTIVATES,)
    assert reworked([MOTIVATES], [answer(None)]) == ()  # can't tell is no evidence
    assert reworked([MOTIVATES], [answer(False)]) == ()


@pytest.mark.usefixtures("sentence_model")
def test_an_old_report_that_read_a_plan_question_as_no_plan_is_judged_as_the_story_it_was() -> None:
    """A review: an analysis from before the plan-question model kept "How would you design…"
    as no plan; every face then read it as asking for neither (the story model means nothing of
    a plan question), neither as its report judged it (a story) nor as it reads now (a plan)."""
    design = "How would you design an API so that it can evolve without breaking existing clients?"
    assert asked_for(design) == "plan"
    assert asked_for(design, {"relevance": {"kind": "approach"}}) == "story"


@pytest.mark.usefixtures("sentence_model")
def test_what_the_caller_says_a_question_asks_for_and_its_kind_agree() -> None:
    # A follow-up asked of a story whose own words read as a plan: it is judged as more of the
    # story everywhere, never as a plan by its kind on the report and a story elsewhere.
    plan_words = "What would you do first if you had to roll this out to every ward?"
    said = (
        "I would start with the ward that had the most late handovers and train its leads. "
        "Then I would check the handover times each week for a month."
    )
    assert question_relevance(plan_words, said).kind == "would_do"
    story = question_relevance(plan_words, said, asks="story")
    assert (story.kind, story.question_asks) != ("would_do", "story")
    assert story.question_asks == "story"
    plan = question_relevance("What happened next?", said, asks="plan")
    assert (plan.kind, plan.question_asks) == ("would_do", "plan")


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_is_measured_by_its_steps_when_the_page_says_it_asks_for_one() -> None:
    """A review: an analysis keeping no reading of its question was counted of a plan's parts
    by the mock (it asks for a plan, read now) but measured on all five STAR parts."""
    design = "How would you design an API so that it can evolve without breaking existing clients?"
    plan = (
        "I would start by versioning the API from day one, with the version in the URL, so old "
        "clients keep calling the version they were built against. I would only ever add "
        "optional fields to a version and never rename or remove one."
    )
    analysis = analyse_answer(text=plan, question=design).as_dict()
    kept = measured_rating(analysis)
    unread = analysis | {"relevance": None}  # stored before any reading of the question
    assert measured_rating(unread) != kept  # five STAR parts, a plan has one
    assert measured_rating(unread, asked_for(design, unread)) == kept
