"""CI's two runs together run every test module, each database-dependent one in both
(tests/ci_share.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ci_share import RUNS, kept, run_of

ROOT = Path(__file__).resolve().parents[1]


def modules() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py"))


def test_every_module_runs_in_at_least_one_run() -> None:
    paths = modules()
    assert len(paths) > 200
    by_run = {run: kept(paths, run) for run in RUNS}
    dropped = [p for k, p in enumerate(paths) if not any(by_run[r][k] for r in RUNS)]
    assert dropped == []


def test_only_the_pure_core_the_browser_and_the_own_cluster_run_once() -> None:
    once = {p for p in modules() if run_of(p) is not None}
    assert once
    assert all(
        p.startswith(("tests/coach/", "tests/e2e/")) or p == "tests/ops/test_postgres_restart.py"
        for p in once
    ), once
    # A view's own tests and the access matrix run on both databases.
    assert run_of("tests/test_access_matrix.py") is None
    assert run_of("tests/practice/test_streaming.py") is None
    assert run_of("tests/ops/test_postgres_restart.py") == "postgresql"
    assert run_of("tests/e2e/test_practice_journey.py") == "sqlite"
    assert run_of("tests/coach/speech/test_engine.py") == "postgresql"
    assert run_of("tests/coach/test_reader.py") == "sqlite"


def test_a_mistyped_run_is_refused() -> None:
    with pytest.raises(ValueError, match="PREPCOACH_CI_RUN must be one of sqlite, postgresql"):
        kept(["tests/test_layering.py"], "postgres")
