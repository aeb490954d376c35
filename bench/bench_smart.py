"""SMART check quality on the labelled goals in tests/data/goals.csv, and its speed.

Quality: per-criterion agreement with the human labels, beside a baseline that always gives the
commonest label (measured on the same data in the same run). Speed: milliseconds per goal,
beside a baseline that only splits the text into words.
"""

import sys
import time
from pathlib import Path

from prepcoach.coach.evaluation import load_labels, measure
from prepcoach.coach.smart import check_goal

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = {
    "development set (the rules were written against it)": DATA / "goals.csv",
    "held-out set (never used to change the rules)": DATA / "goals_heldout.csv",
}


def run() -> None:
    for title, path in SETS.items():
        report(title, load_labels(path))
    timing(load_labels(DATA / "goals.csv"))


def report(title: str, rows: list[dict[str, str]]) -> None:
    result = measure(rows)
    print(f"{title}: {result.total} labelled goals")
    print(f"{'criterion':<12} {'agreement':>9} {'baseline':>9} {'ratio':>6}")
    for criterion, value in result.agreement.items():
        base = result.majority_baseline[criterion]
        print(f"{criterion:<12} {value:>9.3f} {base:>9.3f} {value / base:>6.2f}")
    if "-v" in sys.argv:
        for miss in result.misses:
            print(f"  {miss.criterion}: expected {miss.expected}, got {miss.got}: {miss.text}")


def timing(rows: list[dict[str, str]]) -> None:
    texts = [row["text"] for row in rows]
    check_goal(texts[0])  # warm the date parser's caches once, as a running server would
    start = time.perf_counter()
    for text in texts:
        check_goal(text)
    checked = (time.perf_counter() - start) / len(texts)
    start = time.perf_counter()
    for _ in range(100):
        for text in texts:
            text.split()
    split = (time.perf_counter() - start) / (100 * len(texts))
    print(f"speed: {checked * 1000:.2f} ms per goal; {checked / split:.0f}x a plain str.split()")
