"""Train the strength-in-disguise reader (`coach.weakness_disguise`) on the labelled development
answers and write `src/prepcoach/coach/weakness_disguise_weights.json`. Deterministic: a
logistic regression by Newton's method from zero weights (`goal_models.fit_logistic`), fixed
folds, weights rounded to 7 significant digits; `--check` retrains and compares with the shipped
file to float rounding (`coach.retraining`).

    .venv/bin/python scripts/train_weakness_disguise.py           # cross-validate, train, write
    .venv/bin/python scripts/train_weakness_disguise.py --check   # retrain; compare with the file

An answer is one row (`weakness_disguise.answer_row`): its first sentence's inputs beside the
mean of the rest's (`reader_inputs.inputs`, split as the report splits it), labelled 1 when its
`named` label is "strength" (the only weakness it names is a strength in disguise,
`tests/data/weakness/GUIDE.md`). Only the development answers are read (`DEVELOPMENT`); the
held-out split written for the next check is never named here.

The rule was written before any figure (forty-eighth session): three inputs were compared by
out-of-fold AUC (5 folds, answer i in fold i mod 5) and the simplest kept unless another beat it
by .01: on the first 280 answers the mean of all sentences' inputs (.985), the first sentence
beside the mean of the rest (.990) and the likeliest sentence of a sentence model (.981), so the
mean shipped; retrained on 420 (with `heldout2.json` and `heldout3.json`), the mean .968 and the
first beside the rest .982, so that shipped; on 620 (with `heldout4.json` and `dev3.json`) .951
and .960, the same. There, a model of its own for "a real weakness" (named "real" against the
rest) was compared with the second cut under a rule written first: nested right .901 of 456
against .914 of 409, so the cut stayed. The L2 strength is chosen by out-of-fold AUC. The
one cut ("a strength in disguise" at or above it; below, nothing is said) is the lowest on the
out-of-fold scores with at least `MIN_SAID` answers said of which a `TARGETS` share are
strengths; the target is the lowest whose nested figures (the cut chosen on four folds, read on
the fifth) are right at least `RIGHT` of the time. Calling a real weakness a humblebrag is the
costly mistake, so the reading speaks only where it is nearly always right. The target is chosen
by its nested figure, so that figure is a little optimistic (on the first 280 answers .90 and
.92 held .897 and .893, .94 held .926).

A second cut, `low` (written after a review found silence counted as naming a real weakness in a
goal): an answer at or below it reads as naming a real weakness (its label "real", neither a
strength nor none), chosen the same way for the answers at or below it; between the cuts the
improvement area does not judge the answer."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_weakness_steps import DATA, FOLDS, L2, auc, rounded  # noqa: E402

from prepcoach.coach import reader  # noqa: E402
from prepcoach.coach.goal_models import fit_logistic  # noqa: E402
from prepcoach.coach.reader_inputs import inputs  # noqa: E402
from prepcoach.coach.retraining import check_or_write  # noqa: E402
from prepcoach.coach.weakness_disguise import WEIGHTS, answer_row  # noqa: E402

# The steps reader's development sets, the three held-out sets read once each (aggregates only,
# their misses never opened) in the forty-seventh and forty-eighth sessions (heldout3.json and
# heldout4.json were written to vary the disguises: the reader trained without them caught 7 of
# 26 and 8 of 25), and dev3.json, written to train it on many kinds of disguise.
DEVELOPMENT = (
    *(DATA / name for name in ("dev.json", "heldout.json", "dev2.json")),
    DATA / "heldout2.json",
    DATA / "heldout3.json",
    DATA / "heldout4.json",
    DATA / "dev3.json",
)
RIGHT = 0.9
TARGETS = (0.9, 0.92, 0.94, 0.96, 0.98)
MIN_SAID = 8

Array = NDArray[np.float64]


def load() -> tuple[Array, NDArray[np.int64], NDArray[np.int64]]:
    """Each development answer's row, its label (1: a strength in disguise) and whether it
    names a real weakness (1: `named` is "real")."""
    rows, labels, real = [], [], []
    for path in DEVELOPMENT:
        for item in json.loads(path.read_text(encoding="utf-8")):
            sentences = reader.sentences_of(str(item["answer"]))[: reader.MAX_SENTENCES]
            x = inputs(sentences, reader.embed(sentences))
            assert x is not None, "the MiniLM sentence model is not installed"
            rows.append(answer_row(np.asarray(x, dtype=np.float64)))
            labels.append(int(item["named"] == "strength"))
            real.append(int(item["named"] == "real"))
    return np.vstack(rows), np.array(labels, dtype=np.int64), np.array(real, dtype=np.int64)


def fit(x: Array, y: NDArray[np.int64], l2: float) -> Array:
    out: Array = fit_logistic(x, y, 2, l2)[0]
    return out


def probabilities(w: Array, x: Array) -> Array:
    out: Array = 1 / (1 + np.exp(-np.clip(x @ w[:-1] + w[-1], -30, 30)))
    return out


def out_of_fold(x: Array, y: NDArray[np.int64], l2: float) -> Array:
    fold = np.arange(len(y)) % FOLDS
    p = np.zeros(len(y))
    for k in range(FOLDS):
        p[fold == k] = probabilities(fit(x[fold != k], y[fold != k], l2), x[fold == k])
    return p


def choose_cut(p: Array, y: NDArray[np.int64], target: float) -> float:
    for cut in sorted(set(np.round(p, 4).tolist())):
        said = p >= cut
        if said.sum() >= MIN_SAID and y[said].mean() >= target:
            return float(cut)
    return 1.01  # never said


def choose_low(p: Array, real: NDArray[np.int64], target: float) -> float:
    for cut in sorted(set(np.round(p, 4).tolist()), reverse=True):
        said = p <= cut
        if said.sum() >= MIN_SAID and real[said].mean() >= target:
            return float(cut)
    return -0.01  # never said


def nested_low(p: Array, real: NDArray[np.int64], target: float) -> dict[str, float]:
    fold = np.arange(len(real)) % FOLDS
    said = np.zeros(len(real), dtype=bool)
    for k in range(FOLDS):
        said[fold == k] = p[fold == k] <= choose_low(p[fold != k], real[fold != k], target)
    return figures(said, real)


def figures(said: NDArray[np.bool_], y: NDArray[np.int64]) -> dict[str, float]:
    return {
        "said": float(said.sum()),
        "right_of_said": float(y[said].mean()) if said.any() else 0.0,
        "recall": float(said[y == 1].mean()) if (y == 1).any() else 0.0,
    }


def nested(p: Array, y: NDArray[np.int64], target: float) -> dict[str, float]:
    fold = np.arange(len(y)) % FOLDS
    said = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        said[fold == k] = p[fold == k] >= choose_cut(p[fold != k], y[fold != k], target)
    return figures(said, y)


def train(report: bool) -> dict[str, Any]:
    say = print if report else (lambda *_: None)
    x, y, real = load()
    say(f"{len(y)} development answers, {int(y.sum())} strengths in disguise")
    best: tuple[float, float, Array] | None = None
    for l2 in L2:
        p = out_of_fold(x, y, l2)
        a = auc(p, y)
        say(f"  l2={l2:g}: out-of-fold AUC {a:.3f}")
        if best is None or a > best[0] + 1e-9:
            best = (a, l2, p)
    assert best is not None
    a, l2, p = best
    target = next((t for t in TARGETS if nested(p, y, t)["right_of_said"] >= RIGHT), 2.0)
    cut = choose_cut(p, y, target)
    honest = nested(p, y, target)
    say(f"  chosen l2={l2:g}; cut {cut} for {target} right on the out-of-fold scores")
    say(f"  out of fold at the cut: {figures(p >= cut, y)}")
    say(f"  nested (cut chosen without the fold): {honest}")
    low_target = next((t for t in TARGETS if nested_low(p, real, t)["right_of_said"] >= RIGHT), 2.0)
    low = min(choose_low(p, real, low_target), cut - 0.0001)
    real_honest = nested_low(p, real, low_target)
    say(f"  low cut {low} for {low_target} right ('a real weakness'); nested: {real_honest}")
    return {
        "about": "Written by scripts/train_weakness_disguise.py from the development sets of "
        "tests/data/weakness/ (trained_on); do not edit by hand "
        "(tests/coach/test_weakness_disguise.py retrains and compares).",
        "trained_on": [path.name for path in DEVELOPMENT],
        "l2": l2,
        "target": target,
        "cut": cut,
        "low_target": low_target,
        "low": low,
        "cv": {"auc": round(a, 4), **{k: round(v, 4) for k, v in honest.items()}},
        "cv_real": {k: round(v, 4) for k, v in real_honest.items()},
        "weights": rounded(fit(x, y, l2)),
    }


def main() -> int:
    return check_or_write(lambda report: train(report=report), WEIGHTS, sys.argv)


if __name__ == "__main__":
    sys.exit(main())
