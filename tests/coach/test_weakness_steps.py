"""Whether an answer to a weakness question says what the speaker does about it
(`coach.weakness_steps`), and the tip that asks for it (`tips`).

A trial's answer to "What is your greatest weakness?" named a strength in disguise and its
report said "Nothing stands out to fix in this answer"."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach import reader, weakness_steps
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.improvement import RULES
from prepcoach.coach.mock_interview import MockAnswer, summarise_mock
from prepcoach.coach.reader_inputs import INPUT_WIDTH
from prepcoach.coach.weakness_tips import DISGUISE_RULE
from tests.retraining_check import assert_retraining_reproduces

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train_weakness_steps.py"
TODAY = dt.date(2026, 12, 6)
WEAKNESS = "What is your greatest weakness?"
# The trial's answer: a strength in disguise, and nothing done about it.
DISGUISED = (
    "My greatest weakness is honestly that I care too much about getting things right. I am "
    "extremely organised and reliable and I always hit my targets. My managers have always told "
    "me I am the most dependable supervisor on the site, I never miss a deadline, and my team "
    "knows they can count on me for anything."
)
# A real weakness with no step taken on it.
NO_STEP = (
    "I find it hard to delegate. I tend to take the tricky jobs myself because it feels "
    "quicker, and last year that meant I was working late while two of my team were "
    "under-used. It is something I am aware of."
)
WITH_STEPS = (
    "I find it hard to delegate; I tend to take the tricky jobs myself because it feels "
    "quicker. Last year that meant I was working late while two of my team were under-used. "
    "Now I write the week's tasks on a board on Monday and hand each person one stretch task, "
    "and I check in on Wednesday rather than taking the work back. My team's output has gone "
    "up and I leave on time most days."
)


class StandIn:
    """An embedder with no middle layers (as the suite's stand-ins)."""

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return [[1.0] + [0.0] * 383 for _ in texts]


@pytest.mark.usefixtures("sentence_model")
def test_a_strength_in_disguise_with_nothing_done_says_no_step() -> None:
    found = weakness_steps.read_steps(reader.sentences_of(DISGUISED))
    assert found is not None
    assert found.said is False
    assert found.evidence == ()
    assert found.nearest in DISGUISED


@pytest.mark.usefixtures("sentence_model")
def test_steps_taken_on_a_weakness_are_found_and_quoted() -> None:
    found = weakness_steps.read_steps(reader.sentences_of(WITH_STEPS))
    assert found is not None
    assert found.said is True
    assert any("Now I write the week's tasks" in s for s in found.evidence)


@pytest.mark.usefixtures("sentence_model")
def test_the_report_asks_a_weakness_answer_with_no_step_for_one() -> None:
    read = analyse_answer(text=NO_STEP, question=WEAKNESS)
    assert read.relevance is not None
    assert read.relevance.kind == "weakness"
    tips = [tip for tip in read.tips if tip.rule.startswith("Weakness:")]
    assert len(tips) == 1
    assert tips[0].text == (
        "Say the steps you take on your weakness (a habit, a tool, feedback you ask for) and "
        "what has changed since."
    )
    assert tips[0].rule == (
        "Weakness: no sentence of the answer reads as a step you take on it (its opening is quoted)"
    )
    # The answer's opening, where it names the weakness, not a sentence read 0.5 % a step.
    assert tips[0].evidence[0].text == "I find it hard to delegate."
    assert read.tips[0] is tips[0] or read.tips[0].rule.startswith("Relevance:")


@pytest.mark.usefixtures("sentence_model")
def test_a_weakness_answer_with_steps_and_a_story_answer_get_no_weakness_tip() -> None:
    for question, answer in (
        (WEAKNESS, WITH_STEPS),
        ("Tell me about a time you were very organised.", DISGUISED),
    ):
        read = analyse_answer(text=answer, question=question)
        assert not [tip for tip in read.tips if tip.rule.startswith("Weakness:")]


def test_without_the_middle_layers_there_is_no_reading() -> None:
    assert weakness_steps.read_steps(["A stand-in sentence about weaknesses."], StandIn()) is None
    assert weakness_steps.read_steps([]) is None


def test_trained_on_development_answers_only() -> None:
    # heldout.json was read once and trains it since; heldout2.json is held out.
    assert "heldout2" not in SCRIPT.read_text()
    shipped = json.loads(weakness_steps.WEIGHTS.read_text())
    assert shipped["trained_on"] == ["dev.json", "heldout.json", "dev2.json"]
    assert len(shipped["weights"]) == INPUT_WIDTH + 1
    assert 0.0 < shipped["low"] < shipped["high"] < 1.0
    # Out of fold, cuts chosen without the fold: right at least .9 of the times it speaks.
    assert shipped["cv"]["right_of_told"] >= 0.9
    assert shipped["cv"]["auc"] > 0.5


@pytest.mark.usefixtures("sentence_model")
def test_retraining_reproduces_the_shipped_weights_to_float_rounding() -> None:
    assert_retraining_reproduces(SCRIPT)


POOL = (*reader.sentences_of(DISGUISED), *reader.sentences_of(WITH_STEPS), "I try harder.")


@pytest.mark.usefixtures("sentence_model")
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
def test_a_reading_quotes_only_the_answer_s_own_sentences(sentences: list[str]) -> None:
    found = weakness_steps.read_steps(sentences)
    assert found is not None
    assert found.nearest in sentences
    assert set(found.evidence) <= set(sentences)
    assert (found.said is True) == bool(found.evidence)  # steps said are quoted, else none
    if found.said is True:
        assert found.nearest in found.evidence  # the likeliest sentence is one of them


def test_the_area_counts_an_answer_with_no_step_and_not_one_it_can_t_tell_about() -> None:
    rule = next(rule for rule in RULES if rule.key == "weakness_steps")
    none = {"weakness_steps": {"said": False, "nearest": "I'm reliable.", "opening": "I rush."}}
    assert rule.read(none) == ("no sentence reads as a step you take on the weakness: “I rush.”",
                               None)  # fmt: skip
    # Only an answer its report read as one to a weakness question is judged.
    assert rule.skips(WEAKNESS, {"relevance": {"kind": "weakness"}} | none) is None
    assert rule.skips("Tell me about a time you led a team.",
                      {"relevance": {"kind": "story"}} | none) == "not weakness"  # fmt: skip
    # One the relevance verdict says misses its question is told that, not polished (a CI run:
    # strengths told to a weakness question got both areas).
    off = {"relevance": {"kind": "weakness", "addresses": False, "probability": 0.1}}
    assert rule.skips(WEAKNESS, off | none) == "off question"
    assert rule.read({"weakness_steps": {"said": True, "nearest": "Now I plan."}}) == ("", None)
    assert rule.read({"weakness_steps": {"said": None, "nearest": "I try."}}) is None
    assert rule.read({"weakness_steps": None}) is None  # another kind of question
    assert rule.read({}) is None  # analysed before the steps were read


@pytest.mark.usefixtures("sentence_model")
def test_a_mock_names_the_weakness_area_once_not_its_tip_beside_it() -> None:
    told = analyse_answer(text=NO_STEP, question=WEAKNESS).as_dict()
    answers = [MockAnswer(i, 1, WEAKNESS, False, "analysed", told, TODAY) for i in (1, 2)]
    steps = summarise_mock([WEAKNESS], answers, TODAY).next_steps
    assert len([s for s in steps if s.startswith("Say what you do about your weakness")]) == 1
    assert not [s for s in steps if s.startswith("Say the steps you take on your weakness")]


@pytest.mark.usefixtures("sentence_model")
def test_a_strength_in_disguise_gets_one_weakness_tip_not_two() -> None:
    # Its tip asks for a real weakness and the step taken on it; a page check read the steps tip
    # beside it, in either order, as one piece of advice said twice.
    read = analyse_answer(text=DISGUISED, question=WEAKNESS)
    tips = [tip for tip in read.tips if tip.rule.startswith("Weakness:")]
    assert [tip.rule.split(";")[0] for tip in tips] == [DISGUISE_RULE]
    assert read.steps is not None
    assert read.steps.said is False  # still read, and shown on the report's card


def test_the_steps_area_leaves_a_disguised_weakness_to_its_own_area() -> None:
    rule = next(rule for rule in RULES if rule.key == "weakness_steps")
    told = {"relevance": {"kind": "weakness"},
            "weakness_steps": {"said": False, "nearest": "I care.", "opening": "I care."}}  # fmt: skip
    assert rule.skips(WEAKNESS, told) is None
    disguised = {"weakness_disguise": {"disguised": True, "evidence": "I care."}}
    assert rule.skips(WEAKNESS, told | disguised) == "disguised"
    not_said = {"weakness_disguise": {"disguised": False, "evidence": "I care."}}
    assert rule.skips(WEAKNESS, told | not_said) is None


@pytest.mark.usefixtures("sentence_model")
def test_a_weakness_answer_telling_what_it_cost_and_the_steps_is_not_told_it_tells_a_story() -> (
    None
):
    # What the weakness cost and the steps taken on it are what its tips ask for, told as a
    # story; a page check's good answer was told "the question asks for no story … make sure
    # its point comes through". The same answer to "What motivates you?" still is.
    told = (
        "A real weakness of mine was delegating. Last year I kept every report to myself and I "
        "missed two deadlines in March. My manager pointed it out in my review. I then split "
        "the monthly pack into parts and handed the weekly figures to a colleague. I checked "
        "her first two drafts and after that I let her run it. We hit every deadline after that."
    )
    weakness = analyse_answer(text=told, question=WEAKNESS).relevance
    assert weakness is not None
    assert weakness.kind == "weakness"
    assert weakness.check is not True
    motivation = analyse_answer(text=told, question="What motivates you?").relevance
    assert motivation is not None
    assert motivation.check is True
