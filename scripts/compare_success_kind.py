"""Compare the relevance verdict with and without a kind of question for successes, by the rule
declared in tests/data/README.md ("a kind for successes", thirtieth session). Development data
only: `questions/kinds_dev.json` and the relevance trainer's development sets; the held-out sets
are read by `bench/bench_relevance.py`, never here.

    .venv/bin/python scripts/compare_success_kind.py

Prints, for the kinds as they were (no `success`) and as they are:
- the kind reading's accuracy on `kinds_dev.json`: the likeliest prototype kind, and the kind
  prepcoach keeps (`relevance.sure_kind`: None when unsure, a plan by the plan model), beside
  always "story";
- the verdict retrained by the trainer's recipe on the same development sets: its out-of-fold
  AUC and nested figures on the pairs of one length, and how many answers that address a
  success question of `dev4.json` are called "does not address" out of fold.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_relevance as trainer  # noqa: E402

from prepcoach.coach import reader, reader_features, relevance, relevance_model  # noqa: E402

KINDS_DEV = ROOT / "tests" / "data" / "questions" / "kinds_dev.json"
# dev4.json's success and achievement pairs: the first 12 of the first writer's half and the
# first 10 of the second's (each writer's report; read to check, as a development set).
SUCCESS_IDS = frozenset(
    [f"r4d{i:03d}" for i in range(1, 25)] + [f"r4d{i:03d}" for i in range(81, 101)]
)


@contextmanager
def kinds_with_success() -> Iterator[None]:
    """The candidate: `success` among the verdict's kinds, and dev4.json trained on with its
    cuts chosen on dev3.json and dev4.json."""
    saved = (
        dict(relevance_model.TYPES),
        relevance_model.TYPE_NAMES,
        relevance_model.FEATURE_NAMES,
        trainer.DEVELOPMENT,
        trainer.CUT_SETS,
    )
    relevance_model.TYPES.update(relevance_model.UNTRAINED_TYPES)
    relevance_model.TYPE_NAMES = tuple(relevance_model.TYPES)
    relevance_model.FEATURE_NAMES = (
        *relevance_model.FEATURE_NAMES[: relevance_model.FEATURE_NAMES.index("asks_story")],
        *(f"asks_{name}" for name in relevance_model.TYPE_NAMES),
        *(n for n in relevance_model.FEATURE_NAMES if n.startswith(("part_", "owner_", "words_"))),
        *(f"reads_as_{name}" for name in relevance_model.TYPE_NAMES),
        "kinds_agree",
    )
    trainer.DEVELOPMENT = (*trainer.DEVELOPMENT, trainer.DATA / "dev4.json")
    trainer.CUT_SETS = ("dev3.json", "dev4.json")
    try:
        yield
    finally:
        relevance_model.TYPES.clear()
        relevance_model.TYPES.update(saved[0])
        relevance_model.TYPE_NAMES, relevance_model.FEATURE_NAMES = saved[1], saved[2]
        trainer.DEVELOPMENT, trainer.CUT_SETS = saved[3], saved[4]


@contextmanager
def dev4_trained() -> Iterator[None]:
    """The kinds as shipped, with dev4.json trained on as the candidate is."""
    saved = trainer.DEVELOPMENT, trainer.CUT_SETS
    trainer.DEVELOPMENT = (*trainer.DEVELOPMENT, trainer.DATA / "dev4.json")
    trainer.CUT_SETS = ("dev3.json", "dev4.json")
    try:
        yield
    finally:
        trainer.DEVELOPMENT, trainer.CUT_SETS = saved


def kind_reading(name: str) -> None:
    items = json.loads(KINDS_DEV.read_text(encoding="utf-8"))
    model = reader.embedder()
    centroids = relevance_model.prototype_centroids(model)
    assert centroids is not None
    vectors = reader.embed([str(i["question"]) for i in items], model)
    assert vectors is not None
    likeliest, kept = 0, 0
    confused: Counter[tuple[str, str]] = Counter()
    for item, vector in zip(items, vectors, strict=True):
        kinds = relevance_model.question_kinds(vector, centroids)
        best = relevance_model.TYPE_NAMES[int(kinds.argmax())]
        sure = relevance.sure_kind(str(item["question"]), best, float(kinds.max()), vector, model)
        likeliest += best == item["kind"]
        kept += sure == item["kind"]
        if item["kind"] in ("success", "failure") and best != item["kind"]:
            confused[(str(item["kind"]), best)] += 1
    story = sum(i["kind"] == "story" for i in items)
    n = len(items)
    print(
        f"{name}: kinds_dev.json ({n} questions) likeliest kind right {likeliest / n:.3f}, "
        f"kept kind right {kept / n:.3f} (always 'story' {story / n:.3f}); "
        f"success/failure read as another: {dict(confused)}"
    )


def verdict_reading(name: str) -> None:
    pairs, names, skipped = trainer.load()
    y = np.array([float(p.label) for p in pairs])
    runs = [trainer.out_of_fold(pairs, seed) for seed in trainer.SEEDS]
    p = np.mean([r for r, _ in runs], axis=0)
    unrelated = float(np.mean([(u >= trainer.UNRELATED_P).mean() for _, u in runs]))
    rows = [i for i, pair in enumerate(pairs) if pair.source in trainer.CUT_SETS]
    held, ph, yh = [pairs[i] for i in rows], p[rows], y[rows]
    targets = trainer.choose_targets(held, ph, yh)
    high, low = trainer.choose_cuts(ph, yh, targets)
    nested = trainer.mean_nested(held, ph, yh, targets)
    items = json.loads((trainer.DATA / "dev4.json").read_text(encoding="utf-8"))
    dev4 = [i for i, pair in enumerate(pairs) if pair.source == "dev4.json"]
    # The pairs keep the question's vector, not its text: match by order within dev4.json.
    readable = [
        i
        for i in items
        if reader.cannot_tell(
            str(i["answer"]), reader.sentences_of(str(i["answer"]))[: reader.MAX_SENTENCES]
        )
        is None
        and len(reader_features.words_of(str(i["answer"]))) >= relevance_model.MIN_WORDS
    ]
    assert len(readable) == len(dev4)
    on_success = [
        (row, item) for row, item in zip(dev4, readable, strict=True) if item["id"] in SUCCESS_IDS
    ]
    said_no = sum(1 for row, item in on_success if item["addresses"] and p[row] <= low)
    said_yes = sum(1 for row, item in on_success if not item["addresses"] and p[row] >= high)
    addressing = sum(1 for _, item in on_success if item["addresses"])
    print(
        f"{name}: {len(pairs)} answers from {', '.join(names)} ({skipped} set aside); unrelated "
        f"at p >= {trainer.UNRELATED_P}: {unrelated:.3f}; on {' + '.join(trainer.CUT_SETS)}: "
        f"AUC {trainer.auc(ph, yh):.3f}, targets {targets}, cuts {low:.4f} {high:.4f}, nested "
        + ", ".join(f"{k} {v:.3f}" for k, v in nested.items())
    )
    print(
        f"   dev4.json success questions: of {addressing} answers that address "
        f"one, {said_no} called 'does not address' out of fold; of "
        f"{len(on_success) - addressing} that do not, {said_yes} called 'addresses'"
    )


def shipped_on_success() -> None:
    """The trained verdict on dev4.json's success pairs as users had it before the thirtieth
    session (its weights are unchanged; `relevance.question_relevance` now withholds it on a
    success question, so the model is asked directly). dev4.json was written after it was
    trained, so this is no fit."""
    items = json.loads((trainer.DATA / "dev4.json").read_text(encoding="utf-8"))
    said: Counter[tuple[bool, bool | None]] = Counter()
    for item in items:
        if item["id"] not in SUCCESS_IDS:
            continue
        answer, question = str(item["answer"]), str(item["question"])
        sentences = reader.sentences_of(answer)[: reader.MAX_SENTENCES]
        vectors = reader.embed([*sentences, question, answer])
        found = None if vectors is None else relevance_model.predict(sentences, vectors)
        said[(bool(item["addresses"]), found.addresses if found else None)] += 1
    print(f"the trained verdict on dev4.json's success pairs (label, verdict): {dict(said)}")


def main() -> None:
    if "--shipped" in sys.argv:
        shipped_on_success()
        return
    with dev4_trained():
        kind_reading("before (no success kind)")
        verdict_reading("before (no success kind)")
    with kinds_with_success():
        kind_reading("after (a success kind)")
        verdict_reading("after (a success kind)")


if __name__ == "__main__":
    main()
