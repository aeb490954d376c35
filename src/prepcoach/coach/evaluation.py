"""Agreement between the SMART check and human labels, for the benchmark and the tests."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from prepcoach.coach.smart import check_goal

LABELLED_CRITERIA = ("specific", "measurable", "time_bound", "kind")
# The day the labels were written against: "by Friday" must mean the same Friday every run.
LABEL_DAY = dt.date(2026, 11, 21)


@dataclass(frozen=True, slots=True)
class Miss:
    text: str
    criterion: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class Agreement:
    total: int
    agreement: dict[str, float]  # criterion → share of statements where the check agrees
    majority_baseline: dict[str, float]  # always answering the commonest label
    misses: tuple[Miss, ...]


def load_labels(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def measure(rows: list[dict[str, str]], today: dt.date = LABEL_DAY) -> Agreement:
    hits: Counter[str] = Counter()
    misses: list[Miss] = []
    for row in rows:
        result = check_goal(row["text"], today=today)
        predicted = {name: c.verdict.value for name, c in result.criteria.items()}
        predicted["kind"] = result.kind.value
        for criterion in LABELLED_CRITERIA:
            if predicted[criterion] == row[criterion]:
                hits[criterion] += 1
            else:
                misses.append(Miss(row["text"], criterion, row[criterion], predicted[criterion]))
    total = len(rows)
    baseline = {
        c: Counter(row[c] for row in rows).most_common(1)[0][1] / total for c in LABELLED_CRITERIA
    }
    return Agreement(
        total=total,
        agreement={c: hits[c] / total for c in LABELLED_CRITERIA},
        majority_baseline=baseline,
        misses=tuple(misses),
    )
