"""How prepcoach's reading of a typed answer agrees with the labelled transcripts in
tests/data/answer_transcripts.json: STAR parts, a personal action, a quantified result, and
fillers matched word by word.

These are DEVELOPMENT figures, not a measure of quality. The first reader's cue phrases were
grown in the same change that added these transcripts (2026-11-30), each phrase matching one of
them; the reading is now the trained reader's (`coach.content.read_content`, `coach.reader`),
whose cue lists are features among others, and the transcripts are among what it was chosen
on. Figures on texts that measure what was fitted to them say how well it fits, not how well
it reads answers nobody has seen: `bench_reader`'s held-out sets do that.

Each figure stands beside the always-the-commonest-label baseline on the same transcripts: a
figure at or below it says nothing the label counts did not.

Fillers: each transcript lists its labelled fillers as [text, word index], the index counting
the words of `prepcoach.coach.delivery.tokens_of(None, transcript)` from 0 (a phrase such as
"you know" at its first word). A detected filler matches an unmatched labelled one within one
word of it. Precision counts every detected filler that matches none (a false alarm);
recall counts every labelled filler that nothing matched.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path
from typing import Any

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.delivery import find_fillers, tokens_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "answer_transcripts.json"
LABELS = ("situation", "task", "action", "result", "quantified_result")
NEAR = 1  # words either side of a labelled filler that still count as finding it


def set_dates() -> tuple[str, str]:
    """When the set was written, and when its labels last changed (from git log)."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%ad %h", "--date=short", "--", str(DATA.relative_to(ROOT))],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git history)", "unknown"
    dates = [line for line in log if line.strip()]
    if not dates:
        return "not committed yet", "not committed yet"
    return dates[-1], dates[0]


def detected_fillers(transcript: str) -> list[tuple[str, int]]:
    """What prepcoach finds, with each filler's word index (the token's place, not a time)."""
    tokens = tokens_of(None, transcript)
    placed = [dataclasses.replace(t, start=float(i)) for i, t in enumerate(tokens)]
    return [(f.text, int(f.start or 0)) for f in find_fillers(placed)]


def match(labelled: list[tuple[str, int]], found: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Pairs (labelled index, found index), each used once, nearest first."""
    pairs = sorted(
        (abs(lp - fp), li, fi)
        for li, (_, lp) in enumerate(labelled)
        for fi, (_, fp) in enumerate(found)
        if abs(lp - fp) <= NEAR
    )
    used_l: set[int] = set()
    used_f: set[int] = set()
    matched = []
    for _, li, fi in pairs:
        if li not in used_l and fi not in used_f:
            used_l.add(li)
            used_f.add(fi)
            matched.append((li, fi))
    return matched


def agreement(items: list[dict[str, Any]]) -> None:
    agree = dict.fromkeys(LABELS, 0)
    misses: list[str] = []
    for item in items:
        result = analyse_answer(text=item["transcript"])
        star = result.content.star
        got = {
            "situation": star["situation"].present,
            "task": star["task"].present,
            "action": result.content.ownership.personal,
            "result": star["result"].present,
            "quantified_result": result.content.quantified_result.present,
        }
        for label in LABELS:
            agree[label] += got[label] == item[label]
            if got[label] != item[label]:
                misses.append(f"{item['id']}:{label}")
    n = len(items)
    print("  agreement with the labels   (baseline: always the commonest label)")
    for label in LABELS:
        present = sum(bool(i[label]) for i in items)
        commonest = "present" if present >= n - present else "absent"
        baseline = max(present, n - present) / n
        print(
            f"  {label:<18} {agree[label] / n:.3f}   baseline {baseline:.3f} "
            f"(always {commonest!r})   margin {agree[label] / n - baseline:+.3f}"
        )
    print(f"  disagreements: {', '.join(misses[:14])}{' …' if len(misses) > 14 else ''}")


def fillers(items: list[dict[str, Any]]) -> None:
    tp = detected = labelled = 0
    old_tp = 0
    false_alarms: list[str] = []
    missed: list[str] = []
    for item in items:
        spans = [(str(text), int(at)) for text, at in item["filler_spans"]]
        if len(spans) != item["fillers"]:
            raise SystemExit(f"{item['id']}: {item['fillers']} fillers but {len(spans)} spans")
        found = detected_fillers(item["transcript"])
        pairs = match(spans, found)
        tp += len(pairs)
        detected += len(found)
        labelled += len(spans)
        old_tp += min(len(found), len(spans))
        hit_l = {li for li, _ in pairs}
        hit_f = {fi for _, fi in pairs}
        false_alarms += [
            f"{item['id']}:{t}@{p}" for i, (t, p) in enumerate(found) if i not in hit_f
        ]
        missed += [f"{item['id']}:{t}@{p}" for i, (t, p) in enumerate(spans) if i not in hit_l]
    print(f"  fillers, matched by position (±{NEAR} word): {labelled} labelled, {detected} found")
    print(
        f"  fillers            recall {tp / max(labelled, 1):.3f}   "
        f"precision {tp / max(detected, 1):.3f}   (false alarms count)"
    )
    print(
        f"  (matched by count, as before, a false alarm could stand in for a miss in the same "
        f"answer: recall {old_tp / max(labelled, 1):.3f}, "
        f"precision {old_tp / max(detected, 1):.3f})"
    )
    print(f"  false alarms: {', '.join(false_alarms) or 'none'}")
    print(f"  missed: {', '.join(missed) or 'none'}")


def run() -> None:
    items: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))
    written, changed = set_dates()
    print(
        f"DEVELOPMENT figures: the {len(items)} labelled transcripts the rules were written "
        "against, not a held-out set"
    )
    print(f"  set written {written}; labels last changed {changed}")
    agreement(items)
    fillers(items)


if __name__ == "__main__":
    run()
