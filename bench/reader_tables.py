"""What the reader's bench tables share (`bench_reader.py`): where the labelled answer sets are,
the criteria read on them and each answer's labelled truth, when a set was written, and how a
table is printed."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CRITERIA = ("situation", "task", "action", "result", "quantified_result", "sentence part")


KEYS = ("situation", "task", "action", "result", "quantified_result")


def written(path: Path) -> str:
    try:
        log = subprocess.run(
            ["git", "log", "--format=%ad %h", "--date=short", "--", str(path.relative_to(ROOT))],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout.split("\n")  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dates = [line for line in log if line.strip()]
    return dates[-1] if dates else "not committed"


def gold(answer: dict[str, Any]) -> dict[str, bool]:
    s = answer["sentences"]
    return {
        "situation": any(x["part"] == "situation" for x in s),
        "task": any(x["part"] == "task" for x in s),
        "action": any(x["part"] == "action" and x["owner"] == "i" for x in s),
        "result": any(x["part"] == "result" for x in s),
        "quantified_result": any(x["quantified"] for x in s),
    }


def show(title: str, rows: Mapping[str, tuple[float, ...]], heads: tuple[str, ...]) -> None:
    print(f"  {title}")
    print("    " + f"{'criterion':18}" + "".join(f"{h:>10}" for h in heads))
    for key, values in rows.items():
        print(
            "    "
            + f"{key:18}"
            + "".join(f"{v:>10.3f}" if v == v else f"{'–':>10}" for v in values)
        )
