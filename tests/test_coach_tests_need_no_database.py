"""The tests of the pure core use no database, so CI runs them once (`.ci/run`: the speech tests
in the PostgreSQL run, the rest in the SQLite run). This holds that: a coach test that asks for
a database fixture or mark, or imports Django or a Django app of prepcoach, fails here, in both
runs, instead of going untested on the other database."""

from __future__ import annotations

import ast
from pathlib import Path

COACH_TESTS = Path(__file__).parent / "coach"
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_setup", "django_db_blocker", "client",
     "admin_client", "django_user_model", "live_server", "settings", "django_db_reset_sequences"}
)  # fmt: skip


def uses_database(source: str) -> list[str]:
    """What in a test module's source reaches the database or Django, by name."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [f"{node.name}({a.arg})" for a in node.args.args if a.arg in DATABASE_FIXTURES]
        elif isinstance(node, ast.Attribute) and node.attr == "django_db":
            found.append("mark django_db")
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "django"]
        elif isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")
            if top[0] == "django" or (top[0] == "prepcoach" and top[1:2] != ["coach"]):
                found.append(node.module)
    return found


def test_the_check_sees_fixtures_marks_and_imports() -> None:
    source = (
        "import pytest\nfrom django.conf import settings\nfrom prepcoach.practice import models\n"
        "from prepcoach.coach import smart\n@pytest.mark.django_db\ndef test_a(db): ...\n"
    )
    assert sorted(uses_database(source)) == [
        "django.conf",
        "mark django_db",
        "prepcoach.practice",
        "test_a(db)",
    ]
    assert uses_database("from prepcoach.coach.smart import check\ndef test_b(tmp_path): ...") == []


def test_no_coach_test_reaches_the_database() -> None:
    modules = sorted(COACH_TESTS.rglob("*.py"))
    assert len(modules) > 50
    found = {
        str(path.relative_to(COACH_TESTS)): names
        for path in modules
        if (names := uses_database(path.read_text()))
    }
    assert found == {}
