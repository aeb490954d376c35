"""Agreement between the SMART check and human labels, for the benchmark and the tests.

A labelled CSV has the columns `text,specific,measurable,time_bound,kind` and may have more.
`date_order` (DMY/MDY), where present, is passed to the check as the writer's own date order.
`kind` may be `none` for a goal that none of the four kinds fits (a fitness or finance goal):
the check can say so (its kind is None), so `kind` agreement counts every row with a kind label,
`none` included; `kind_of_four` counts only the rows labelled with one of the four kinds (the
figure reported before the check could answer "none"). `counted` says how many rows each
figure covers.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from prepcoach.coach.smart import SmartContext, check_goal

LABELLED_CRITERIA = ("specific", "measurable", "time_bound", "kind", "kind_of_four")
# The day the old sets (tests/data/goals.csv, goals_heldout.csv) were labelled against: "by
# Friday" must mean the same Friday every run. The sets in tests/data/goals/ use another day.
LABEL_DAY = dt.date(2026, 11, 21)
NO_KIND = frozenset({"", "none"})  # a goal none of the four kinds fits


@dataclass(frozen=True, slots=True)
class Miss:
    text: str
    criterion: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class Agreement:
    total: int
    agreement: dict[str, float]  # criterion → share of its counted rows where the check agrees
    majority_baseline: dict[str, float]  # always answering the commonest label, same rows
    misses: tuple[Miss, ...]
    counted: dict[str, int]  # criterion → rows its figures cover


def load_labels(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]


def labelled(row: dict[str, str], criterion: str) -> bool:
    """Whether the row carries a label for the criterion (`kind_of_four`: one of the four)."""
    if criterion == "kind":
        return bool(row.get("kind", "").strip())
    if criterion == "kind_of_four":
        return row.get("kind", "").lower() not in NO_KIND
    return True


def label_of(row: dict[str, str], criterion: str) -> str:
    if criterion.startswith("kind"):
        return row["kind"].lower()
    return row[criterion]


def measure(rows: list[dict[str, str]], today: dt.date = LABEL_DAY) -> Agreement:
    hits: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {c: Counter() for c in LABELLED_CRITERIA}
    misses: list[Miss] = []
    for row in rows:
        order = row.get("date_order", "").upper()
        context = SmartContext(date_order="DMY" if order == "DMY" else "MDY" if order else None)
        result = check_goal(row["text"], today=today, context=context)
        predicted = {name: c.verdict.value for name, c in result.criteria.items()}
        predicted["kind"] = predicted["kind_of_four"] = result.kind.value if result.kind else "none"
        for criterion in LABELLED_CRITERIA:
            if not labelled(row, criterion):
                continue
            expected = label_of(row, criterion)
            counted[criterion] += 1
            labels[criterion][expected] += 1
            if predicted[criterion] == expected:
                hits[criterion] += 1
            elif criterion != "kind_of_four":
                misses.append(Miss(row["text"], criterion, expected, predicted[criterion]))
    return Agreement(
        total=len(rows),
        agreement={c: hits[c] / counted[c] if counted[c] else 0.0 for c in LABELLED_CRITERIA},
        majority_baseline={
            c: labels[c].most_common(1)[0][1] / counted[c] if counted[c] else 0.0
            for c in LABELLED_CRITERIA
        },
        misses=tuple(misses),
        counted={c: counted[c] for c in LABELLED_CRITERIA},
    )
