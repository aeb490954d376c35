"""Which of a job's key terms bear on an interview question (`coach.keywords.bearing_on`: the
report's key-terms tip and the improvement area "Use the job's key terms" ask only for those),
against the hand-labelled questions of `tests/data/key_terms/`:
- `question_terms_dev.json`, `question_terms_dev2.json`: development (the cut
  `QUESTION_TERM_CUT` was chosen on them, 0.33 on the first, 0.38 on both since the
  twenty-ninth session, `scripts/compare_bearing.py`);
- `question_terms_heldout.json`: held-out, written on 2026-12-03 by the first development set's
  guide, six other jobs; first read that day with the cut at 0.33, read again once after the cut
  moved to 0.38; development from then on;
- `question_terms_heldout2.json`: held-out, written on 2026-12-04 by a writer who read no other
  bearing data or code, ten jobs of held-out adverts; first read after the cut moved to 0.38;
  development from then on (no held-out bearing set is left: the next change needs a fresh
  one). The reads are recorded in tests/data/README.md.

Printed for each set, counted over every (question, term) pair: precision (of the terms named,
the share labelled as bearing: a term named that does not bear is a false alarm the tip would
ask the user to say), recall (of the labelled terms, the share named), and the questions no
term bears on for which nothing is named. Beside, measured in the same run: the cut before
(0.33, `BEFORE`), and every term of the job (what the tip and the area measured before
`bearing_on`, 2026-12-02)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "key_terms"
SETS = (
    ("question_terms_dev.json", "development (the cut was chosen on it)"),
    ("question_terms_dev2.json", "development (the cut was chosen on it)"),
    (
        "question_terms_heldout.json",
        "development since 2026-12-04 (written as held-out on 2026-12-03; read twice, then "
        "development, tests/data/README.md)",
    ),
    (
        "question_terms_heldout2.json",
        "development since 2026-12-04 (written blind as held-out; read once after the cut moved "
        "to 0.38, then development, tests/data/README.md)",
    ),
)
BEFORE = 0.33


def score(named: list[set[str]], labelled: list[set[str]]) -> tuple[float, float, int, int]:
    """Precision, recall, and of the questions with no labelled term how many got none named
    (and how many there are)."""
    hits = sum(len(n & g) for n, g in zip(named, labelled, strict=True))
    said = sum(len(n) for n in named)
    wanted = sum(len(g) for g in labelled)
    empty = [n for n, g in zip(named, labelled, strict=True) if not g]
    return (
        hits / said if said else float("nan"),
        hits / wanted if wanted else float("nan"),
        sum(1 for n in empty if not n),
        len(empty),
    )


def figures(jobs: list[dict[str, Any]]) -> dict[str, tuple[float, float, int, int]]:
    from prepcoach.coach.keywords import bearing_on
    from prepcoach.coach.term_match import shared_embedder

    model = shared_embedder()
    if model is None:
        raise SystemExit("bench_bearing needs the MiniLM sentence model (a default dependency)")
    labelled, shipped, before, every = [], [], [], []
    for job in jobs:
        terms = [str(t) for t in job["terms"]]
        for item in job["questions"]:
            labelled.append({str(t) for t in item["bears"]})
            shipped.append(set(bearing_on(str(item["question"]), terms, model)))
            with cut_at(BEFORE):
                before.append(set(bearing_on(str(item["question"]), terms, model)))
            every.append(set(terms))
    return {
        "bearing_on": score(shipped, labelled),
        f"cut {BEFORE}": score(before, labelled),
        "every term": score(every, labelled),
    }


@contextmanager
def cut_at(cut: float) -> Iterator[None]:
    """`bearing_on` with another cut, for the figure beside the shipped one."""
    from prepcoach.coach import keywords

    kept = keywords.QUESTION_TERM_CUT
    keywords.QUESTION_TERM_CUT = cut
    try:
        yield
    finally:
        keywords.QUESTION_TERM_CUT = kept


def run() -> None:
    from prepcoach.coach.keywords import MOST_BEARING, QUESTION_TERM_CUT

    print(
        f"job terms bearing on a question (cut {QUESTION_TERM_CUT}, at most {MOST_BEARING}), "
        "counted over (question, term) pairs"
    )
    for name, label in SETS:
        jobs = json.loads((DATA / name).read_text())["jobs"]
        count = sum(len(job["questions"]) for job in jobs)
        print(f"  {name}: {label}; {len(jobs)} jobs, {count} questions")
        for method, (precision, recall, silent, empty) in figures(jobs).items():
            print(
                f"    {method:<11} precision {precision:.2f}  recall {recall:.2f}  "
                f"nothing named for {silent} of the {empty} questions no term bears on"
            )


if __name__ == "__main__":
    run()
