"""Training and measuring the retrospective story splitter (`coach.retro_stories`).

`python -m prepcoach.coach.retro_training` (or `scripts/train_retro_stories.py`) reads the
development set (`tests/data/retrospectives/dev.json`), chooses each model's penalty and cut by
cross-validation grouped by retrospective (fold = index mod `FOLDS`), trains on all of it and
writes `retro_story_weights.json`. Deterministic: weights start at zero and take a fixed number
of full-batch steps (`reader_training.fit`).

`figures` measures a labelled set against its labels, and the old one-click draft beside it
(the "energised" answer as the situation, the "stumbled" answer as the action, one story). The
held-out set (`heldout.json`) is read only by `bench/bench_retro.py`, for aggregate figures.

Sentences are the labelled ones: the measure is of telling stories apart and placing their
sentences, not of the sentence splitter (`coach.clauses`), which the reader's bench measures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepcoach.coach import reader, retro_stories
from prepcoach.coach.reader_training import fit

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "retrospectives"
DEV = DATA / "dev.json"
FOLDS = 5
PENALTIES = (0.001, 0.01, 0.1, 1.0)
CUTS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.20 … 0.80


@dataclass(frozen=True, slots=True)
class Retro:
    """One labelled retrospective: per non-empty answer, (prompt, sentences), and per sentence
    its story id (None for a remark) and STAR part ("none" for a remark)."""

    answers: list[tuple[str, list[str]]]
    stories: list[list[str | None]]
    parts: list[list[str]]


def load(path: Path = DEV) -> list[Retro]:
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        answers, stories, parts = [], [], []
        for prompt in retro_stories.PROMPTS:
            rows = item["answers"].get(prompt) or []
            if rows:
                answers.append((prompt, [r["text"] for r in rows]))
                stories.append([r["story"] for r in rows])
                parts.append([r["part"] for r in rows])
        out.append(Retro(answers, stories, parts))
    return out


def embed_all(retros: Sequence[Retro], model: Any = None) -> list[list[Matrix]]:
    chosen = model if model is not None else reader.embedder()
    out = []
    for r in retros:
        vectors = []
        for _, sentences in r.answers:
            v = reader.embed(sentences, chosen)
            assert v is not None, "training needs the sentence model"
            vectors.append(v)
        out.append(vectors)
    return out


def story_rows(retro: Retro, vectors: list[Matrix]) -> tuple[Matrix, list[int]]:
    import numpy as np

    blocks = [
        retro_stories.sentence_features(s, p, v)
        for (p, s), v in zip(retro.answers, vectors, strict=True)
    ]
    labels = [int(story is not None) for answer in retro.stories for story in answer]
    return np.vstack(blocks), labels


def same_rows(
    retro: Retro, vectors: list[Matrix], prototypes: Matrix
) -> tuple[list[list[float]], list[int]]:
    """Same-story training pairs from the labelled grouping, as `group_stories` meets them:
    within an answer, each story sentence against the story of the one before it; at an
    answer's first story sentence, against every story told so far."""
    import numpy as np

    rows: list[list[float]] = []
    labels: list[int] = []
    told: dict[str, list[Matrix]] = {}
    for (_, sentences), v, stories in zip(retro.answers, vectors, retro.stories, strict=True):
        part_p, _ = reader.probabilities(sentences, v, reader.weights())
        situation = part_p[:, reader.PARTS.index("situation")]
        previous: int | None = None
        for i, story in enumerate(stories):
            if story is None:
                continue
            if previous is None:
                for name, members in told.items():
                    rows.append(
                        retro_stories.pair_features(
                            sentences[i],
                            v[i],
                            np.array(members),
                            None,
                            float(situation[i]),
                            False,
                            prototypes,
                        )
                    )
                    labels.append(int(name == story))
            else:
                last = stories[previous]
                assert last is not None
                rows.append(
                    retro_stories.pair_features(
                        sentences[i],
                        v[i],
                        np.array(told[last]),
                        v[previous],
                        float(situation[i]),
                        True,
                        prototypes,
                    )
                )
                labels.append(int(last == story))
            told.setdefault(story, []).append(v[i])
            previous = i
    return rows, labels


