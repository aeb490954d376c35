"""The strength-in-disguise reading of an answer to a weakness question
(`coach.weakness_disguise`) and its tip (`coach.weakness_tips.disguise_tip`).

A trial's "I care too much about getting things right … I never miss a deadline" was told
"Nothing stands out to fix in this answer"."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach import reader, weakness_disguise
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.improvement import RULES, improvement_areas
from prepcoach.coach.reader_inputs import INPUT_WIDTH
from prepcoach.coach.speech.quality import CONTENT_TIPS
from prepcoach.coach.tips import Facts, choose_tips
from prepcoach.coach.weakness_disguise import Disguise
from prepcoach.coach.weakness_tips import DISGUISE_ADVICE, DISGUISE_RULE, disguise_tip
from tests.coach.test_weakness_steps import DISGUISED, WEAKNESS, WITH_STEPS, StandIn
from tests.retraining_check import assert_retraining_reproduces

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train_weakness_disguise.py"
# A weakness that sounds like one in disguise but says what it cost: a real weakness.
WITH_A_COST = "I work too many hours and it has hurt my sleep, so I now stop at six."


def read(text: str) -> Disguise:
    found = weakness_disguise.read_disguise(reader.sentences_of(text))
    assert found is not None
    return found


@pytest.mark.usefixtures("sentence_model")
def test_the_trial_s_answer_reads_as_a_strength_in_disguise_quoting_where_it_names_it() -> None:
    found = read(DISGUISED)
    assert found.disguised is True
    assert found.real is False
    assert found.probability >= weakness_disguise.disguise_model().cut
    assert "I care too much about getting things right" in found.evidence


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "answer",
    [
        WITH_STEPS,
        WITH_A_COST,
        "Public speaking. I get nervous in front of big groups and I rush. I joined a "
        "Toastmasters club in March and I speak there every two weeks.",
    ],
)
def test_a_real_weakness_is_not_called_a_strength_in_disguise(answer: str) -> None:
    found = read(answer)
    assert found.disguised is False
    # Read clearly as a real weakness (the area counts it as meeting its goal), but for the
    # virtue that says its cost, which the reader trained on 620 answers leaves between its
    # cuts (0.25): neither verdict, so not counted either way.
    assert found.real is (answer is not WITH_A_COST)


@pytest.mark.usefixtures("sentence_model")
def test_the_report_tells_a_disguised_weakness_and_keeps_the_reading() -> None:
    analysis = analyse_answer(text=DISGUISED, question=WEAKNESS)
    tips = [tip for tip in analysis.tips if tip.rule.startswith(DISGUISE_RULE)]
    assert len(tips) == 1
    assert tips[0].text == DISGUISE_ADVICE
    assert "I care too much" in tips[0].evidence[0].text
    stored = analysis.as_dict()["weakness_disguise"]
    assert isinstance(stored, dict)
    assert stored["disguised"] is True
    assert stored["evidence"] == tips[0].evidence[0].text


@pytest.mark.usefixtures("sentence_model")
def test_no_disguise_tip_for_a_real_weakness_a_story_question_or_a_follow_up() -> None:
    for question, answer, follow_up in (
        (WEAKNESS, WITH_STEPS, False),
        ("Tell me about a time you were very organised.", DISGUISED, False),
        (WEAKNESS, DISGUISED, True),  # a follow-up's answer tells one piece of another answer
    ):
        analysis = analyse_answer(text=answer, question=question, follow_up=follow_up)
        assert not [tip for tip in analysis.tips if tip.rule.startswith(DISGUISE_RULE)]
        if answer is WITH_STEPS:
            assert analysis.disguise is not None
            assert analysis.disguise.disguised is False
        else:  # not read at all
            assert analysis.disguise is None
            assert analysis.as_dict()["weakness_disguise"] is None


@pytest.mark.usefixtures("sentence_model")
def test_speech_lost_withholds_the_reading_and_its_tip() -> None:
    analysis = analyse_answer(text=DISGUISED, question=WEAKNESS)
    lost = replace(analysis, withheld=frozenset(CONTENT_TIPS))
    assert lost.as_dict()["weakness_disguise"] is None
    facts = Facts(analysis.content, analysis.delivery, None, DeliverySettings(),
                  analysis.relevance, analysis.steps, analysis.disguise)  # fmt: skip
    assert [t for t in choose_tips(facts) if t.rule.startswith(DISGUISE_RULE)]
    held = choose_tips(facts, withhold=CONTENT_TIPS)
    assert not [t for t in held if t.rule.startswith("Weakness:")]


def test_the_tip_is_not_given_off_the_question_nor_without_a_verdict() -> None:
    disguised = Disguise(True, 0.99, "I'm a perfectionist.")
    tip = disguise_tip(disguised, off=False)
    assert tip is not None
    assert tip.evidence[0].text == "I'm a perfectionist."
    assert disguise_tip(disguised, off=True) is None  # the relevance tip leads
    assert disguise_tip(Disguise(False, 0.4, "I rush."), off=False) is None
    assert disguise_tip(None, off=False) is None


def test_without_the_middle_layers_there_is_no_reading() -> None:
    assert weakness_disguise.read_disguise(["I'm a perfectionist."], StandIn()) is None
    assert weakness_disguise.read_disguise([]) is None


def test_trained_on_development_answers_only() -> None:
    # heldout2.json to heldout4.json were read once each and train it since; heldout5.json
    # is held out.
    assert "heldout5" not in SCRIPT.read_text()
    shipped = json.loads(weakness_disguise.WEIGHTS.read_text())
    assert shipped["trained_on"] == [
        "dev.json", "heldout.json", "dev2.json", "heldout2.json", "heldout3.json",
        "heldout4.json", "dev3.json",
    ]  # fmt: skip
    assert len(shipped["weights"]) == 2 * INPUT_WIDTH + 1
    assert 0.0 < shipped["low"] < shipped["cut"] < 1.0
    assert shipped["cv_real"]["right_of_said"] >= 0.9
    # Out of fold, the cut chosen without the fold: right at least .9 of the times it speaks.
    assert shipped["cv"]["right_of_said"] >= 0.9
    assert shipped["cv"]["recall"] > 0.0


@pytest.mark.usefixtures("sentence_model")
def test_retraining_reproduces_the_shipped_weights_to_float_rounding() -> None:
    assert_retraining_reproduces(SCRIPT)


POOL = (*reader.sentences_of(DISGUISED), *reader.sentences_of(WITH_STEPS), WITH_A_COST)


@pytest.mark.usefixtures("sentence_model")
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
def test_a_reading_quotes_one_of_the_answer_s_own_sentences(sentences: list[str]) -> None:
    found = weakness_disguise.read_disguise(sentences)
    assert found is not None
    assert found.evidence in sentences
    assert 0.0 <= found.probability <= 1.0
    cut = weakness_disguise.disguise_model().cut  # the probability is rounded to 3 places
    assert found.probability >= cut - 5e-4 if found.disguised else found.probability <= cut + 5e-4


def test_the_area_counts_a_disguised_weakness_and_judges_only_weakness_answers() -> None:
    rule = next(rule for rule in RULES if rule.key == "weakness_disguise")
    told = {"weakness_disguise": {"disguised": True, "evidence": "I work too hard."}}
    assert rule.read(told) == (
        "the weakness named reads as a strength in disguise: “I work too hard.”",
        None,
    )
    # Read clearly as a real weakness, the answer meets the goal; between the cuts the reader
    # says nothing of the weakness, and the answer is not judged (a review: silence had met it).
    real = {"disguised": False, "real": True, "evidence": "I rush."}
    assert rule.read({"weakness_disguise": real}) == ("", None)
    assert rule.read({"weakness_disguise": real | {"real": False}}) is None
    assert rule.read({"weakness_disguise": {"disguised": False, "evidence": "I rush."}}) is None
    assert rule.read({"weakness_disguise": None}) is None  # another kind of question
    assert rule.read({}) is None  # analysed before it was read
    assert rule.skips(WEAKNESS, {"relevance": {"kind": "weakness"}} | told) is None
    assert rule.skips("Tell me about a time you led a team.",
                      {"relevance": {"kind": "story"}} | told) == "not weakness"  # fmt: skip
    off = {"relevance": {"kind": "weakness", "addresses": False, "probability": 0.1}}
    assert rule.skips(WEAKNESS, off | told) == "off question"


@pytest.mark.usefixtures("sentence_model")
def test_two_disguised_weaknesses_make_an_area_quoting_them() -> None:
    today = dt.date(2026, 12, 6)
    told = analyse_answer(text=DISGUISED, question=WEAKNESS).as_dict()
    answers = [AnswerFacts(i, today, WEAKNESS, told) for i in (1, 2)]
    area = next(a for a in improvement_areas(answers, [], today) if a.key == "weakness_disguise")
    assert area.title == "Name a real weakness"
    assert area.affected == area.considered == 2
    assert all("I care too much about getting things right" in e.detail for e in area.evidence)
    assert "name a real weakness" in area.goal
