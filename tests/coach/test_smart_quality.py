"""The SMART check agrees with human labels (tests/data/README.md says how they were written).

`make bench` prints the figures; this test keeps them from sliding back.
"""

from pathlib import Path

from prepcoach.coach.evaluation import load_labels, measure

DATA = Path(__file__).parent.parent / "data"


def test_agreement_on_the_development_set() -> None:
    result = measure(load_labels(DATA / "goals.csv"))
    assert result.total >= 150
    for criterion, value in result.agreement.items():
        assert value >= 0.95, (criterion, value, result.misses)


def test_agreement_on_the_held_out_set() -> None:
    result = measure(load_labels(DATA / "goals_heldout.csv"))
    for criterion, value in result.agreement.items():
        assert value >= 0.85, (criterion, value, result.misses)


def test_every_kind_and_verdict_is_represented() -> None:
    rows = load_labels(DATA / "goals.csv")
    assert {r["kind"] for r in rows} == {"knowledge", "skills", "behavioral", "networking"}
    for criterion in ("specific", "measurable", "time_bound"):
        assert {r[criterion] for r in rows} == {"met", "missing"}
