"""Whether an answer to a weakness question says what the speaker does about the weakness: the
steps (a habit, a tool, a rule, a course, asking for feedback), with the sentences that say them.

A trial's answer to "What is your greatest weakness?" named a strength in disguise ("I care too
much about getting things right … I never miss a deadline") and its report said "Nothing stands
out to fix in this answer". Interviewers listen for a real weakness and what the candidate does
about it. The answer reader, trained on stories, reads a present habit ("To manage it, I ask
why the process exists before I push to change it") as no action, so the steps have a reader
of their own: a logistic regression over each sentence's MiniLM vector and middle layers'
states (`reader_inputs.inputs`, as the reader reads them), trained on answers labelled by
`tests/data/weakness/GUIDE.md` (`scripts/train_weakness_steps.py`, weights in
`weakness_step_weights.json`). An answer's score is its likeliest sentence's; two cuts chosen
out of fold make three outcomes: steps said, none said, or "can't tell"."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach import reader
from prepcoach.coach.reader_inputs import inputs

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

WEIGHTS = Path(__file__).with_name("weakness_step_weights.json")


@dataclass(frozen=True, slots=True)
class StepModel:
    weights: NDArray[np.float64]  # over a sentence's inputs (`reader_inputs.INPUT_WIDTH`)
    bias: float
    # An answer whose likeliest sentence scores at least `high` says a step; at most `low`,
    # none; between, prepcoach can't tell (chosen by the trainer out of fold).
    high: float
    low: float


@dataclass(frozen=True, slots=True)
class Steps:
    """`said`: the answer says a step the speaker takes on the weakness (True), says none
    (False), or prepcoach can't tell (None). `evidence`: the sentences read as steps (when
    said); `nearest`: the sentence likeliest to be one, quoted beside "none" and "can't tell";
    `probability`: that sentence's (0-1); `opening`: the first sentence, quoted beside "none
    said" (the likeliest sentence of an answer with no step is no evidence of one)."""

    said: bool | None
    evidence: tuple[str, ...]
    nearest: str
    probability: float
    opening: str = ""  # the answer's first sentence, where it names the weakness


@functools.cache
def step_model() -> StepModel:
    """The shipped model. Raises OSError if its file is missing from the install."""
    saved = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    weights = np.array(saved["weights"], dtype=np.float64)
    return StepModel(weights[:-1], float(weights[-1]), float(saved["high"]), float(saved["low"]))


def step_probabilities(
    x: NDArray[np.float64], model: StepModel | None = None
) -> NDArray[np.float64]:
    """Each sentence's probability of stating a step, for the sentences' inputs `x` (n ×
    `reader_inputs.INPUT_WIDTH`)."""
    found = model or step_model()
    logits = np.asarray(x, dtype=np.float64) @ found.weights + found.bias
    out: NDArray[np.float64] = 1 / (1 + np.exp(-np.clip(logits, -30, 30)))
    return out


def read_steps(sentences: Sequence[str], embedder: Embedder | None = None) -> Steps | None:
    """The steps in an answer given as its sentences (`reader.sentences_of`). None with no
    sentence, or where no model gives the sentences' vectors and middle layers (a test's
    stand-in embedder)."""
    sentences = list(sentences)[: reader.MAX_SENTENCES]  # as the trainer reads them
    if not sentences:
        return None
    vectors = reader.embed(sentences, embedder)
    x = inputs(sentences, vectors, embedder)
    if x is None:
        return None
    model = step_model()
    p = step_probabilities(x, model)
    best = int(p.argmax())
    top = float(p[best])
    said = True if top >= model.high else False if top <= model.low else None
    evidence = tuple(s for s, q in zip(sentences, p, strict=True) if q >= model.high)
    return Steps(said, evidence if said else (), sentences[best], round(top, 3), sentences[0])
