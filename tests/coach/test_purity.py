"""The core never imports Django: the CLI, API and pages must be able to share it as-is."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import prepcoach.coach

COACH_DIR = Path(prepcoach.coach.__file__).parent


def coach_modules() -> list[str]:
    return [
        info.name for info in pkgutil.walk_packages([str(COACH_DIR)], prefix="prepcoach.coach.")
    ]


def test_no_coach_module_imports_django_in_its_source() -> None:
    offenders = []
    for path in COACH_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []


def test_importing_the_whole_core_loads_no_django() -> None:
    modules = ["prepcoach.coach", *coach_modules()]
    assert len(modules) > 1, "the core should have modules to check"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
