"""CI's two runs together run every test module, each database-dependent one in both
(tests/ci_share.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import tests.conftest
from tests.ci_share import (
    BOTH_DATABASES,
    DATABASE_FREE,
    POSTGRESQL_ONLY,
    kept,
    reaches_database,
    run_of,
)
from tests.conftest import pytest_collection_modifyitems, pytest_ignore_collect

ROOT = Path(__file__).resolve().parents[1]


def modules() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py"))


@dataclass
class Item:
    path: Path


@dataclass
class Config:
    rootpath: Path
    deselected: list[Item] = field(default_factory=list)

    @property
    def hook(self) -> Config:
        return self

    def pytest_deselected(self, items: list[Item]) -> None:
        self.deselected += items


# One module of each kind: both runs, SQLite's only (a browser test), PostgreSQL's only (a
# speech test of the core).
SAMPLE = (
    "tests/test_layering.py",
    "tests/e2e/test_calendar_copy.py",
    "tests/coach/speech/test_vad.py",
)


def select(run: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The sample's modules kept and deselected by the suite's hook in the CI run `run`."""
    monkeypatch.setenv("PREPCOACH_CI_RUN", run)
    items = [Item(ROOT / p) for p in SAMPLE]
    config = Config(ROOT)
    pytest_collection_modifyitems(config, items)  # type: ignore[arg-type]
    names = [i.path.relative_to(ROOT).as_posix() for i in items]
    return names, [i.path.relative_to(ROOT).as_posix() for i in config.deselected]


def test_ci_runs_deselect_what_the_other_run_has_and_refuse_a_wrong_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tests.conftest, "suite_engine", lambda: "django.db.backends.sqlite3")
    assert select("sqlite", monkeypatch) == (list(SAMPLE[:2]), [SAMPLE[2]])
    with pytest.raises(pytest.UsageError, match="PREPCOACH_CI_RUN=postgresql but the suite's"):
        select("postgresql", monkeypatch)
    with pytest.raises(pytest.UsageError, match="must be one of sqlite, postgresql, not 'sqlite3'"):
        select("sqlite3", monkeypatch)
    monkeypatch.setattr(tests.conftest, "suite_engine", lambda: "django.db.backends.postgresql")
    assert select("postgresql", monkeypatch) == ([SAMPLE[0], SAMPLE[2]], [SAMPLE[1]])
    # Unset, the hook leaves every module in.
    monkeypatch.delenv("PREPCOACH_CI_RUN")
    items = [Item(ROOT / p) for p in SAMPLE]
    pytest_collection_modifyitems(Config(ROOT), items)  # type: ignore[arg-type]
    assert len(items) == 3


def test_only_the_pure_core_the_browser_the_own_cluster_and_the_database_free_run_once() -> None:
    once = {p for p in modules() if run_of(p) is not None}
    assert once
    assert all(
        p.startswith(("tests/coach/", "tests/e2e/")) or p in {*POSTGRESQL_ONLY, *DATABASE_FREE}
        for p in once
    ), once
    assert all((ROOT / p).is_file() for p in DATABASE_FREE)
    assert run_of("tests/cli/test_cli.py") == "postgresql"
    # A view's own tests run on both databases; the access matrix on the shared servers' one.
    assert run_of("tests/test_access_matrix.py") == "postgresql"
    assert run_of("tests/accounts/test_access.py") is None
    assert run_of("tests/practice/test_streaming.py") is None
    assert run_of("tests/ops/test_postgres_restart.py") == "postgresql"
    assert run_of("tests/ops/test_shared_server.py") == "postgresql"
    assert run_of("tests/coach/test_relevance.py") == "sqlite"
    assert all((ROOT / p).is_file() for p in POSTGRESQL_ONLY)
    assert run_of("tests/e2e/test_grow_journey.py") == "sqlite"
    # The recording journeys race for an answer's row lock, which only PostgreSQL has.
    assert run_of("tests/e2e/test_practice_journey.py") is None
    assert run_of("tests/e2e/test_recording_store_away.py") is None
    assert all((ROOT / p).is_file() for p in BOTH_DATABASES)  # renamed, it would quietly run once
    assert run_of("tests/coach/speech/test_engine.py") == "postgresql"
    assert run_of("tests/coach/test_reader.py") == "sqlite"


def test_a_ci_run_does_not_even_import_the_other_runs_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = Config(ROOT)

    def ignored(path: str) -> bool | None:
        return pytest_ignore_collect(ROOT / path, config)  # type: ignore[arg-type]

    monkeypatch.setenv("PREPCOACH_CI_RUN", "sqlite")
    assert [ignored(p) for p in SAMPLE] == [None, None, True]
    assert ignored("tests/coach") is None  # a folder: its kept modules are still collected
    assert ignored("tests/coach/conftest.py") is None
    monkeypatch.setenv("PREPCOACH_CI_RUN", "postgresql")
    assert [ignored(p) for p in SAMPLE] == [None, True, None]
    monkeypatch.setenv("PREPCOACH_CI_RUN", "postgres")  # refused when the items are seen
    assert [ignored(p) for p in SAMPLE] == [None, None, None]
    monkeypatch.delenv("PREPCOACH_CI_RUN")
    assert [ignored(p) for p in SAMPLE] == [None, None, None]


def test_a_mistyped_run_is_refused() -> None:
    with pytest.raises(ValueError, match="PREPCOACH_CI_RUN must be one of sqlite, postgresql"):
        kept(["tests/test_layering.py"], "postgres")


def test_a_test_that_asks_for_the_database_reaches_it() -> None:
    assert reaches_database(["tmp_path", "db"], marked=False)
    assert reaches_database(["transactional_db"], marked=False)
    assert reaches_database(["live_server"], marked=False)
    assert reaches_database(["tmp_path"], marked=True)
    assert reaches_database(["django_db_setup", "django_db_blocker"], marked=False)
    # pytest-django's own autouse fixtures are in every closure and give no access.
    assert not reaches_database(["tmp_path", "django_db_blocker"], marked=False)


def test_no_database_free_module_hands_the_database_on_or_opens_it_by_class() -> None:
    # What a fixture closure cannot show: the suite's database handed to a child process, the
    # blocker opened by hand, or a Django TestCase, which opens the database by itself.
    for path in DATABASE_FREE:
        source = (ROOT / path).read_text(encoding="utf-8")
        for pattern in (
            r"\bdatabase_url\(",
            r"\bdjango_db_blocker\b",
            r"\bTestCase\b",
            r"\bDATABASES\b",
        ):
            assert not re.search(pattern, source), f"{path} uses {pattern}"


def test_a_database_free_module_that_asks_for_the_database_stops_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @dataclass
    class Asking(Item):
        fixturenames: tuple[str, ...] = ("tmp_path", "db")
        nodeid: str = "tests/cli/test_cli.py::test_x"

        def get_closest_marker(self, name: str) -> None:
            return None

    monkeypatch.delenv("PREPCOACH_CI_RUN", raising=False)
    with pytest.raises(pytest.UsageError, match="test_x asks for the database"):
        pytest_collection_modifyitems(
            Config(ROOT),  # type: ignore[arg-type]
            [Asking(ROOT / "tests/cli/test_cli.py")],  # type: ignore[list-item]
        )
