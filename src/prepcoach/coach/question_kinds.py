"""The kind of an interview question (`tests/data/questions/KINDS.md`: a story, a success, a
failure, a conflict, motivation, what to develop, a weakness, a strength, what one would do, an
approach, knowledge, oneself), named by a trained model: a logistic regression per kind (one
against the rest) over the question's MiniLM unit vector and its middle layers' states
(`reader_inputs.inputs`: they carry a question's stance, "did", "would", "do", more than the
topic-trained last layer), trained on 520 labelled questions and the kinds' prototypes
(`scripts/train_question_kinds.py`, weights in `question_kind_weights.json`).

It names the kind the report, the tips and the verdict's withholding go by
(`relevance.question_kind`, `relevance.question_relevance`). The kinds' prototypes alone (the
nearest of their mean vectors) named "Why should we hire you over other candidates?" a
motivation question, though "Why should we hire you?" is one of the strength prototypes: one
question's vector sits between a few prototypes by its first word as much as by what it asks.
Out of fold on the labelled questions the prototypes' likeliest kind was right .706 of the time,
this model's .88 (the trainer prints the figures). The relevance verdict's own inputs, the
similarities to the prototypes (`relevance_model.question_kinds`), are unchanged: it was
trained on them."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.embeddings import WIDTH
from prepcoach.coach.reader_inputs import inputs

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

WEIGHTS = Path(__file__).with_name("question_kind_weights.json")


@dataclass(frozen=True, slots=True)
class KindModel:
    kinds: tuple[str, ...]
    # kinds × 384 over a question's unit vector, or × `INPUT_WIDTH` with its middle layers'
    # states after it (`layers`)
    weights: NDArray[np.float64]
    bias: NDArray[np.float64]  # kinds
    # The least probability at which the likeliest kind is named; below it, "can't tell"
    # (chosen by the trainer out of fold).
    sure: float
    layers: bool = False


@functools.cache
def kind_model() -> KindModel:
    """The shipped model. Raises OSError if its file is missing from the install."""
    saved = json.loads(WEIGHTS.read_text())
    weights = np.array(saved["weights"], dtype=np.float64)
    return KindModel(
        tuple(saved["kinds"]), weights[:, :-1], weights[:, -1], float(saved["sure"]),
        bool(saved["layers"]),
    )  # fmt: skip


def model_inputs(
    question: str,
    vector: NDArray[np.float64],
    embedder: Embedder | None = None,
    model: KindModel | None = None,
) -> NDArray[np.float64] | None:
    """What the model reads of `question`: its unit vector (384 floats, `reader.embed`), and
    with `KindModel.layers` its middle layers' states after it (`reader_inputs.inputs`, by
    `embedder`, None: the reader's). None where the model reads the layers and no model gives
    them (a test's stand-in): zeros in their place read most questions as "knowledge"."""
    found = model or kind_model()
    x = np.asarray(vector, dtype=np.float64).reshape(1, -1)[:, :WIDTH]
    if not found.layers:
        alone: NDArray[np.float64] = x[0]
        return alone
    layered = inputs([question], x, embedder)
    if layered is None:
        return None
    out: NDArray[np.float64] = np.asarray(layered[0], dtype=np.float64)
    return out


def kind_probabilities(
    x: NDArray[np.float64], model: KindModel | None = None
) -> NDArray[np.float64]:
    """Each kind's probability (in `KindModel.kinds`' order, summing to 1) for a question's
    inputs `x` (`model_inputs`): each kind's own logistic model, normalised over the kinds."""
    found = model or kind_model()
    logits = found.weights @ np.asarray(x, dtype=np.float64) + found.bias
    each = 1 / (1 + np.exp(-np.clip(logits, -30, 30)))
    out: NDArray[np.float64] = each / each.sum()
    return out


def likeliest_kind(
    question: str, vector: NDArray[np.float64], embedder: Embedder | None = None
) -> tuple[str | None, float]:
    """The likeliest kind of `question`, whose unit vector is `vector` (`reader.embed`, by
    `embedder`, None: the reader's), and its probability (0-1); (None, 0.0) where the model
    cannot read it (`model_inputs`)."""
    found = kind_model()
    x = model_inputs(question, vector, embedder, found)
    if x is None:
        return None, 0.0
    probabilities = kind_probabilities(x, found)
    best = int(probabilities.argmax())
    return found.kinds[best], float(probabilities[best])
