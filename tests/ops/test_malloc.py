"""A worker's malloc arenas (`ops/malloc.py`): two, unless the operator says otherwise."""

from __future__ import annotations

import sys

import pytest

from prepcoach.ops.malloc import ARENAS, limit_arenas, worker_environment


def test_a_worker_is_started_with_two_arenas_unless_the_operator_set_them() -> None:
    assert worker_environment({"PATH": "/usr/bin"}) == {"PATH": "/usr/bin", "MALLOC_ARENA_MAX": "2"}
    assert worker_environment({"MALLOC_ARENA_MAX": "8"}) == {"MALLOC_ARENA_MAX": "8"}
    assert ARENAS == 2


def test_the_cap_is_set_at_run_time_on_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_arenas() is sys.platform.startswith("linux")


def test_the_operators_setting_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")
    assert limit_arenas() is False
