"""Whether an answer to a weakness question names only a strength in disguise as its weakness
("I'm a perfectionist", "I care too much", "I work too hard", with no cost said), quoting the
sentence that reads most like one.

A trial's answer to "What is your greatest weakness?" was "I care too much about getting things
right … I never miss a deadline", and its report said "Nothing stands out to fix in this
answer". Interviewers hear such an answer as a dodge. The reader is a logistic regression over
the answer's first sentence's inputs beside the mean of the rest's (`reader_inputs.inputs`: each
sentence's MiniLM vector and middle layers' states; the weakness is usually named first),
trained on answers labelled by `tests/data/weakness/GUIDE.md`
(`scripts/train_weakness_disguise.py`, weights in `weakness_disguise_weights.json`). It says
"a strength in disguise" only at or above a cut chosen on out-of-fold scores (nested, right .915
of the 106 times it spoke, catching .618 of 157; a little optimistic: the target was chosen by
that figure), and "a real weakness" only at or below a second cut (nested, right .914 of 409);
between the two, prepcoach says nothing about the weakness. Sets written to vary the disguises
(`heldout3.json`, `heldout4.json`) found the reader trained on the stock phrases catching about a
third of them, so it was retrained with them and with `dev3.json`, written for that."""

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

WEIGHTS = Path(__file__).with_name("weakness_disguise_weights.json")


@dataclass(frozen=True, slots=True)
class DisguiseModel:
    weights: NDArray[np.float64]  # over an answer's row (`answer_row`: 2 × INPUT_WIDTH)
    bias: float
    cut: float  # the answer reads as a strength in disguise at or above this probability
    low: float  # ... and as naming a real weakness at or below this one


@dataclass(frozen=True, slots=True)
class Disguise:
    """`disguised`: the only weakness the answer names reads as a strength in disguise (True),
    or prepcoach does not say so (False: not by itself a verdict that the weakness is real).
    `real`: the answer reads as naming a real weakness (at or below the model's `low`); neither
    flag between the cuts. `probability`: the answer's (0-1). `evidence`: the sentence whose own
    row scores highest, quoted where the answer is read as disguised."""

    disguised: bool
    probability: float
    evidence: str
    real: bool = False


def answer_row(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """An answer's row for the model: its first sentence's inputs, then the mean of the other
    sentences' (the first's again for an answer of one sentence) (n × INPUT_WIDTH -> 2 ×
    INPUT_WIDTH)."""
    x = np.asarray(x, dtype=np.float64)
    rest = x[1:].mean(axis=0) if len(x) > 1 else x[0]
    out: NDArray[np.float64] = np.concatenate([x[0], rest])
    return out


@functools.cache
def disguise_model() -> DisguiseModel:
    """The shipped model. Raises OSError if its file is missing from the install."""
    saved = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    weights = np.array(saved["weights"], dtype=np.float64)
    return DisguiseModel(weights[:-1], float(weights[-1]), float(saved["cut"]), float(saved["low"]))


def _probability(rows: NDArray[np.float64], model: DisguiseModel) -> NDArray[np.float64]:
    logits = np.asarray(rows, dtype=np.float64) @ model.weights + model.bias
    out: NDArray[np.float64] = 1 / (1 + np.exp(-np.clip(logits, -30, 30)))
    return out


def read_disguise(sentences: Sequence[str], embedder: Embedder | None = None) -> Disguise | None:
    """Whether an answer, given as its sentences (`reader.sentences_of`), names only a strength
    in disguise. None with no sentence, or where no model gives the sentences' vectors and
    middle layers (a test's stand-in embedder)."""
    sentences = list(sentences)[: reader.MAX_SENTENCES]  # as the trainer reads them
    if not sentences:
        return None
    x = inputs(sentences, reader.embed(sentences, embedder), embedder)
    if x is None:
        return None
    model = disguise_model()
    p = float(_probability(answer_row(x)[None, :], model)[0])
    # The sentence that pushes the answer most: the same weights on each sentence read as an
    # answer of its own (its row is the sentence twice).
    own = _probability(np.hstack([x, x]).astype(np.float64), model)
    return Disguise(p >= model.cut, round(p, 3), sentences[int(own.argmax())], p <= model.low)