def binary(x: Matrix, y: Sequence[int], penalty: float) -> dict[str, Any]:
    """A binary logistic model as mean, scale, coef and bias (from the 2-class fit)."""
    import numpy as np

    labels = np.array(y, dtype=np.int64)
    m = fit(x, labels, 2, penalty)
    return {
        "mean": [float(v) for v in m["mean"]],
        "scale": [float(v) for v in m["scale"]],
        "coef": [float(v) for v in m["coef"][:, 1] - m["coef"][:, 0]],
        "bias": float(m["bias"][1] - m["bias"][0]),
    }


def pair_model(rows: Sequence[Sequence[float]], y: Sequence[int], penalty: float) -> list[float]:
    """Fold standardisation into the coefficients: `logistic` takes raw pair features, whose
    first entry is the constant 1."""
    import numpy as np

    x = np.array(rows, dtype=np.float64)
    m = binary(x[:, 1:], y, penalty)
    coef = np.array(m["coef"]) / np.array(m["scale"])
    bias = m["bias"] - float(coef @ np.array(m["mean"]))
    return [bias, *(float(c) for c in coef)]


def train(
    retros: Sequence[Retro], vectors: Sequence[list[Matrix]], story_penalty: float,
    same_penalty: float, story_cut: float, within: float, across: float,
) -> dict[str, Any]:  # fmt: skip
    import numpy as np

    xs, ys = zip(*(story_rows(r, v) for r, v in zip(retros, vectors, strict=True)), strict=True)
    story = binary(np.vstack(xs), [y for ys_ in ys for y in ys_], story_penalty)
    story["cut"] = story_cut
    prototypes = retro_stories.prototype_vectors()
    pairs = [same_rows(r, v, prototypes) for r, v in zip(retros, vectors, strict=True)]
    rows = [row for p in pairs for row in p[0]]
    labels = [label for p in pairs for label in p[1]]
    same = {"coef": pair_model(rows, labels, same_penalty), "cut_within": within,
            "cut_across": across}  # fmt: skip
    return {"story": story, "same": same}


@dataclass(frozen=True, slots=True)
class Predicted:
    in_story: list[list[bool]]
    groups: list[list[tuple[int, int]]]
    parts: dict[tuple[int, int], str]


def predict(retro: Retro, vectors: list[Matrix], w: dict[str, Any]) -> Predicted:
    probs = retro_stories.story_probabilities(retro.answers, vectors, w)
    in_story = [[p >= float(w["story"]["cut"]) for p in ps] for ps in probs]
    groups = retro_stories.group_stories(
        retro.answers, vectors, in_story, w, retro_stories.prototype_vectors()
    )
    parts: dict[tuple[int, int], str] = {}
    import numpy as np

    for group in groups:
        texts = [retro.answers[a][1][i] for a, i in group]
        labels = reader.label_sentences(
            texts, np.array([vectors[a][i] for a, i in group]), reader.weights(), in_order=False
        )
        for k, ((a, i), label) in enumerate(zip(group, labels, strict=True)):
            parts[(a, i)] = retro_stories._star_part(label[0], k, labels)
    return Predicted(in_story, groups, parts)


def old_draft(retro: Retro) -> Predicted:
    """The one-click draft before the splitter: one story, "energised" as its situation and
    "stumbled" as its action; "best_team" left out."""
    in_story, group, parts = [], [], {}
    for a, (prompt, sentences) in enumerate(retro.answers):
        kept = prompt in ("energised", "stumbled")
        in_story.append([kept] * len(sentences))
        for i in range(len(sentences)):
            if kept:
                group.append((a, i))
                parts[(a, i)] = "situation" if prompt == "energised" else "action"
    return Predicted(in_story, [group] if group else [], parts)


@dataclass
class Tally:
    retros: int = 0
    count_right: int = 0
    sentences: int = 0
    story_right: int = 0
    pairs_found: int = 0
    pairs_true: int = 0
    pairs_right: int = 0
    parts_seen: int = 0
    parts_right: int = 0
    always_story_right: int = 0

    def as_dict(self) -> dict[str, float]:
        p = self.pairs_right / self.pairs_found if self.pairs_found else 0.0
        r = self.pairs_right / self.pairs_true if self.pairs_true else 0.0
        return {
            "story count": self.count_right / max(self.retros, 1),
            "story or remark": self.story_right / max(self.sentences, 1),
            "same-story pairs P": p,
            "same-story pairs R": r,
            "same-story pairs F1": 2 * p * r / (p + r) if p + r else 0.0,
            "STAR part": self.parts_right / max(self.parts_seen, 1),
            "always 'story' (baseline)": self.always_story_right / max(self.sentences, 1),
        }


