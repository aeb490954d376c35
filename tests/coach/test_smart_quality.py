"""The SMART check agrees with human labels (tests/data/README.md says how they were written).

`make bench` prints the figures; this test keeps them from sliding back. It pins figures on the
two old sets, goals.csv and goals_heldout.csv: both are development sets now (rules were written
or changed while looking at them), so these are development figures, not an estimate of quality
on goals nobody has seen. The new sets in tests/data/goals/ are only checked for their shape
here: the held-out one is never run through the check outside `make bench`'s aggregate figures.
"""

import csv
from pathlib import Path

from prepcoach.coach.evaluation import load_labels, measure

DATA = Path(__file__).parent.parent / "data"
NEW_COLUMNS = ["text", "specific", "measurable", "time_bound", "kind", "domain", "date_order"]
KINDS = {"knowledge", "skills", "behavioral", "networking", "none"}
DOMAINS = {"career", "health", "fitness", "study", "finance", "home", "work"}


# Since issue 9 both old sets (and goals/dev.csv) are training data of the models in
# coach/goal_models.py, so these figures are fit on the training set (1.000 when pinned), not
# an estimate of quality: scripts/train_goal_models.py prints the cross-validated figures and
# `make bench` the held-out ones. The floors were raised (0.95 and 0.85 before), never lowered.
FLOOR = 0.97


def test_agreement_on_the_old_development_set() -> None:
    result = measure(load_labels(DATA / "goals.csv"))
    assert result.total >= 150
    for criterion, value in result.agreement.items():
        assert value >= FLOOR, (criterion, value, result.misses)
        assert value > result.majority_baseline[criterion], criterion


def test_agreement_on_the_old_second_set_now_development() -> None:
    # Written as held-out; rule changes made after it was written fixed its measurable misses,
    # so it is a development set since (tests/data/README.md).
    result = measure(load_labels(DATA / "goals_heldout.csv"))
    for criterion, value in result.agreement.items():
        assert value >= FLOOR, (criterion, value, result.misses)
        assert value > result.majority_baseline[criterion], criterion


def test_every_kind_and_verdict_is_represented() -> None:
    rows = load_labels(DATA / "goals.csv")
    assert {r["kind"] for r in rows} == {"knowledge", "skills", "behavioral", "networking"}
    for criterion in ("specific", "measurable", "time_bound"):
        assert {r[criterion] for r in rows} == {"met", "missing"}


def test_the_new_sets_have_the_guides_shape() -> None:
    for name, least in (("dev.csv", 200), ("heldout.csv", 110)):
        path = DATA / "goals" / name
        with path.open(newline="", encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == NEW_COLUMNS
        rows = load_labels(path)
        assert len(rows) >= least, name
        for row in rows:
            assert {row[c] for c in ("specific", "measurable", "time_bound")} <= {"met", "missing"}
            assert row["kind"] in KINDS, row["kind"]
            assert row["domain"] in DOMAINS, row["domain"]
            assert row["date_order"] in {"", "DMY", "MDY"}
        outside = sum(row["domain"] != "career" for row in rows)
        assert outside >= 0.3 * len(rows), name


def test_none_is_a_kind_label_the_check_can_give() -> None:
    rows = [
        {"text": "run 5k", "specific": "met", "measurable": "met", "time_bound": "missing",
         "kind": "none", "domain": "fitness", "date_order": ""},
        {"text": "Do 3 mock interviews by Friday", "specific": "met", "measurable": "met",
         "time_bound": "met", "kind": "behavioral", "domain": "career", "date_order": ""},
    ]  # fmt: skip
    result = measure(rows)
    assert result.total == 2
    assert result.counted == {
        "specific": 2, "measurable": 2, "time_bound": 2, "kind": 2, "kind_of_four": 1
    }  # fmt: skip
    assert result.agreement["kind"] == 1.0  # "run 5k" is none, and the check says so
    assert result.majority_baseline["kind_of_four"] == 1.0
