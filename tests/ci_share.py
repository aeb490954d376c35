"""Which of CI's two runs (`.ci/run`: one on SQLite, one on PostgreSQL) runs a test module.

Most modules run in both: their result may depend on the database. A few cannot, and run once,
in the run that evens the two out (each run is pinned to its half of the cores, so the longer
one sets CI's time, which must stay within 30 minutes):
- the pure core (`tests/coach`) imports no Django and touches no database
  (`tests/test_coach_tests_need_no_database.py` holds that);
- the browser journeys (`tests/e2e`) drive Chromium through pages whose views each have their
  own tests, run on both databases (one test module per view); the journeys test what the
  browser does with those pages (scripts, layout, accessibility), which no database changes.
  They run on SQLite, the embedded default a new user's `make run` serves. Except the
  recording journeys (`BOTH_DATABASES`): there the browser sends pieces while earlier ones are
  read, on the live server's threads, which race for the answer's row
  (`select_for_update`), a lock SQLite does not have;
- `tests/ops/test_postgres_restart.py` starts a PostgreSQL cluster of its own whatever the
  suite uses.

`make test` without PREPCOACH_CI_RUN runs every module, as a developer expects.
"""

from __future__ import annotations

# Each run's name and the database engine it must run on.
ENGINES = {
    "sqlite": "django.db.backends.sqlite3",
    "postgresql": "django.db.backends.postgresql",
}
RUNS = tuple(ENGINES)

# Modules of the pure core that run in the PostgreSQL run, to even the runs out: the speech
# engine's tests and three retraining checks. Each run has its own core (`.ci/run` pins it), so
# neither can take up the other's slack: measured 2026-12-02 with the relevance and SMART checks
# on SQLite, SQLite took 32:25 and PostgreSQL 28:56; those two took 92 s of SQLite's.
CORE_ON_POSTGRESQL = (
    "tests/coach/speech/",
    "tests/coach/test_keywords.py",
    "tests/coach/test_relevance.py",
    "tests/coach/test_smart_models.py",
)


# Browser journeys that run on both databases (see above).
BOTH_DATABASES = (
    "tests/e2e/test_practice_journey.py",
    "tests/e2e/test_recording_store_away.py",
)


def run_of(path: str) -> str | None:
    """The one run ("sqlite" or "postgresql") that runs the test module at `path` (relative to
    the project, with forward slashes), or None when both do."""
    if path in BOTH_DATABASES:
        return None
    if path == "tests/ops/test_postgres_restart.py":
        return "postgresql"
    if path.startswith("tests/e2e/"):
        return "sqlite"
    if path.startswith("tests/coach/"):
        return "postgresql" if path.startswith(CORE_ON_POSTGRESQL) else "sqlite"
    return None


def kept(paths: list[str], run: str) -> list[bool]:
    """Which of `paths` the run `run` keeps. ValueError for a run not in RUNS (a mistyped name
    must not quietly run nothing, or everything)."""
    if run not in RUNS:
        raise ValueError(f"PREPCOACH_CI_RUN must be one of {', '.join(RUNS)}, not {run!r}")
    return [run_of(path) in {None, run} for path in paths]
