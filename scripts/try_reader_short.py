"""Measure the reader trained with short copies of its answers (candidate A) beside the reader
retrained as shipped (B), by the rule written before it ran (tests/data/README.md, "Short
answers"): short answers (2-4 sentences) are rare in the labelled sets (12 of 741 have three
sentences, none two), and a trial's three-sentence answer read "I studied each evening and
paired with a senior analyst" as a closing remark.

    .venv/bin/python scripts/try_reader_short.py            # development figures only
    .venv/bin/python scripts/try_reader_short.py --held-out # and, once, the held-out sets

Candidate A: each training answer of 3+ sentences also gives two short copies (`short_copies`);
the configuration (shape, penalties) is the shipped one; the presence cuts are chosen the same
way for both (`reader_training.choose_cuts` on out-of-fold scores of the original answers).
Nothing here is shipped: a candidate that passes is trained into `reader_weights.npz` by
`scripts/train_reader.py` once `reader_training` makes the copies."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

from prepcoach.coach import reader, reader_training  # noqa: E402
from prepcoach.coach.reader_training import Corpus  # noqa: E402

ANSWERS = reader_training.ANSWERS
STAR = ("situation", "task", "action", "result")
KEYS = ("situation", "task", "action", "result", "quantified_result")
NOT_TRAINED_ON = ("dev4.json", "dev5.json", "dev6.json")
SHORT_DEV = "short_dev.json"
HELD_OUT = ("short_heldout.json", "heldout12.json")

Matrix = Any


def short_copies(
    corpus: Corpus, vectors: list[Matrix], members: Sequence[int]
) -> tuple[Corpus, list[Matrix], list[int]]:
    """`corpus` with two short copies of each member of 3+ sentences appended, and the members
    with the copies' indices added. Copy 1: one sentence per STAR part the answer has (drawn at
    random, seeded by the answer's index), in order; copy 2: the same less one part drawn at
    random. Copies under 2 sentences are dropped."""
    answers, sentences = list(corpus.answers), list(corpus.sentences)
    parts, owners, rows = list(corpus.parts), list(corpus.owners), list(vectors)
    added: list[int] = []
    for a in members:
        if len(corpus.sentences[a]) < 3:
            continue
        rng = random.Random(a)  # noqa: S311 (a sample to train on, seeded: not a secret)
        by_part = {
            p: [i for i, k in enumerate(corpus.parts[a]) if reader.PARTS[k] == p] for p in STAR
        }
        chosen = {p: rng.choice(ix) for p, ix in by_part.items() if ix}
        first = sorted(chosen.values())
        dropped = rng.choice(sorted(chosen)) if chosen else None
        second = sorted(i for p, i in chosen.items() if p != dropped)
        for keep in (first, second) if not ONE_COPY else (first,):
            if len(keep) < 2:
                continue
            answers.append(corpus.answers[a])
            sentences.append([corpus.sentences[a][i] for i in keep])
            parts.append([corpus.parts[a][i] for i in keep])
            owners.append([corpus.owners[a][i] for i in keep])
            rows.append(vectors[a][keep])
            added.append(len(answers) - 1)
    return Corpus(answers, sentences, parts, owners), rows, [*members, *added]


ONE_COPY = False  # candidate F: only the first copy (one sentence per part)

Copies = Callable[[Corpus, list[Matrix], Sequence[int]], tuple[Corpus, list[Matrix], list[int]]]


def no_copies(
    corpus: Corpus, vectors: list[Matrix], members: Sequence[int]
) -> tuple[Corpus, list[Matrix], list[int]]:
    return corpus, vectors, list(members)


def heads(chosen: dict[str, Any], corpus: Corpus, vectors: list[Matrix], members: Sequence[int],
          copies: Copies) -> dict[str, Any]:  # fmt: skip
    full = chosen["full"]
    c, v, m = copies(corpus, vectors, members)
    return reader_training.train_heads(
        c, v, m, (True, bool(full["shape"][1]), bool(full["shape"][2])), float(full["penalty"]),
        (True, float(full["owner_penalty"])), "full",
    )  # fmt: skip


def weights_for(
    chosen: dict[str, Any], corpus: Corpus, vectors: list[Matrix], copies: Copies, scored: int
) -> tuple[dict[str, Any], dict[str, float], list[dict[str, Any]]]:
    """Heads trained on every answer of `corpus` (with `copies`), the structure-only heads as
    shipped, and cuts chosen on out-of-fold scores of all its answers; with the 5-fold
    answer-level agreement of those out-of-fold scores at those cuts over its first `scored`
    answers, and each fold's heads with the same cuts (fold f held answers a, a % 5 == f)."""
    n = len(corpus.answers)
    gold = reader_training.presence_gold(corpus)
    scores: dict[int, Matrix] = {}
    folds = []
    for fold in range(reader_training.FOLDS):
        held = list(range(fold, n, reader_training.FOLDS))
        train = [a for a in range(n) if a % reader_training.FOLDS != fold]
        w = heads(chosen, corpus, vectors, train, copies)
        folds.append(w)
        for a in held:
            part_p, owner_p = reader.probabilities(corpus.sentences[a], vectors[a], w)
            scores[a] = reader.criterion_scores(corpus.sentences[a], part_p, owner_p)
    cuts = reader_training.choose_cuts([scores[a] for a in range(n)], gold)
    cv = {
        name: sum((float(scores[a][:, k].max()) >= cuts[k]) == gold[a][k] for a in range(scored))
        / scored
        for k, name in enumerate(reader.CRITERIA)
    }
    w = heads(chosen, corpus, vectors, range(n), copies)
    shipped = reader.weights()
    for one in (w, *folds):
        for key, value in shipped.items():
            if key.startswith("structure_"):
                one[key] = value
        one["full_presence_cuts"] = np.array(cuts)
        one["relevance_threshold"] = shipped["relevance_threshold"]
    return w, cv, folds


