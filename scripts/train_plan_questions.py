"""Train the plan-question model (`coach.plan_questions`) on the labelled development questions
and write `src/prepcoach/coach/plan_question_weights.json`. Deterministic: Newton's method on an
L2-regularised logistic loss from zero weights (`goal_models.fit_logistic`), fixed folds,
weights rounded to 7 significant digits; `--check` retrains and compares with the shipped file
to float rounding (`coach.retraining`: another onnxruntime or numpy build moves an embedding's
last bits).

    .venv/bin/python scripts/train_plan_questions.py           # cross-validate, train, write
    .venv/bin/python scripts/train_plan_questions.py --check   # retrain; compare

Only `tests/data/questions/dev.json` is read (`DEVELOPMENT`). Candidates (the question's vector
alone, or with its two grammar facts; each at several L2 strengths) are compared by F1 on the
plan label in 5-fold cross-validation (fold = index mod 5); the simplest (the vector alone
before the grammar, stronger L2 before weaker) within `SIMPLER` of the best F1 is kept. The cut
is 0.5: the model's own odds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from prepcoach.coach import plan_questions, reader  # noqa: E402
from prepcoach.coach.goal_models import fit_logistic  # noqa: E402
from prepcoach.coach.retraining import differences  # noqa: E402

DEVELOPMENT = ROOT / "tests" / "data" / "questions" / "dev.json"
OUT = plan_questions.WEIGHTS
FOLDS = 5
L2 = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SIMPLER = 0.005
CUT = 0.5


def load() -> tuple[list[str], np.ndarray, np.ndarray]:
    """The questions, their unit vectors (n × 384) and labels (1: plan)."""
    items = json.loads(DEVELOPMENT.read_text(encoding="utf-8"))
    questions = [str(item["question"]) for item in items]
    vectors = reader.embed(questions)
    if vectors is None:
        raise SystemExit("the MiniLM packages are not installed")
    labels = np.array([item["label"] == "plan" for item in items], dtype=np.int64)
    return questions, np.asarray(vectors, dtype=np.float64), labels


def design(questions: list[str], vectors: np.ndarray, with_grammar: bool) -> np.ndarray:
    if not with_grammar:
        return vectors
    return np.hstack([vectors, np.array([plan_questions.grammar(q) for q in questions])])


def scores(predicted: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    tp = int((predicted & (labels == 1)).sum())
    fp = int((predicted & (labels == 0)).sum())
    fn = int((~predicted & (labels == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float((predicted == (labels == 1)).mean())
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy,
            "false_plans": fp}  # fmt: skip


def cross_validate(x: np.ndarray, labels: np.ndarray, l2: float) -> dict[str, float]:
    folds = np.arange(len(labels)) % FOLDS
    probability = np.zeros(len(labels))
    for k in range(FOLDS):
        train = folds != k
        w = fit_logistic(x[train], labels[train], 2, l2)[0]
        logit = x[~train] @ w[:-1] + w[-1]
        probability[~train] = 1 / (1 + np.exp(-np.clip(logit, -30, 30)))
    return scores(probability >= CUT, labels)


def train(report: bool) -> dict[str, object]:
    questions, vectors, labels = load()
    notes = [f"{FOLDS}-fold cross-validation on {len(labels)} questions ({labels.sum()} plans):"]
    tried: list[tuple[bool, float, dict[str, float]]] = []
    for with_grammar in (False, True):  # simpler first
        x = design(questions, vectors, with_grammar)
        for l2 in sorted(L2, reverse=True):  # stronger L2 (simpler) first
            found = cross_validate(x, labels, l2)
            notes.append(
                f"vector{' + grammar' * with_grammar}, L2 {l2}: P {found['precision']:.3f} "
                f"R {found['recall']:.3f} F1 {found['f1']:.3f} accuracy {found['accuracy']:.3f}"
            )
            if report:
                print(notes[-1], flush=True)
            tried.append((with_grammar, l2, found))
    top = max(found["f1"] for _, _, found in tried)
    # The simplest (`tried` runs simplest first) within SIMPLER of the best.
    with_grammar, l2, found = next(t for t in tried if t[2]["f1"] >= top - SIMPLER)
    notes.append(f"kept: vector{' + grammar' * with_grammar}, L2 {l2}")
    w = fit_logistic(design(questions, vectors, with_grammar), labels, 2, l2)[0]
    weights = [float(f"{v:.7g}") for v in w[:-1]]
    if not with_grammar:
        weights += [0.0] * len(plan_questions.GRAMMAR)
    return {
        "notes": notes,
        "trained_on": DEVELOPMENT.name,
        "grammar": list(plan_questions.GRAMMAR),
        "l2": l2,
        "cut": CUT,
        "cv": {key: round(value, 4) for key, value in found.items()},
        "bias": float(f"{w[-1]:.7g}"),
        "weights": weights,
    }


def main() -> int:
    check = "--check" in sys.argv
    content = train(report=not check)
    if check:
        shipped = json.loads(OUT.read_text()) if OUT.exists() else None
        moved = differences(shipped, content) if shipped is not None else ["no shipped file"]
        print("shipped weights reproduced" if not moved else "shipped weights differ")
        print("\n".join(moved))
        return 0 if not moved else 1
    OUT.write_text(json.dumps(content, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
