"""An answer to a question asking for neither a story nor a plan ("What motivates you?") is
judged on neither's terms: the report keeps what the question asks for
(`relevance.question_asks`), gives no tip asking for a story's parts and no measured figure
from them, and every face reads what it asks for from the report (`relevance.asked_for`).
Before, a good answer to "What motivates you?" was told "Finish with the result: what changed
because of what you did" and "Say what you did yourself", and measured 1 of 5."""

from __future__ import annotations

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.relevance import ReadingChange, asked_for, reading_changed
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
