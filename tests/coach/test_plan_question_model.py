"""The question models (`coach.plan_questions`): a question asking what the user would do is
read as a plan however it is worded, a question with "would you" that asks for no plan is not;
a story question is read as one without "tell me about a time", and "Tell me about yourself" as
asking for neither; and the shipped weights are what `scripts/train_plan_questions.py` makes
from the development questions alone."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from prepcoach.coach import plan_questions, reader
from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.feedback import DIRECT_REVIEW_RUBRIC, REVIEW_RUBRIC, rubric_for
from prepcoach.coach.plan_questions import asks_for_a_plan, grammar, plan_probability
from prepcoach.coach.relevance import (
    asked_for,
    asks_for_neither,
    asks_for_neither_by_words,
    question_kind,
)
from tests.retraining_check import assert_retraining_reproduces

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "train_plan_questions.py"

# From prepcoach's own bank: the kinds' prototypes read it as "would do" at only 0.35, so the
# rule before this model gave a good plan for it "never sets the scene" and "never says how it
# ended".
DESIGN = "How would you design an API so that it can evolve without breaking existing clients?"
DESIGN_PLAN = (
    "I would start by versioning the API from day one, with the version in the URL, so old "
    "clients keep calling the version they were built against. I would only ever add optional "
    "fields to a version and never rename or remove one. For anything that has to break, I "
    "would publish the new version beside the old one, measure who still calls the old one, "
    "and give those clients six months' notice before switching it off."
)


def vector(question: str) -> NDArray[np.float64]:
    vectors = reader.embed([question])
    assert vectors is not None
    return vectors[0]


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "question",
    [
        DESIGN,
        "Suppose you are asked to lead a project in an area you know little about. How would "
        "you get started?",
        "How would you explain a p-value to a product manager?",
    ],
)
def test_a_question_asking_what_you_would_do_is_a_plan_however_worded(question: str) -> None:
    assert asks_for_a_plan(question, vector(question))
    assert question_kind(question) == "would_do"


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    "question",
    [
        "How would you describe your leadership style?",
        "What skills would you like to develop over the next year?",
        "Tell me about a time you had to handle an angry customer. What did you do?",
        "Why do you want to work here?",
    ],
)
def test_would_you_that_asks_for_no_plan_is_not_one(question: str) -> None:
    assert not asks_for_a_plan(question, vector(question))
    assert question_kind(question) != "would_do"


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_for_a_design_question_gets_no_story_tips_and_measures_its_steps() -> None:
    analysis = analyse_answer(text=DESIGN_PLAN, question=DESIGN).as_dict()
    assert analysis["relevance"]["kind"] == "would_do"
    rules = [tip["rule"] for tip in analysis["tips"]]
    assert not any(rule.startswith("STAR") for rule in rules), rules
    assert measured_rating(analysis) == 5


@given(st.text(max_size=200))
def test_the_grammar_facts_are_zero_or_one(question: str) -> None:
    assert set(grammar(question)) <= {0.0, 1.0}


def test_grammar_reads_a_condition_and_a_past_story() -> None:
    assert grammar("How'd you go about it if you were in charge?") == (1.0, 0.0)
    assert grammar("Walk me through how you'd handle it.") == (1.0, 1.0)
    assert grammar("Tell me about a time you failed.") == (0.0, 1.0)


def test_the_model_was_chosen_on_development_questions_only_and_beats_the_words() -> None:
    # questions/heldout.json was held-out until it was read once (tests/data/README.md);
    # heldout2.json and heldout3.json are held-out.
    assert "heldout2" not in SCRIPT.read_text()
    assert "heldout3" not in SCRIPT.read_text()
    shipped = json.loads(plan_questions.WEIGHTS.read_text())
    # dev3.json (follow-ups and short questions) is trained on in every fold, never left out.
    assert shipped["trained_on"] == ["dev.json", "heldout.json", "dev2.json", "dev3.json"]
    assert shipped["layers"]
    assert len(shipped["weights"]) == 384 * 3
    assert len(shipped["grammar_weights"]) == len(plan_questions.GRAMMAR)
    # Each set read by a model trained on the other two, by other labellers; the rule before
    # read .61 of dev.json's plans and .17 of heldout.json's.
    assert shipped["cv"]["recall"] > 0.8
    assert shipped["cv"]["precision"] > 0.9


@pytest.mark.usefixtures("sentence_model")
def test_retraining_reproduces_the_shipped_weights_to_float_rounding() -> None:
    assert_retraining_reproduces(SCRIPT)


@pytest.mark.usefixtures("sentence_model")
def test_a_probability_is_a_probability() -> None:
    p = plan_probability(DESIGN, vector(DESIGN))
    assert 0.5 < p <= 1.0


@pytest.mark.usefixtures("sentence_model")
def test_a_stand_in_embedder_passed_in_is_the_one_asked_for_the_middle_layers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The docstring's promise: without a model that gives the middle layers, the vector and
    # words alone are read. A stand-in passed to `question_kind` (as `question_relevance`'s
    # `model`) had the reader's MiniLM run for the question's layers all the same.
    from prepcoach.coach import reader_inputs

    real = reader.embedder()
    assert real is not None
    minilm = real.embed

    class StandIn:  # MiniLM's vectors, no `embed_layers`
        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return minilm(texts)

    class ReadersModel:
        def embed_layers(self, texts: Sequence[str]) -> list[list[float]]:
            raise AssertionError(f"the reader's model was run for {texts}")

    monkeypatch.setattr(reader_inputs, "MIDDLE", reader_inputs._MiddleStates(16))
    monkeypatch.setattr(reader_inputs, "_embedder", ReadersModel)
    stand_in = StandIn()
    kind = question_kind(DESIGN, stand_in)  # the reader's model is not run
    v = np.asarray(stand_in.embed([DESIGN])[0], dtype=np.float64)
    m = plan_questions.model()
    zeros = np.zeros(reader_inputs.INPUT_WIDTH - len(v))
    logit = float(np.hstack([v, zeros]) @ np.array(m.weights))
    logit += float(np.dot(grammar(DESIGN), m.grammar_weights)) + m.bias
    p = plan_probability(DESIGN, v, stand_in)
    assert p == pytest.approx(1 / (1 + np.exp(-logit)))  # the layers read as zeros
    assert (kind == "would_do") == (p >= m.cut)


# Story questions worded without "tell me about", "describe" or "a time": the words alone read
# each as asking for neither a story nor a plan, so its answer was scored on point, support
# and fit and counted on no STAR part.
STORIES_IN_OTHER_WORDS = (
    "What's the worst shift you've ever worked, and what did you do about it?",
    "Talk us through a mistake that cost your team time.",
    "What was your toughest negotiation with a supplier?",
    "Have you had to deliver bad news to a client?",
)
# Questions asking for neither, two of them in words the word rule read as a story's.
NEITHER = (
    "Tell me about yourself.",
    "Walk me through your CV.",
    "What motivates you?",
    "Why are you leaving your current role?",
)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("question", STORIES_IN_OTHER_WORDS)
def test_a_story_question_in_other_words_asks_for_a_story(question: str) -> None:
    assert asks_for_neither_by_words(question)  # what the rule before read
    assert plan_questions.asks_for_a_story(question, vector(question))
    assert asked_for(question) == "story"
    assert rubric_for("answer", asked_for(question)) == REVIEW_RUBRIC


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("question", NEITHER)
def test_a_question_asking_for_neither_is_read_so_whatever_its_words(question: str) -> None:
    assert not plan_questions.asks_for_a_story(question, vector(question))
    assert asked_for(question) == "neither"
    assert rubric_for("answer", asked_for(question)) == DIRECT_REVIEW_RUBRIC


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_question_never_asks_for_neither() -> None:
    # The story model is read only of a question that is no plan: a plan question, by its
    # stored reading or read now, never asks for neither.
    assert not asks_for_neither(DESIGN)
    assert not asks_for_neither("Why do you want this job?", plan=True)
    assert asks_for_neither("Why do you want this job?", plan=False)


def test_without_a_sentence_model_the_words_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "embed", lambda texts, model=None: None)
    assert asks_for_neither(STORIES_IN_OTHER_WORDS[0])
    assert not asks_for_neither("Tell me about a time you failed.")


def test_the_story_model_was_chosen_on_development_questions_only() -> None:
    shipped = json.loads(plan_questions.STORY_WEIGHTS.read_text())
    assert shipped["trained_on"] == ["dev.json", "heldout.json", "dev2.json", "dev3.json"]
    assert len(shipped["grammar_weights"]) == len(plan_questions.GRAMMAR)
    # Each set read by both models trained on the other two: the plan model and the words
    # read .878 of them (three-way) and the models .936.
    assert shipped["cv"]["accuracy"] > 0.9
    assert shipped["cv"]["neither_precision"] > 0.85
