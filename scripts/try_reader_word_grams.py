"""Measure, not ship: do a sentence's words (unigrams and bigrams) beside the reader's inputs read
the STAR task better? (Issue 9: the task misses 0.90 on held-out answer sets; a task is said by a
stance, an obligation, an assignment or a deadline given to the speaker, that lies in a few
function words, while MiniLM's mean vector mostly carries the topic.)

Reads step 1's file of `scripts/try_reader_fine_tune.py` (`extract DEV.npz SET...`: each
labelled sentence's reader inputs, part, answer and set, in the sets' order) and the sets' texts,
and scores, leaving one development set out at a time (each set read by models trained on the
other 11, as that script does):
- `base`: the shipped reader's regression (`reader_training.fit`, L2 0.003) on the reader's
  inputs, five parts;
- `grams`: the same with the sentence's word unigrams and bigrams (lower case, present or not,
  those seen at least MIN_COUNT times in the training sets; `fit` standardises every column);
- `task head`: a two-class regression (task sentence or not) on the inputs and the same words,
  whose probability is the answer's task score (the five-part head unchanged).
Printed per set and on average: answer-level task AUC (the highest sentence's task probability
against "has a task sentence") and, for the five-part arms, sentence part accuracy.

    .venv/bin/python scripts/try_reader_word_grams.py DEV.npz [L2 [MIN_COUNT]]

Runs, their rules (written before each) and figures: docs/architecture.md (reader row,
forty-first session)."""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from try_reader_fine_tune import ANSWERS, PARTS, TASK, Corpus, answer_scores, auc

from prepcoach.coach import reader, reader_training

MIN_COUNT = 3
PENALTY = 0.003


def word_grams(text: str) -> set[str]:
    words = re.findall(r"[a-z']+|\d+", text.lower())
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def with_grams(corpus: Corpus, grams: list[set[str]], train: Any, test: Any, count: int) -> Any:
    """The inputs of `train` and `test` with a column per word or pair of words seen at least
    `count` times in `train`'s sentences."""
    seen = Counter(g for r in train for g in grams[r])
    column = {g: k for k, g in enumerate(sorted(g for g, n in seen.items() if n >= count))}

    def block(rows: Any) -> Any:
        out = np.zeros((len(rows), len(column)))
        for i, r in enumerate(rows):
            out[i, [column[g] for g in grams[r] if g in column]] = 1.0
        return np.hstack([corpus.x[rows].astype(np.float64), out])

    return block(train), block(test)


def probabilities(x_train: Any, y: Any, x_test: Any, classes: int, penalty: float) -> Any:
    fitted = reader_training.fit(x_train, y, classes, penalty)
    weights = {f"part_{key}": value for key, value in fitted.items()}
    return np.exp(reader.log_probabilities(x_test, weights, "part"))


def main(path: str, penalty: float, count: int) -> None:
    corpus = Corpus(path)
    texts = [
        s["text"]
        for name in corpus.names
        for a in json.loads((ANSWERS / name).read_text(encoding="utf-8"))
        for s in a["sentences"]
    ]
    if len(texts) != len(corpus.parts):
        raise SystemExit(f"{path} was not extracted from these sets in this order")
    grams = [word_grams(t) for t in texts]
    figures: dict[str, dict[str, tuple[float, float]]] = {}
    for name in corpus.names:
        started = time.perf_counter()
        test, train = corpus.rows([name]), corpus.rows([n for n in corpus.names if n != name])
        y = corpus.parts[train]
        wide_train, wide_test = with_grams(corpus, grams, train, test, count)
        arms = {
            "base": probabilities(
                corpus.x[train].astype(np.float64), y, corpus.x[test].astype(np.float64),
                PARTS, PENALTY,
            ),
            "grams": probabilities(wide_train, y, wide_test, PARTS, penalty),
        }  # fmt: skip
        task = probabilities(wide_train, (y == TASK).astype(np.int64), wide_test, 2, penalty)
        head = np.zeros((len(test), PARTS))
        head[:, TASK] = task[:, 1]
        arms["task head"] = head
        row = {}
        for arm, p in arms.items():
            scores, gold = answer_scores(corpus, test, p)
            right = float(np.mean(p.argmax(1) == corpus.parts[test]))
            row[arm] = (auc(scores, gold), right if arm != "task head" else float("nan"))
        figures[name] = row
        print(json.dumps({"held": name, **row, "seconds": time.perf_counter() - started}))
    for arm in ("base", "grams", "task head"):
        print(
            f"{arm}: task AUC {np.mean([f[arm][0] for f in figures.values()]):.4f}, "
            f"part accuracy {np.mean([f[arm][1] for f in figures.values()]):.4f}"
        )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if not arguments:
        raise SystemExit(__doc__)
    main(
        arguments[0],
        float(arguments[1]) if len(arguments) > 1 else PENALTY,
        int(arguments[2]) if len(arguments) > 2 else MIN_COUNT,
    )