def tally(retro: Retro, predicted: Predicted, into: Tally) -> None:
    gold_ids = {
        (a, i): story
        for a, answer in enumerate(retro.stories)
        for i, story in enumerate(answer)
        if story is not None
    }
    into.retros += 1
    into.count_right += len(set(gold_ids.values())) == len(predicted.groups)
    found = {pos: k for k, g in enumerate(predicted.groups) for pos in g}
    for a, answer in enumerate(retro.stories):
        for i, story in enumerate(answer):
            into.sentences += 1
            into.story_right += (story is not None) == predicted.in_story[a][i]
            into.always_story_right += story is not None
            if story is not None and (a, i) in found:
                into.parts_seen += 1
                into.parts_right += predicted.parts[(a, i)] == retro.parts[a][i]
            elif story is not None:
                into.parts_seen += 1  # a story sentence set aside is a part missed
    positions = sorted(set(gold_ids) | set(found))
    for x, y in itertools.combinations(positions, 2):
        gold_same = x in gold_ids and y in gold_ids and gold_ids[x] == gold_ids[y]
        found_same = x in found and y in found and found[x] == found[y]
        into.pairs_true += gold_same
        into.pairs_found += found_same
        into.pairs_right += gold_same and found_same


def figures(
    retros: Sequence[Retro], vectors: Sequence[list[Matrix]], w: dict[str, Any] | None
) -> dict[str, float]:
    """Agreement with the labels; `w` None measures the old one-click draft."""
    total = Tally()
    for r, v in zip(retros, vectors, strict=True):
        tally(r, old_draft(r) if w is None else predict(r, v, w), total)
    return total.as_dict()


def objective(f: dict[str, float]) -> float:
    return f["story count"] + f["same-story pairs F1"] + f["story or remark"] + f["STAR part"]


def cross_validate(
    retros: Sequence[Retro], vectors: Sequence[list[Matrix]], settings: tuple[float, ...]
) -> dict[str, float]:
    """Out-of-fold figures for one choice of (story penalty, same penalty, story cut, within
    cut, across cut)."""
    total = Tally()
    for fold in range(FOLDS):
        train_idx = [k for k in range(len(retros)) if k % FOLDS != fold]
        w = train([retros[k] for k in train_idx], [vectors[k] for k in train_idx], *settings)
        for k in range(fold, len(retros), FOLDS):
            tally(retros[k], predict(retros[k], vectors[k], w), total)
    return total.as_dict()


def choose(retros: Sequence[Retro], vectors: Sequence[list[Matrix]]) -> tuple[float, ...]:
    """Coordinate search over the settings, by cross-validated `objective`."""
    best: tuple[float, ...] = (0.1, 0.1, 0.5, 0.5, 0.5)
    grid = (PENALTIES, PENALTIES, CUTS, CUTS, CUTS)
    score = objective(cross_validate(retros, vectors, best))
    for _ in range(2):
        for k, values in enumerate(grid):
            for value in values:
                trial = (*best[:k], value, *best[k + 1 :])
                s = objective(cross_validate(retros, vectors, trial))
                if s > score + 1e-9:
                    best, score = trial, s
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=retro_stories.WEIGHTS)
    parser.add_argument(
        "--shipped-settings", action="store_true",
        help="train with the shipped weights' settings instead of searching (checks that "
        "retraining reproduces them)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    retros = load(DEV)
    vectors = embed_all(retros)
    if args.shipped_settings:
        settings = tuple(float(v) for v in retro_stories.weights()["settings"])
    else:
        settings = choose(retros, vectors)
        print("chosen (story penalty, same penalty, story cut, within cut, across cut):", settings)
        for name, value in cross_validate(retros, vectors, settings).items():
            print(f"  cross-validated {name}: {value:.3f}")
    w = train(retros, vectors, *settings)
    w["settings"] = list(settings)
    args.out.write_text(json.dumps(w, indent=1) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
