"""The reader's agreement with a labelled set's answers (`bench_reader.py`): per criterion, the
trained reader by its cuts, the earlier any-sentence rule, the old cue-list reader from git and
the commonest label, and the verdict on whether an answer addresses its question that prepcoach
used to give."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

from reader_band import BAND_HEADS, band_rows  # type: ignore[import-not-found]
from reader_tables import (  # type: ignore[import-not-found]
    CRITERIA,
    DATA,
    ROOT,
    gold,
    show,
)

from prepcoach.coach import reader
from prepcoach.coach.reader import Reading
from prepcoach.coach.relevance import cut as relevance_cut
from prepcoach.coach.relevance import question_relevance

OLD_COMMIT = "8c00033"  # the cue-list reader as it stood before the trained one (as at f3a3e3d)


def old_reader() -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:src/prepcoach/coach/content.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    module = types.ModuleType("baseline_content")
    sys.modules["baseline_content"] = module  # dataclasses look their module up
    exec(compile(source, "baseline_content.py", "exec"), module.__dict__)  # noqa: S102
    return module


def new_answer(text: str) -> tuple[dict[str, bool], dict[str, bool]]:
    """The reader's answer-level findings (by its cuts) and the any-sentence rule's."""
    reading: Reading = reader.read_text(text)
    found = reading.presence
    by_cut = {
        "situation": bool(found) and found["situation"].present,
        "task": bool(found) and found["task"].present,
        "action": bool(found) and found["personal_action"].present,
        "result": bool(found) and found["result"].present,
        "quantified_result": bool(found) and found["quantified_result"].present,
    }
    r = reading.sentences
    any_sentence = {
        "situation": any(x.part == "situation" for x in r),
        "task": any(x.part == "task" for x in r),
        "action": any(x.part == "action" and x.owner == "i" for x in r),
        "result": any(x.part == "result" for x in r),
        "quantified_result": any(x.quantified for x in r),
    }
    return by_cut, any_sentence


def old_answer(old: types.ModuleType, text: str) -> tuple[dict[str, bool], Any]:
    a = old.analyse_content(text)
    return (
        {
            "situation": a.star["situation"].present,
            "task": a.star["task"].present,
            "action": a.ownership.i_actions > 0,
            "result": a.star["result"].present,
            "quantified_result": a.quantified_result.present,
        },
        a,
    )


def old_part(analysis: Any, sentence: str) -> str:
    for part in ("situation", "task", "action", "result"):
        if sentence in analysis.star[part].evidence:
            return part
    return "other"


def figures(answers: list[dict[str, Any]], old: types.ModuleType) -> dict[str, tuple[float, ...]]:
    """{criterion: (new, any sentence, old, baseline)} over a set, aggregate only."""
    new_right = dict.fromkeys(CRITERIA, 0)
    any_right = dict.fromkeys(CRITERIA, 0)
    old_right = dict.fromkeys(CRITERIA, 0)
    counts: dict[str, list[int]] = {c: [0, 0] for c in CRITERIA[:-1]}
    part_counts: dict[str, int] = {}
    sentences = 0
    for answer in answers:
        text = " ".join(s["text"] for s in answer["sentences"])
        truth = gold(answer)
        mine, eager = new_answer(text)
        theirs, old_analysis = old_answer(old, text)
        for key, value in truth.items():
            new_right[key] += mine[key] == value
            any_right[key] += eager[key] == value
            old_right[key] += theirs[key] == value
            counts[key][value] += 1
        gold_sentences = [s["text"] for s in answer["sentences"]]
        labels = reader.label_sentences(
            gold_sentences, reader.embed(gold_sentences), reader.weights()
        )
        for s, label in zip(answer["sentences"], labels, strict=True):
            sentences += 1
            part_counts[s["part"]] = part_counts.get(s["part"], 0) + 1
            new_right["sentence part"] += label[0] == s["part"]
            any_right["sentence part"] += label[0] == s["part"]
            old_right["sentence part"] += old_part(old_analysis, s["text"]) == s["part"]
    n = len(answers)
    out: dict[str, tuple[float, ...]] = {
        c: (new_right[c] / n, any_right[c] / n, old_right[c] / n, max(counts[c]) / n)
        for c in CRITERIA[:-1]
    }
    out["sentence part"] = (
        new_right["sentence part"] / sentences,
        any_right["sentence part"] / sentences,
        old_right["sentence part"] / sentences,
        max(part_counts.values()) / sentences,
    )
    return out


def relevance_figures(answers: list[dict[str, Any]]) -> tuple[float, float]:
    """Agreement of the verdict prepcoach used to give (a story to a question that asks for
    none, or no sentence at the calibrated similarity cut: "does not address"), which it no
    longer gives (`coach.relevance`), and of the commonest label."""
    right = yes = read = 0
    for answer in answers:
        text = " ".join(s["text"] for s in answer["sentences"])
        found = question_relevance(answer["question"], text)
        if found.score is None:
            continue  # the reader cannot read it: no verdict either way
        old_verdict = not found.check and found.score >= relevance_cut()
        right += old_verdict == answer["addresses_question"]
        yes += bool(answer["addresses_question"])
        read += 1
    return right / read, max(yes, read - yes) / read


HEADS = ("reader", "any sent.", "old", "baseline")


def labelled_set(path: Path, status: str, old: types.ModuleType) -> None:
    """Aggregate figures over one labelled answer set (answers/*.json)."""
    answers = json.loads(path.read_text(encoding="utf-8"))
    rows = figures(answers, old)
    old_rel, base_rel = relevance_figures(answers)
    nan = float("nan")
    rows["addresses_question"] = (nan, nan, old_rel, base_rel)  # no verdict any more
    sentences = sum(len(a["sentences"]) for a in answers)
    show(
        f"{path.relative_to(DATA)} ({len(answers)} answers, {sentences} sentences), {status} "
        "(aggregate only)",
        rows, HEADS,
    )  # fmt: skip
    show(f"{path.relative_to(DATA)}: the can't-tell band (reader.UNSURE_FROM)",
         band_rows(answers), BAND_HEADS)  # fmt: skip
