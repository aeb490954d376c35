"""Answer relevance and story fit against `tests/data/relevance/` (its GUIDE.md says how the
labels were given), beside baselines measured in the same run.

- **Relevance.** prepcoach gives no yes/no verdict on whether an answer addresses its question
  (`coach.relevance`). Printed: the verdict it used to give (no sentence at the calibrated
  similarity cut, or a story told to a question that asks for none: "does not address") and
  the best any similarity cut could do on the set (chosen on that same set, so an upper bound),
  both beside always saying "it does"; and the one check it still raises (a story told to a
  question that asks for none): how often it fires, its precision against "does not address"
  and its recall of those answers.
- **Story fit.** For each question, the story `best_story` ranks first when it fits (or none):
  top-1 agreement with the labelled best story (`best`, or none), and lenient agreement (a story
  the guide lists in `also_ok` also counts), beside the old scoring (the closest sentence alone,
  at the relevance cut) and beside always answering "none".

Sets: `dev.json` and `stories_dev.json` are DEVELOPMENT (the story-fit scoring and its cut were
chosen on them); `heldout.json` and `stories_heldout.json` are HELD-OUT (written first by the
guide; only these aggregate figures are read).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from prepcoach.coach import reader
from prepcoach.coach.relevance import (
    STORY_PARTS,
    StoryChoice,
    best_story,
    cut,
    question_relevance,
    story_sentences,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "relevance"
SETS = (
    ("dev.json", "stories_dev.json", "DEVELOPMENT (the story-fit scoring was chosen on it)"),
    ("heldout.json", "stories_heldout.json", "HELD-OUT (written first; aggregates only)"),
)

Story = tuple[str, str, dict[str, str]]


def relevance(items: Sequence[dict[str, Any]]) -> str:
    scores: list[tuple[float, bool, bool]] = []
    for item in items:
        found = question_relevance(item["question"], item["answer"])
        if found.score is not None:
            scores.append((found.score, found.check, bool(item["addresses"])))
    n = len(scores)
    yes = sum(label for _, _, label in scores)
    baseline = max(yes, n - yes) / n
    old = sum((not check and score >= cut()) == label for score, check, label in scores) / n
    best_any = max(
        sum((score >= c) == label for score, _, label in scores) / n
        for c in sorted({score for score, _, _ in scores} | {1.1})
    )
    fired = [label for _, check, label in scores if check]
    misses = n - yes
    precision = sum(not label for label in fired) / len(fired) if fired else float("nan")
    recall = sum(not label for label in fired) / misses if misses else float("nan")
    return (
        f"    relevance ({n} answers read, {misses} do not address their question): no verdict "
        f"given.\n"
        f"      old verdict {old:.3f}, best similarity cut on this set {best_any:.3f}, always "
        f"'it does' {baseline:.3f}\n"
        f"      check 'a story to a question that asks for none': fires on {len(fired)}, "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )


def old_best_story(question: str, stories: Sequence[Story]) -> str | None:
    """The scoring before: each story's closest sentence, at the relevance cut."""
    texts = [story_sentences(title, parts) for _, title, parts in stories]
    flat = [s for t in texts for s in t]
    vectors = reader.embed([*flat, question])
    if vectors is None:
        return None
    similarity = vectors[:-1] @ vectors[-1]
    best_key, best_score, start = None, -2.0, 0
    for (key, _, _), sentences in zip(stories, texts, strict=True):
        own = similarity[start : start + len(sentences)]
        start += len(sentences)
        if len(own) and float(own.max()) > best_score:
            best_key, best_score = key, float(own.max())
    return best_key if best_score >= cut() else None


def story_fit(banks: Sequence[dict[str, Any]]) -> str:
    def agreement(pick: Callable[[str, Sequence[Story]], str | None]) -> tuple[float, float]:
        top = lenient = total = 0
        for bank in banks:
            stories = [
                (s["key"], s["title"], {p: s[p] for p in STORY_PARTS}) for s in bank["stories"]
            ]
            for q in bank["questions"]:
                got = pick(q["question"], stories)
                total += 1
                top += got == q["best"]
                lenient += got == q["best"] or (got is not None and got in q["also_ok"])
        return top / total, lenient / total

    def new(question: str, stories: Sequence[Story]) -> str | None:
        choice: StoryChoice = best_story(question, stories)
        return None if choice.best is None else str(choice.best.key)

    questions = sum(len(b["questions"]) for b in banks)
    nothing = sum(q["best"] is None for b in banks for q in b["questions"]) / questions
    (top, lenient), (old_top, old_lenient) = agreement(new), agreement(old_best_story)
    return (
        f"    story fit ({len(banks)} banks, {questions} questions): top-1 {top:.3f} "
        f"(lenient {lenient:.3f}); old scoring {old_top:.3f} ({old_lenient:.3f}); always "
        f"'none' {nothing:.3f}"
    )


def run() -> None:
    if reader.embedder() is None:
        print("  the MiniLM sentence model is not installed: no relevance figures")
        return
    for answers, stories, status in SETS:
        print(f"  relevance/{answers} + {stories}: {status}")
        print(relevance(json.loads((DATA / answers).read_text(encoding="utf-8"))))
        print(story_fit(json.loads((DATA / stories).read_text(encoding="utf-8"))))


if __name__ == "__main__":
    run()
