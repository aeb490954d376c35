"""Small trained models behind the SMART check: is a goal specific, is it measurable, and which
kind of preparation is it (or none).

Each model is a logistic regression in numpy over a goal's sentence embedding (all-MiniLM-L6-v2,
`embeddings.load_embedder`, loaded once per process) and/or a few structural features: a number
with a unit, a frequency, a done-or-not deliverable, an action verb, a concrete object, a proper
name, a vague phrase, the length. Which inputs each model uses, and how strongly it is
regularised, was chosen by cross-validation on the development sets only
(`scripts/train_goal_models.py`, which also writes the weights into `goal_weights.py`).

The models decide; the evidence quoted to the user still comes from the words (the count, the
deliverable, the name), so every verdict says what it relied on.
"""

from __future__ import annotations

import base64
import json
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from prepcoach.coach.quantities import Quantity, stray_numbers
from prepcoach.coach.smart_words import (
    ACTION_RE,
    COMPLETION_RE,
    CONCRETE_RE,
    PROPER_NOUN_RE,
    QUALIFIER_RE,
    VAGUE_RE,
)
from prepcoach.coach.text import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from prepcoach.coach.patterns import Embedder

KINDS = ("knowledge", "skills", "behavioral", "networking", "none")
STRUCTURE_NAMES = (
    "count", "frequency", "rate", "money_or_unit", "deliverable", "bare_number", "action",
    "concrete", "proper_name", "qualifier", "vague", "short", "length",
)  # fmt: skip


def structure(text: str, quantities: Sequence[Quantity]) -> list[float]:
    """The structural features of a goal, in STRUCTURE_NAMES order (all 0/1 but the length).
    `text` is the goal without its deadline's words: a deadline makes a goal time-bound, not
    specific or measurable, and the models should not learn that well-written goals tend to
    have both."""
    counted = [q for q in quantities if not q.frequency]
    n_words = len(words(text))
    names = [a or b for a, b in PROPER_NOUN_RE.findall(text)]
    flags = [
        any(q.comparator in {"=", ">="} and " " in q.text for q in counted),
        any(q.frequency for q in quantities),
        any(q.comparator in {"<", "<=", ">"} or "per" in q.unit or q.unit == "%" for q in counted),
        any(" " not in q.text for q in counted),
        COMPLETION_RE.search(text) is not None,
        bool(stray_numbers(text)),  # not "Angular 17", "Form 1040", "2027"
        ACTION_RE.search(text) is not None,
        CONCRETE_RE.search(text) is not None,
        bool(names),
        QUALIFIER_RE.search(text) is not None,
        VAGUE_RE.search(text) is not None,
        n_words < 4,
    ]
    return [float(f) for f in flags] + [math.log1p(n_words) / 3]


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    probability: float  # of that label


@lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The sentence model, loaded once per process (about a second, ~100 MB)."""
    from prepcoach.coach.embeddings import load_embedder

    return load_embedder(threads=1)


@lru_cache(maxsize=4096)
def embed(text: str) -> tuple[float, ...] | None:
    model = embedder()
    if model is None:
        return None
    return tuple(model.embed([text])[0])


@lru_cache(maxsize=1)
def shipped() -> dict[str, Any]:
    """The trained weights in goal_weights.py, or {} when there are none yet."""
    from prepcoach.coach import goal_weights

    if not goal_weights.PAYLOAD:
        return {}
    loaded: dict[str, Any] = json.loads(zlib.decompress(base64.b64decode(goal_weights.PAYLOAD)))
    return loaded


def inputs(spec: str, embedding: Sequence[float], extra: Sequence[float]) -> list[float]:
    """The vector a model with this input spec reads: the embedding ("emb"), the other
    features ("struct": the structure, or for the kind model "cues": the keyword scores), or
    both ("emb+struct", "emb+cues")."""
    parts: list[float] = []
    if "emb" in spec:
        parts += list(embedding)
    if "struct" in spec or "cues" in spec:
        parts += list(extra)
    return parts


def predict(name: str, text: str, struct: Sequence[float]) -> Prediction | None:
    """A shipped model's answer for one goal, `struct` being its non-embedding features; None
    when the model or the embedder is missing."""
    model = shipped().get(name)
    if model is None:
        return None
    embedding: Sequence[float] = ()
    if "emb" in model["inputs"]:
        found = embed(text)
        if found is None:
            return None
        embedding = found
    import numpy as np

    x = np.asarray(inputs(model["inputs"], embedding, struct), dtype=np.float64)
    x = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
    weights = np.asarray(model["weights"], dtype=np.float64)
    scores = weights @ np.append(x, 1.0)
    labels: list[str] = model["labels"]
    probabilities = _softmax(scores) if len(labels) > 2 else _binary(float(scores[0]))
    best = int(np.argmax(probabilities))
    return Prediction(labels[best], float(probabilities[best]))


def _binary(score: float) -> NDArray[np.float64]:
    import numpy as np

    p = 1 / (1 + math.exp(-score))
    return np.asarray([1 - p, p])


def _softmax(scores: NDArray[np.float64]) -> NDArray[np.float64]:
    import numpy as np

    shifted = np.exp(scores - scores.max())
    result: NDArray[np.float64] = shifted / shifted.sum()
    return result


# --- training (used by scripts/train_goal_models.py and its test) ----------------------------


def fit_logistic(
    x: NDArray[np.float64], y: NDArray[np.int64], classes: int, l2: float, steps: int = 60
) -> NDArray[np.float64]:
    """Weights (classes or 1 row × features+1) of an L2-regularised logistic regression, by
    Newton's method (binary) or one-vs-rest Newton fits (more classes): deterministic, no
    learning rate to tune."""
    import numpy as np

    design = np.hstack([x, np.ones((x.shape[0], 1))])
    targets = [y == 1] if classes == 2 else [y == c for c in range(classes)]
    rows = []
    penalty = l2 * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    for target in targets:
        t = target.astype(np.float64)
        w = np.zeros(design.shape[1])
        for _ in range(steps):
            p = 1 / (1 + np.exp(-np.clip(design @ w, -30, 30)))
            gradient = design.T @ (p - t) + penalty @ w
            hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
            step = np.linalg.solve(hessian + 1e-9 * np.eye(len(w)), gradient)
            w -= step
            if float(np.abs(step).max()) < 1e-8:
                break
        rows.append(w)
    return np.vstack(rows)


def standardise(x: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean, scale
