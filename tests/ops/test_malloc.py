"""A worker's malloc arenas (`ops/malloc.py`): two, unless the operator says otherwise."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from prepcoach.ops.malloc import ARENAS, limit_arenas, worker_environment


def test_a_worker_is_started_with_two_arenas_unless_the_operator_set_them() -> None:
    assert worker_environment({"PATH": "/usr/bin"}) == {"PATH": "/usr/bin", "MALLOC_ARENA_MAX": "2"}
    assert worker_environment({"MALLOC_ARENA_MAX": "8"}) == {"MALLOC_ARENA_MAX": "8"}
    assert ARENAS == 2


def test_the_cap_is_set_at_run_time_on_glibc() -> None:
    # In a process of its own: the cap cannot be lifted once set.
    environment = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-c", "from prepcoach.ops.malloc import limit_arenas; print(limit_arenas())"],
        env=environment, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == str(platform.libc_ver()[0] == "glibc")


def test_the_operators_setting_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")
    assert limit_arenas() is False
