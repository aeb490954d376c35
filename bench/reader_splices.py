"""Spliced transcripts (issue 9) for the reader's bench (`bench_reader.py`): each labelled
answer read plain and "spliced" (two sentences of different STAR parts joined by a comma, as
Whisper writes them), without cutting spliced sentences and with it, cross-validated on the
development sets and with the shipped weights on a labelled set; and every candidate cutting
rule, by which `splices.SPLICE_RULE` was chosen."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reader_tables import DATA, KEYS, gold, show  # type: ignore[import-not-found]

from prepcoach.coach import reader, reader_training, splices
from prepcoach.coach.reader import Reading

SPLICE_SEED = 9


SPLICE_P = 0.5


SPLICE_GRID = tuple(
    splices.SpliceRule(comma, conjunction, beat)
    for beat in (False, True)
    for comma in (0.7, 0.8)
    for conjunction in (0.8, 1.01)
)


def spliced(answer: dict[str, Any]) -> str:
    """The answer's text with some boundaries between different STAR parts joined by a comma,
    as Whisper writes two spoken sentences as one (see the module's doc)."""
    rng = random.Random(f"{SPLICE_SEED}:{answer['id']}")  # noqa: S311 (a fixed sample, not a secret)
    sentences = answer["sentences"]
    whole = " ".join(s["text"] for s in sentences)
    out = sentences[0]["text"]
    for before, after in itertools.pairwise(sentences):
        text = after["text"]
        if before["part"] != after["part"] and rng.random() < SPLICE_P:
            first = re.match(r"[^\W_]+(?:['’][^\W_]+)?", text)
            word = first.group(0) if first else ""
            name = (
                (word[:1] == "I" and (len(word) == 1 or word[1] in "'’"))
                or (word.isupper() and len(word) > 1)
                or any(c.isdigit() for c in word)
                or re.search(rf"[^.!?\s]\s+{re.escape(word)}\b", whole) is not None
            )  # fmt: skip
            out = (
                out.rstrip().rstrip(".!?") + ", " + (text if name else text[:1].lower() + text[1:])
            )
        else:
            out += " " + text
    return out


class CachedEmbedder:
    """The reader's embedder with every vector kept, so the cross-validation below embeds each
    piece once however many folds and confidences read it."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.seen: dict[str, Any] = {}
        self.layered: dict[str, Any] = {}

    def embed(self, texts: list[str]) -> list[Any]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if missing:
            self.seen.update(zip(missing, self.model.embed(missing), strict=True))
        return [self.seen[t] for t in texts]

    def embed_layers(self, texts: list[str]) -> list[Any]:
        """The middle layers' states beside the vector (`embeddings.embed_layers`), which the
        reader reads since it was trained on them: without it this section stopped with "the
        MiniLM embedder is not installed" on a machine that has it."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.layered]
        if missing:
            self.layered.update(zip(missing, self.model.embed_layers(missing), strict=True))
        return [self.layered[t] for t in texts]


def presence_row(reading: Reading) -> dict[str, bool]:
    found = reading.presence
    names = dict(zip(KEYS, ("situation", "task", "personal_action", "result",
                            "quantified_result"), strict=True))  # fmt: skip
    return {k: bool(found) and found[v].present for k, v in names.items()}