def truth(answer: dict[str, Any]) -> dict[str, bool | None]:
    """Each criterion: True/False, or None where only a sentence's `also` holds it (either
    verdict is right)."""
    s = answer["sentences"]
    main = {
        "situation": any(x["part"] == "situation" for x in s),
        "task": any(x["part"] == "task" for x in s),
        "action": any(x["part"] == "action" and x["owner"] == "i" for x in s),
        "result": any(x["part"] == "result" for x in s),
        "quantified_result": any(x["quantified"] for x in s),
    }
    also = {
        "situation": any("situation" in x.get("also", ()) for x in s),
        "task": any("task" in x.get("also", ()) for x in s),
        "action": any("action" in x.get("also", ()) for x in s),
        "result": any("result" in x.get("also", ()) for x in s),
        "quantified_result": any(x.get("also_quantified") for x in s),
    }
    return {k: True if main[k] else (None if also[k] else False) for k in KEYS}


def read_set(path: Path, w: dict[str, Any] | list[dict[str, Any]]) -> dict[str, float]:
    """Answer-level agreement per criterion reading each answer's whole text as the app does,
    and sentence part accuracy where the reading splits the text as labelled. With a list of
    each fold's weights, answer i is read by fold i % 5's (out of fold)."""
    answers = json.loads(path.read_text(encoding="utf-8"))
    right = dict.fromkeys(KEYS, 0)
    counted = dict.fromkeys(KEYS, 0)
    part_right = part_total = 0
    for i, answer in enumerate(answers):
        text = " ".join(s["text"] for s in answer["sentences"])
        reading = reader.read_text(text, trained=w[i % len(w)] if isinstance(w, list) else w)
        found = {
            "situation": reading.presence["situation"].present,
            "task": reading.presence["task"].present,
            "action": reading.presence["personal_action"].present,
            "result": reading.presence["result"].present,
            "quantified_result": reading.presence["quantified_result"].present,
        }
        for key, value in truth(answer).items():
            if value is not None:
                counted[key] += 1
                right[key] += found[key] == value
        if len(reading.sentences) == len(answer["sentences"]):
            for mine, gold in zip(reading.sentences, answer["sentences"], strict=True):
                part_right += mine.part == gold["part"]
                part_total += 1
    out = {k: right[k] / counted[k] for k in KEYS}
    out["mean"] = sum(out[k] for k in KEYS) / len(KEYS)
    out["sentence part"] = part_right / part_total if part_total else float("nan")
    out["answers"] = len(answers)
    return out


def show(title: str, b: dict[str, float], a: dict[str, float]) -> None:
    print(f"  {title}")
    for key in b:
        print(f"    {key:18} B {b[key]:.3f}  A {a[key]:.3f}  {a[key] - b[key]:+.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--candidate", choices=("A", "C", "F"), default="A")
    args = parser.parse_args(argv)
    global ONE_COPY
    ONE_COPY = args.candidate == "F"
    chosen = json.loads(str(reader.weights()["chosen"]))
    corpus = reader_training.load()
    vectors = reader_training.embed_corpus(corpus)
    n = len(corpus.answers)
    b, b_cv, _ = weights_for(chosen, corpus, vectors, no_copies, n)
    short_read: dict[str, Any] | list[dict[str, Any]]
    if args.candidate in ("A", "F"):
        a, a_cv, _ = weights_for(chosen, corpus, vectors, short_copies, n)
        short_read = a
    else:  # C: short_dev's real short answers trained on, short_dev read out of fold
        together = reader_training.load([*reader_training.DEVELOPMENT, ANSWERS / SHORT_DEV])
        more = reader_training.embed_corpus(together)
        a, a_cv, folds = weights_for(chosen, together, more, no_copies, n)
        # short_dev's answer j is together's n + j, in fold (n + j) % 5: read it by that fold.
        short_read = [folds[(n + j) % reader_training.FOLDS] for j in range(reader_training.FOLDS)]
    print(f"  candidate {args.candidate}")
    keys = ("situation", "task", "personal_action", "result", "quantified_result")
    show("5-fold CV, development answers (answer level)",
         {k: b_cv[k] for k in keys}, {k: a_cv[k] for k in keys})  # fmt: skip
    cuts = (np.round(w["full_presence_cuts"], 3) for w in (b, a))
    print("  cuts B", next(cuts), "A", next(cuts))
    pooled_b: dict[str, float] = {}
    pooled_a: dict[str, float] = {}
    for name in NOT_TRAINED_ON:
        rb, ra = read_set(ANSWERS / name, b), read_set(ANSWERS / name, a)
        for key in rb:
            pooled_b[key] = pooled_b.get(key, 0.0) + rb[key] / len(NOT_TRAINED_ON)
            pooled_a[key] = pooled_a.get(key, 0.0) + ra[key] / len(NOT_TRAINED_ON)
    show("dev4-6 (never trained on; mean of the three sets)", pooled_b, pooled_a)
    show(f"{SHORT_DEV} (development; C reads it out of fold)", read_set(ANSWERS / SHORT_DEV, b),
         read_set(ANSWERS / SHORT_DEV, short_read))  # fmt: skip
    if args.held_out:
        for name in HELD_OUT:
            show(f"{name} (HELD-OUT, read once)", read_set(ANSWERS / name, b),
                 read_set(ANSWERS / name, a))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
