"""The house (issue 13): the job is upstream of every step, Plan and Grow do not lean on each
other, and nothing but the CLI reaches into the CLI's command modules.

Every `import` in `src/prepcoach` is read with `ast`, those inside functions too: an import
hidden in a function is still a dependency, and hiding one is how the goals <-> research cycle
went unseen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import prepcoach

SRC = Path(prepcoach.__file__).parent
# The apps of the journey's steps and the faces over them: none of them is below the job.
STEPS = frozenset(
    {"goals", "partners", "network", "research", "reflection", "reading", "interviews",
     "practice", "feedback", "groups", "dashboard", "api", "cli"}
)  # fmt: skip


def module_name(path: Path, src: Path = SRC) -> str:
    parts = path.relative_to(src.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, src: Path = SRC) -> set[str]:
    """Every prepcoach module `path` imports, anywhere in it, relative imports resolved."""
    package = module_name(path, src).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "prepcoach" or name.startswith("prepcoach.")}


def graph() -> dict[str, set[str]]:
    return {
        module_name(path): imported(path)
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
    }


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def offences(edges: dict[str, set[str]], source_app: str, banned: set[str]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in edges.items()
        if app_of(module) == source_app
        for target in targets
        if app_of(target) in banned
    )


@pytest.fixture(scope="module")
def edges() -> dict[str, set[str]]:
    return graph()


def test_the_scan_sees_imports_in_functions_and_relative_ones(tmp_path: Path) -> None:
    """The reader itself: a hidden import and a relative one count (or the rules below could
    pass by seeing nothing)."""
    src = tmp_path / "prepcoach"
    (src / "jobs").mkdir(parents=True)
    sample = src / "jobs" / "sample.py"
    sample.write_text(
        "def f():\n    from prepcoach.goals.models import Goal\n\nfrom .models import Fact\n"
    )
    found = imported(sample, src)
    assert found >= {
        "prepcoach.goals.models", "prepcoach.goals.models.Goal", "prepcoach.jobs.models"
    }  # fmt: skip
    assert offences({module_name(sample, src): found}, "jobs", {"goals"}) == [
        "prepcoach.jobs.sample imports prepcoach.goals.models",
        "prepcoach.jobs.sample imports prepcoach.goals.models.Goal",
    ]


def test_the_job_is_upstream_of_every_step(edges: dict[str, set[str]]) -> None:
    assert any(app_of(m) == "jobs" for m in edges)
    assert offences(edges, "jobs", set(STEPS)) == []


def test_plan_and_grow_do_not_import_each_other(edges: dict[str, set[str]]) -> None:
    assert offences(edges, "goals", {"research"}) == []
    assert offences(edges, "research", {"goals"}) == []


def test_plan_reads_interviews_from_the_job_not_from_the_debriefs(
    edges: dict[str, set[str]],
) -> None:
    assert offences(edges, "goals", {"interviews"}) == []


def test_only_the_cli_imports_its_command_modules(edges: dict[str, set[str]]) -> None:
    reached = sorted(
        f"{module} imports {target}"
        for module, targets in edges.items()
        if app_of(module) not in {"cli", "__main__"}
        for target in targets
        if app_of(target) == "cli"
    )
    assert reached == []


def test_grow_does_not_import_improve(edges: dict[str, set[str]]) -> None:
    """Improve reads Grow's stories (the report's best story, keeping an answer as a story);
    Grow never reads answers: "Keep as a STAR story" briefly made reflection import practice,
    a cycle, before the view moved to practice (`practice.views.stories`)."""
    assert offences(edges, "reflection", {"practice"}) == []
    assert offences(edges, "research", {"practice"}) == []
