"""The worker's lanes: an analysis lane polls quickly while answers are being recorded."""

from __future__ import annotations

from typing import Any

import pytest

from prepcoach.ops.management.commands import run_worker
from prepcoach.ops.management.commands.run_worker import QUICK_FOR_S, QUICK_POLL_S, Lane


@pytest.fixture(autouse=True)
def no_recent_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Lane, "last_task", float("-inf"))


def _lane(quick: bool, name: str = "") -> Lane:
    made = dict(run_worker.made_lanes(2, 1.0, "default", "test-1"))
    lane = made[name or ("analysis-1" if quick else "mail")]
    assert lane.quick is quick
    return lane


def test_an_analysis_lane_polls_quickly_for_a_while_after_a_task(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(run_worker.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(run_worker.db_worker.Worker, "run_task", lambda self, task: None)
    lane, other = _lane(quick=True), _lane(quick=False)
    assert lane.interval == other.interval == 1.0  # idle: as the worker was asked
    task: Any = object()
    lane.run_task(task)  # a streaming step of an answer being recorded
    other.run_task(task)
    clock[0] += QUICK_FOR_S - 1
    assert lane.interval == QUICK_POLL_S  # its analysis may follow any moment
    assert other.interval == 1.0  # mail, feeds and the rest poll as before
    # The other analysis lane too: the one that ran the step may still be running the last.
    assert _lane(True, "analysis-2").interval == QUICK_POLL_S
    clock[0] += 2
    assert lane.interval == 1.0  # idle again


def test_a_task_that_fails_still_counts_as_recent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_worker.time, "monotonic", lambda: 50.0)

    def broken(self: Lane, task: object) -> None:
        raise run_worker.OperationalError("database gone")

    monkeypatch.setattr(run_worker.db_worker.Worker, "run_task", broken)
    lane = _lane(quick=True)
    with pytest.raises(run_worker.OperationalError):
        lane.run_task(type("Task", (), {"pk": 7})())
    assert lane.cut_short == "7"
    assert lane.interval == QUICK_POLL_S


def test_only_the_analysis_lanes_poll_quickly() -> None:
    made = run_worker.made_lanes(2, 1.0, "default", "test-1")
    assert [name for name, lane in made if lane.quick] == ["analysis-1", "analysis-2"]
    assert {name for name, lane in made if not lane.quick} == {"mail", "default", "feeds"}
