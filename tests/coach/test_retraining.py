"""coach.retraining: retrained weights reproduce shipped ones to float rounding, and nothing
that is not rounding passes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.retraining import ATOL, RTOL, check_or_write, differences

weights = st.lists(st.floats(-50, 50, allow_nan=False), min_size=1, max_size=20)


@settings(deadline=None)  # behaviour, not timing: a loaded CI machine took over 200 ms once
@given(weights, st.integers(0, 19), st.floats(-1, 1))
def test_rounding_passes_and_a_real_move_is_named_where_it_is(
    values: list[float], index: int, jitter: float
) -> None:
    shipped = {"model": {"coef": values, "chosen": "emb+struct"}}
    rounded = [v + jitter * (ATOL + RTOL * abs(v)) * 0.9 for v in values]
    assert differences(shipped, {"model": {"coef": rounded, "chosen": "emb+struct"}}) == []
    moved = list(values)
    at = index % len(moved)
    moved[at] += 1e-3 + abs(moved[at]) * 1e-3
    found = differences(shipped, {"model": {"coef": moved, "chosen": "emb+struct"}})
    assert len(found) == 1
    assert found[0].startswith(f"/model/coef[{at}]: 1 of 1 numbers moved")


def test_choices_labels_and_shapes_are_compared_exactly() -> None:
    shipped: dict[str, Any] = {
        "chosen": "emb", "labels": ["missing", "met"], "answers": 600, "kept": True,
        "coef": np.zeros(3), "names": np.array(["a", "b"]), "scale": None,
    }  # fmt: skip
    assert differences(shipped, dict(shipped)) == []
    for key, other in [
        ("chosen", "struct"), ("labels", ["met", "missing"]), ("answers", 601),
        ("kept", False), ("coef", np.zeros(4)), ("names", np.array(["a", "c"])), ("scale", 0.0),
    ]:  # fmt: skip
        found = differences(shipped, {**shipped, key: other})
        assert found, key
        assert all(line.startswith(f"/{key}") for line in found), (key, found)
    assert differences(shipped, {k: v for k, v in shipped.items() if k != "kept"}) == [
        ".: keys ['kept'] differ"
    ]


def test_a_coarser_tolerance_is_one_unit_of_the_stored_place() -> None:
    assert differences([0.12345], [0.12346]) != []
    assert differences([0.12345], [0.12346], atol=1.01e-5) == []
    assert differences([0.12345], [0.12347], atol=1.01e-5) != []


def test_a_trainer_writes_its_weights_then_its_check_reproduces_them(tmp_path: Path) -> None:
    weights = tmp_path / "weights.json"
    reports: list[bool] = []

    def train(report: bool) -> dict[str, Any]:
        reports.append(report)
        return {"cut": 0.5, "weights": [0.25, -1.0]}

    assert check_or_write(train, weights, ["train.py"]) == 0
    assert json.loads(weights.read_text()) == {"cut": 0.5, "weights": [0.25, -1.0]}
    assert check_or_write(train, weights, ["train.py", "--check"]) == 0
    assert reports == [True, False]  # a check trains quietly
    weights.write_text(json.dumps({"cut": 0.6, "weights": [0.25, -1.0]}))
    assert check_or_write(train, weights, ["train.py", "--check"]) == 1  # a moved cut fails
