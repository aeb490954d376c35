"""Train the question models (`coach.plan_questions`) on the labelled development questions and
write `src/prepcoach/coach/plan_question_weights.json` (a plan against anything else) and
`story_question_weights.json` (of the questions that are no plan, a story against neither).
Deterministic: Newton's method on an
L2-regularised logistic loss from zero weights (`goal_models.fit_logistic`), each set left
out in turn (no random folds), weights rounded to 7 significant digits; `--check` retrains
and compares with the shipped file to float rounding (`coach.retraining`: another onnxruntime
or numpy build moves an embedding's last bits).

    .venv/bin/python scripts/train_plan_questions.py           # cross-validate, train, write
    .venv/bin/python scripts/train_plan_questions.py --check   # retrain; compare

Only the development questions are read (`DEVELOPMENT`: `questions/dev.json`, the former
held-out `questions/heldout.json` and `questions/dev2.json`; three labellers; and `SUPPLEMENT`,
`questions/dev3.json`). `dev3.json` holds the questions the other sets lack: an interviewer's
follow-ups and short questions leaning on the answer before ("What would that look like on the
ward?", "And then what?", "Why does that matter to you?"). The three sets had 7 plans in their
261 questions of eight words or fewer, so the models read a short plan as asking for neither
(prepcoach's own follow-up "What would that look like in your first months here?" read as
plan at 0.009, "Who would you involve, and when?" 0.027). It is always trained on, never left
out: left out, it measures only how a model reads a kind of question it never saw, which no
shipped model does, and as a fourth set of the mean it made the vector alone the "simplest
near best" though it read each of the three other sets worse. Candidates (the
question's vector alone or with MiniLM's middle layers, `reader_inputs`; each alone or with its
two grammar facts; each at several L2 strengths) are compared by F1 on the plan label with each
set left out in turn, trained on the other two (mean of the three): a model must carry to
another writer's questions. (5-fold cross-validation on `dev.json` alone chose the vector and
the grammar at F1 .973; `heldout.json`, by a writer asked to vary the wording, then read .548:
the model had learned the first labeller's words.) The simplest (the vector before the layers,
without the grammar before with it, stronger L2 before weaker) within `SIMPLER` of the best
mean F1 is kept. The cut is 0.5: the model's own odds.

The story model is trained on the same sets' story and "other" questions, with the same
candidates, compared by the three-way reading (plan, story, neither) of each left-out set by
both models trained on the other two, as `relevance.asked_for` reads a question; kept the same
way, by mean three-way accuracy. The held-out question sets are never read here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from prepcoach.coach import plan_questions, reader, reader_inputs  # noqa: E402
from prepcoach.coach.embeddings import WIDTH  # noqa: E402
from prepcoach.coach.goal_models import fit_logistic  # noqa: E402
from prepcoach.coach.retraining import differences  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions"
DEVELOPMENT = (QUESTIONS / "dev.json", QUESTIONS / "heldout.json", QUESTIONS / "dev2.json")
# Trained on in every fold and in the shipped model, never left out (the docstring says why).
SUPPLEMENT = (QUESTIONS / "dev3.json",)
OUT = (plan_questions.WEIGHTS, plan_questions.STORY_WEIGHTS)
L2 = (0.01, 0.1, 0.3, 1.0)
SIMPLER = 0.005
CUT = 0.5


Sets = list[tuple[list[str], np.ndarray, np.ndarray]]


def load(paths: tuple[Path, ...] = DEVELOPMENT) -> Sets:
    """Per set of `paths`: its questions, their inputs (n × 1152: the unit vector, then the
    middle layers' states, `reader_inputs.inputs`) and labels ("plan", "story", "other")."""
    sets = []
    for path in paths:
        items = json.loads(path.read_text(encoding="utf-8"))
        questions = [str(item["question"]) for item in items]
        inputs = reader_inputs.inputs(questions, reader.embed(questions))
        if inputs is None:
            raise SystemExit("the MiniLM packages are not installed")
        labels = np.array([str(item["label"]) for item in items])
        sets.append((questions, np.asarray(inputs, dtype=np.float64), labels))
    return sets


def design(
    questions: list[str], inputs: np.ndarray, layers: bool, with_grammar: bool
) -> np.ndarray:
    x = inputs if layers else inputs[:, : reader_inputs.WIDTH]
    if not with_grammar:
        return x
    return np.hstack([x, np.array([plan_questions.grammar(q) for q in questions])])


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


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic weights for `x`'s columns, then the bias."""
    return fit_logistic(x, y, 2, l2)[0]


def read(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Whether each row of `x` reads at `CUT` or more by weights `w` (`fit`'s)."""
    logit = x @ w[:-1] + w[-1]
    return np.asarray(1 / (1 + np.exp(-np.clip(logit, -30, 30))) >= CUT)


def is_plan(labels: np.ndarray) -> np.ndarray:
    return np.asarray(labels == "plan")


def leave_one_set_out(
    sets: Sets, layers: bool, with_grammar: bool, l2: float, supplement: Sets | None = None
) -> dict[str, float]:
    """The plan model: each set read by the model trained on the others and `supplement`; the
    mean of each figure."""
    found = []
    for k, (questions, inputs, labels) in enumerate(sets):
        rest = [s for j, s in enumerate(sets) if j != k] + (supplement or [])
        x = np.vstack([design(q, i, layers, with_grammar) for q, i, _ in rest])
        w = fit(x, np.concatenate([is_plan(y) for _, _, y in rest]).astype(np.int64), l2)
        said = read(w, design(questions, inputs, layers, with_grammar))
        found.append(scores(said, is_plan(labels).astype(np.int64)))
    return {key: float(np.mean([f[key] for f in found])) for key in found[0]}


def story_design(sets: Sets, layers: bool, with_grammar: bool) -> tuple[np.ndarray, np.ndarray]:
    """The story model's training rows: `sets`' questions labelled story or other (no plans),
    and their labels (1: story)."""
    rows, labels = [], []
    for questions, inputs, y in sets:
        keep = ~is_plan(y)
        kept = [q for q, k in zip(questions, keep, strict=True) if k]
        rows.append(design(kept, inputs[keep], layers, with_grammar))
        labels.append((y[keep] == "story").astype(np.int64))
    return np.vstack(rows), np.concatenate(labels)


def three_way(
    sets: Sets, plan: tuple[bool, bool, float], layers: bool, with_grammar: bool, l2: float,
    supplement: Sets | None = None,
) -> dict[str, float]:  # fmt: skip
    """The two models together, as `relevance.asked_for` reads a question (a plan by the plan
    model, else a story or neither by the story model): each set read by both trained on the
    others and `supplement` (the plan model with its chosen settings `plan`); the mean of the
    three-way accuracy and of "neither"'s precision and recall, the figures a rubric rests on."""
    found = []
    for k, (questions, inputs, labels) in enumerate(sets):
        rest = [s for j, s in enumerate(sets) if j != k] + (supplement or [])
        x = np.vstack([design(q, i, plan[0], plan[1]) for q, i, _ in rest])
        planned = read(
            fit(x, np.concatenate([is_plan(y) for _, _, y in rest]).astype(np.int64), plan[2]),
            design(questions, inputs, plan[0], plan[1]),
        )
        story = read(fit(*story_design(rest, layers, with_grammar), l2),
                     design(questions, inputs, layers, with_grammar))  # fmt: skip
        said = np.where(planned, "plan", np.where(story, "story", "other"))
        neither, truly = said == "other", labels == "other"
        found.append({
            "accuracy": float((said == labels).mean()),
            "neither_precision": float((neither & truly).sum() / max(neither.sum(), 1)),
            "neither_recall": float((neither & truly).sum() / max(truly.sum(), 1)),
        })  # fmt: skip
    return {key: float(np.mean([f[key] for f in found])) for key in found[0]}


def candidates() -> list[tuple[bool, bool, float]]:
    """Every candidate, simplest first: the vector before the layers, without the grammar
    before with it, stronger L2 (simpler) before weaker."""
    return [
        (layers, with_grammar, l2)
        for layers in (False, True)
        for with_grammar in (False, True)
        for l2 in sorted(L2, reverse=True)
    ]


def named(layers: bool, with_grammar: bool, l2: float) -> str:
    return f"vector{' + middle layers' * layers}{' + grammar' * with_grammar}, L2 {l2}"


def simplest_near_best(
    tried: list[tuple[bool, bool, float, dict[str, float]]], key: str
) -> tuple[bool, bool, float, dict[str, float]]:
    """The simplest (`tried` runs simplest first) within SIMPLER of the best `key`."""
    top = max(found[key] for *_, found in tried)
    return next(t for t in tried if t[3][key] >= top - SIMPLER)


def weights_of(w: np.ndarray, layers: bool) -> dict[str, object]:
    width = reader_inputs.INPUT_WIDTH if layers else WIDTH
    grammar = [float(f"{v:.7g}") for v in w[width:-1]] or [0.0] * len(plan_questions.GRAMMAR)
    return {
        "bias": float(f"{w[-1]:.7g}"),
        "weights": [float(f"{v:.7g}") for v in w[:width]],
        "grammar_weights": grammar,
    }


Tried = list[tuple[bool, bool, float, dict[str, float]]]


def compare(
    notes: list[str], figures: Callable[[bool, bool, float], dict[str, float]],
    line: Callable[[dict[str, float]], str], report: bool,
) -> Tried:  # fmt: skip
    """Every candidate's figures (`figures` of its settings), each noted (`line`) in `notes`."""
    tried: Tried = []
    for layers, with_grammar, l2 in candidates():
        found = figures(layers, with_grammar, l2)
        notes.append(f"{named(layers, with_grammar, l2)}: {line(found)}")
        if report:
            print(notes[-1], flush=True)
        tried.append((layers, with_grammar, l2, found))
    return tried


def model_file(
    notes: list[str], kept: tuple[bool, bool, float, dict[str, float]], w: np.ndarray
) -> dict[str, object]:
    """A model's weights file: its notes, the kept settings and figures, the weights `w`."""
    layers, with_grammar, l2, found = kept
    notes.append(f"kept: {named(layers, with_grammar, l2)}")
    return {
        "notes": notes,
        "trained_on": [path.name for path in DEVELOPMENT + SUPPLEMENT],
        "grammar": list(plan_questions.GRAMMAR),
        "layers": layers,
        "l2": l2,
        "cut": CUT,
        "cv": {key: round(value, 4) for key, value in found.items()},
        **weights_of(w, layers),
    }


def train(report: bool) -> tuple[dict[str, object], dict[str, object]]:
    """The plan model's file and the story model's."""
    sets, supplement = load(), load(SUPPLEMENT)
    counts = ", ".join(
        f"{path.name} {len(y)} ({is_plan(y).sum()} plans, {(y == 'story').sum()} stories)"
        for path, (_, _, y) in zip(DEVELOPMENT + SUPPLEMENT, sets + supplement, strict=True)
    )
    notes = [
        f"each set left out in turn, trained on the others: {counts}; "
        f"{', '.join(p.name for p in SUPPLEMENT)} trained on in every fold, never left out"
    ]
    tried = compare(
        notes,
        lambda layers, with_grammar, l2: leave_one_set_out(
            sets, layers, with_grammar, l2, supplement
        ),
        lambda f: (
            f"mean P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
            f"accuracy {f['accuracy']:.3f}"
        ),
        report,
    )
    kept = simplest_near_best(tried, "f1")
    layers, with_grammar, l2, _ = kept
    every = sets + supplement
    x = np.vstack([design(q, i, layers, with_grammar) for q, i, _ in every])
    w = fit(x, np.concatenate([is_plan(y) for _, _, y in every]).astype(np.int64), l2)
    plan = model_file(notes, kept, w)
    chosen = (layers, with_grammar, l2)
    story_notes = [
        "of the questions that are no plan, a story against neither; candidates compared by "
        f"the three-way reading with the plan model ({named(*chosen)}), each set left out in "
        "turn"
    ]
    story_tried = compare(
        story_notes,
        lambda layers, with_grammar, l2: three_way(
            sets, chosen, layers, with_grammar, l2, supplement
        ),
        lambda f: (
            f"mean accuracy {f['accuracy']:.3f}, neither P {f['neither_precision']:.3f} "
            f"R {f['neither_recall']:.3f}"
        ),
        report,
    )
    kept = simplest_near_best(story_tried, "accuracy")
    layers, with_grammar, l2, _ = kept
    story = model_file(story_notes, kept, fit(*story_design(every, layers, with_grammar), l2))
    return plan, story


def main() -> int:
    check = "--check" in sys.argv
    trained = dict(zip(OUT, train(report=not check), strict=True))
    if check:
        moved = []
        for path, content in trained.items():
            shipped = json.loads(path.read_text()) if path.exists() else None
            found = differences(shipped, content) if shipped is not None else ["no shipped file"]
            moved += [f"{path.name}: {line}" for line in found]
        print("shipped weights reproduced" if not moved else "shipped weights differ")
        print("\n".join(moved))
        return 0 if not moved else 1
    for path, content in trained.items():
        path.write_text(json.dumps(content, indent=1) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
