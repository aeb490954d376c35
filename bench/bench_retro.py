"""Retrospective → STAR stories: how well `coach.retro_stories` finds one story per project and
places each sentence, against the labelled retrospectives (`tests/data/retrospectives/`).

Figures per set: story count right (share of retrospectives), story-or-remark per sentence,
same-story pairs (precision, recall, F1 over pairs of sentences), and STAR part per labelled
story sentence (a story sentence set aside counts as a miss). Baselines measured in the same
run: the old one-click draft (the "energised" answer as Situation, "stumbled" as Action, one
story) and, for story-or-remark, always answering "story". The development figures are
cross-validated (5 folds grouped by retrospective, settings as shipped); the held-out set is
read for aggregates only, never per item. Speed: median time to draft one retrospective.
"""

from __future__ import annotations

import statistics
import time

from prepcoach.coach import retro_stories, retro_training

HELD_OUT = retro_training.DATA / "heldout.json"
ALWAYS = "always 'story' (baseline)"


def line(name: str, figures: dict[str, float]) -> str:
    return (
        f"  {name:<26} count {figures['story count']:.3f}  story/remark "
        f"{figures['story or remark']:.3f}  pairs P {figures['same-story pairs P']:.3f} "
        f"R {figures['same-story pairs R']:.3f} F1 {figures['same-story pairs F1']:.3f}  "
        f"STAR part {figures['STAR part']:.3f}"
    )


def run() -> None:
    weights = retro_stories.weights()
    settings = tuple(float(v) for v in weights["settings"])
    dev = retro_training.load(retro_training.DEV)
    dev_vectors = retro_training.embed_all(dev)
    print(
        f"dev.json: {len(dev)} retrospectives, development (2026-11-30; the models were trained "
        "and their settings chosen on it); cross-validated"
    )
    print(line("splitter (5-fold CV)", retro_training.cross_validate(dev, dev_vectors, settings)))
    old = retro_training.figures(dev, dev_vectors, None)
    print(line("old one-click draft", old))
    print(f"  always 'story' (story/remark baseline): {old[ALWAYS]:.3f}")

    held = retro_training.load(HELD_OUT)
    held_vectors = retro_training.embed_all(held)
    print(
        f"heldout.json: {len(held)} retrospectives, held-out (2026-11-30; written first by the "
        "guide, never opened while tuning; aggregates only)"
    )
    new = retro_training.figures(held, held_vectors, weights)
    old = retro_training.figures(held, held_vectors, None)
    print(line("splitter", new))
    print(line("old one-click draft", old))
    print(f"  always 'story' (story/remark baseline): {old[ALWAYS]:.3f}")

    # The text as a user typed it, split again by prepcoach's own splitter.
    raw = [{p: " ".join(s) for p, s in r.answers} for r in held]
    times = []
    for answers in raw:
        start = time.perf_counter()
        retro_stories.draft_stories(answers)
        times.append((time.perf_counter() - start) * 1000)
    print(f"  time to draft one retrospective: median {statistics.median(times):.0f} ms, "
          f"max {max(times):.0f} ms")  # fmt: skip


if __name__ == "__main__":
    run()