def splice_cv(
    rules: tuple[splices.SpliceRule, ...],
) -> dict[tuple[str, splices.SpliceRule], dict[str, float]]:
    """{(plain|spliced, rule): {criterion: agreement}} over the development answers,
    cross-validated: each fold's answers are read by heads and presence cuts chosen on the
    other folds only."""
    import pickle

    import numpy as np

    cache = os.environ.get("READER_BENCH_CACHE")
    corpus = reader_training.load()
    model = CachedEmbedder(reader.embedder())
    saved = Path(cache) / "embeddings.pkl" if cache else None
    if saved is not None and saved.exists():
        model.seen = pickle.loads(saved.read_bytes())  # noqa: S301 (our own scratch file)
    vectors = reader_training.embed_corpus(corpus, model)
    full = json.loads(str(reader.weights()["chosen"]))["full"]
    shape = (bool(full["shape"][0]), bool(full["shape"][1]), bool(full["shape"][2]))
    owner_shape = (True, float(full["owner_penalty"]))
    gold_rows = [gold(a) for a in corpus.answers]
    presence_gold = reader_training.presence_gold(corpus)
    n = len(corpus.answers)
    right = {(v, r): dict.fromkeys(KEYS, 0) for v in ("plain", "spliced") for r in rules}
    for fold in range(reader_training.FOLDS):
        stored = Path(cache) / f"fold{fold}.pkl" if cache else None
        if stored is not None and stored.exists():
            w = pickle.loads(stored.read_bytes())  # noqa: S301 (our own scratch file)
        else:
            train_ = [a for a in range(n) if a % reader_training.FOLDS != fold]
            inner = reader_training.out_of_fold_scores(
                corpus, vectors, shape, float(full["penalty"]), owner_shape, train_
            )
            cuts = reader_training.choose_cuts(
                [inner[a] for a in train_], [presence_gold[a] for a in train_]
            )
            w = reader_training.train_heads(
                corpus, vectors, train_, shape, float(full["penalty"]), owner_shape, "full"
            )
            w["full_presence_cuts"] = np.array(cuts)
            if stored is not None:
                stored.write_bytes(pickle.dumps(w))
        for a in range(fold, n, reader_training.FOLDS):
            answer = corpus.answers[a]
            texts = {"plain": " ".join(s["text"] for s in answer["sentences"]),
                     "spliced": spliced(answer)}  # fmt: skip
            for variant, text in texts.items():
                for rule in rules:
                    row = presence_row(reader.read_text(text, model, w, rule))
                    for k in KEYS:
                        right[(variant, rule)][k] += row[k] == gold_rows[a][k]
        if saved is not None:
            saved.write_bytes(pickle.dumps(model.seen))
    return {key: {k: v / n for k, v in counts.items()} for key, counts in right.items()}


def splice_rows(
    figures: Mapping[tuple[str, splices.SpliceRule], Mapping[str, float]],
    rules: tuple[splices.SpliceRule, ...],
) -> dict[str, tuple[float, ...]]:
    """Plain then spliced columns, one per rule, and the mean of the five criteria."""
    rows = {k: tuple(figures[(v, r)][k] for v in ("plain", "spliced") for r in rules)
            for k in KEYS}  # fmt: skip
    rows["mean"] = tuple(
        sum(figures[(v, r)][k] for k in KEYS) / len(KEYS)
        for v in ("plain", "spliced")
        for r in rules
    )
    return rows


def splice_heldout(path: Path, status: str) -> None:
    """Plain and spliced figures on a labelled set with the shipped weights (aggregate only)."""
    answers = json.loads(path.read_text(encoding="utf-8"))
    rules = (splices.NEVER_CUT, splices.SPLICE_RULE)
    right = {(v, r): dict.fromkeys(KEYS, 0) for v in ("plain", "spliced") for r in rules}
    for answer in answers:
        truth = gold(answer)
        texts = {"plain": " ".join(s["text"] for s in answer["sentences"]),
                 "spliced": spliced(answer)}  # fmt: skip
        for variant, text in texts.items():
            for rule in rules:
                row = presence_row(reader.read_text(text, splice=rule))
                for k in KEYS:
                    right[(variant, rule)][k] += row[k] == truth[k]
    n = len(answers)
    figures = {key: {k: v / n for k, v in counts.items()} for key, counts in right.items()}
    show(f"{path.relative_to(DATA)} ({n} answers), {status}: plain and spliced, aggregate only",
         splice_rows(figures, rules), SPLICE_HEADS)  # fmt: skip


SPLICE_HEADS = ("plain bef", "plain aft", "splic bef", "splic aft")


def choose_splice() -> None:
    """Every candidate rule, cross-validated on the development sets only."""
    grid = (splices.NEVER_CUT, *SPLICE_GRID)
    figures = splice_cv(grid)
    print("  rules: " + "; ".join(f"r{k}={rule}" for k, rule in enumerate(grid)))
    for variant in ("plain", "spliced"):
        show(
            f"DEVELOPMENT {variant}, cross-validated, by rule (r0 = never cut)",
            {k: tuple(figures[(variant, r)][k] for r in grid) for k in KEYS}
            | {"mean": tuple(sum(figures[(variant, r)][k] for k in KEYS) / len(KEYS)
                              for r in grid)},
            tuple(f"r{k}" for k in range(len(grid))),
        )  # fmt: skip
