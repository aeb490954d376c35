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
  suite uses;
- the shared server across machines (`tests/ops/test_shared_server.py`: web and workers as
  programs sharing only the database and an object store) runs on PostgreSQL, the database a
  shared server uses (docs/operations.md); a SQLite file cannot be shared across machines;
- the access matrix (`tests/test_access_matrix.py`: every URL asked by every persona, 10,000
  requests) runs on PostgreSQL, the database of the servers where people share things. Its
  verdicts come from the views and `accounts.access`, whose queries are tested on both
  databases by each view's module and by `tests/accounts/test_access.py` (which runs on both);
- the relevance verdict's retraining check (a pure-core test) runs on SQLite with the rest of
  the core (the retrospective splitter's check too), where the access matrix left room; the
  key-term, reader and SMART retraining checks and the speech tests on PostgreSQL;
- the modules that never reach the suite's database (`DATABASE_FREE`): no test of theirs asks
  for a database (pytest-django refuses one to a test that did not ask), and the programs they
  start get a fresh home of their own on SQLite (`tests.support.child_env` drops
  DATABASE_URL), so the run's database cannot change what they do. The suite's collection
  refuses a test of theirs that asks for a database (`reaches_database`).

`make test` without PREPCOACH_CI_RUN runs every module, as a developer expects.
"""

from __future__ import annotations

from collections.abc import Iterable

# Each run's name and the database engine it must run on.
ENGINES = {
    "sqlite": "django.db.backends.sqlite3",
    "postgresql": "django.db.backends.postgresql",
}
RUNS = tuple(ENGINES)

# Modules of the pure core that run in the PostgreSQL run, to even the runs out: the speech
# engine's tests and two retraining checks. Each run has its own core (`.ci/run` pins it), so
# neither can take up the other's slack: measured 2026-12-02 with the relevance and SMART checks
# on SQLite, SQLite took 32:25 and PostgreSQL 28:56; those two took 92 s of SQLite's. With the
# access matrix (about 100 s) on PostgreSQL only, the relevance check (about 78 s) went back.
# Measured 2026-12-02 (eighteenth session, a quiet machine): SQLite 15:25, PostgreSQL 14:00; the
# reader's retraining check (about 28 s) then moved to PostgreSQL. Measured 2026-12-04
# (twenty-ninth session, a slower machine): SQLite 25:24, PostgreSQL 28:27, CI 30:12, the
# reader's check 68 s of PostgreSQL's; it went back to SQLite.
CORE_ON_POSTGRESQL = (
    "tests/coach/speech/",
    "tests/coach/test_keywords.py",
    "tests/coach/test_smart_models.py",
)
# Modules outside the core and the browser that run on PostgreSQL only (see above for why).
POSTGRESQL_ONLY = (
    "tests/ops/test_postgres_restart.py",
    "tests/ops/test_shared_server.py",
    "tests/test_access_matrix.py",
)


# Modules outside the core that never reach the suite's database (see above). They run in the
# PostgreSQL run, to even the runs out: measured 2026-12-02, they took 122 s of each run.
DATABASE_FREE = (
    "tests/cli/test_backup_cli.py",
    "tests/cli/test_cli.py",
    "tests/cli/test_serve_site_url.py",
    "tests/goals/test_replan_words.py",
    "tests/ops/test_store.py",
    "tests/ops/test_unavailable.py",
    "tests/ops/test_worker_supervision.py",
)
# The fixtures that give a test the suite's database, or the means to open it
# (`django_db_setup` with `django_db_blocker.unblock()`, as tests/test_access_matrix.py does). A
# test's fixture closure is checked, so a fixture that asks for one of these (the personas of
# tests/conftest.py ask for `db`) is seen too. (`django_db_blocker` alone is in every test's
# closure, through pytest-django's own autouse fixtures, and opens nothing without the set-up.)
# What a closure cannot show (a `django.test.TestCase`, `tests.support.database_url()` handed
# to a child process) is looked for in the modules' source by tests/test_ci_share.py.
DATABASE_FIXTURES = frozenset({"db", "transactional_db", "live_server", "django_db_setup"})

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
    if path in POSTGRESQL_ONLY or path in DATABASE_FREE:
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


def reaches_database(fixtures: Iterable[str], marked: bool) -> bool:
    """Whether a test with this fixture closure (and a `django_db` mark or not) reaches the
    suite's database."""
    return marked or not DATABASE_FIXTURES.isdisjoint(fixtures)
