"""Agreement between the SMART check and human labels, for the benchmark and the tests.

A labelled CSV has the columns `text,specific,measurable,time_bound,kind` and may have more
(`domain`, `date_order`, ...), which are ignored here. `kind` may be `none` or blank for a goal
that none of the four kinds fits (a fitness or finance goal); the check always names one of the
four, so kind agreement is counted only over the rows that have a kind, and `counted` says how
many rows each criterion's figures cover.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from prepcoach.coach.smart import check_goal

LABELLED_CRITERIA = ("specific", "measurable", "time_bound", "kind")
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
    counted: dict[str, int]  # criterion → rows its figures cover (kind: rows that have a kind)


def load_labels(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]


def labelled(row: dict[str, str], criterion: str) -> bool:
    """Whether the row carries a label for the criterion (a kind of `none` is no label)."""
    return not (criterion == "kind" and row.get("kind", "").lower() in NO_KIND)


def measure(rows: list[dict[str, str]], today: dt.date = LABEL_DAY) -> Agreement:
    hits: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {c: Counter() for c in LABELLED_CRITERIA}
    misses: list[Miss] = []
    for row in rows:
        result = check_goal(row["text"], today=today)
        predicted = {name: c.verdict.value for name, c in result.criteria.items()}
        predicted["kind"] = result.kind.value
        for criterion in LABELLED_CRITERIA:
            if not labelled(row, criterion):
                continue
            counted[criterion] += 1
            labels[criterion][row[criterion]] += 1
            if predicted[criterion] == row[criterion]:
                hits[criterion] += 1
            else:
                misses.append(Miss(row["text"], criterion, row[criterion], predicted[criterion]))
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
