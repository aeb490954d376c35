"""Running a training script's `--check` (it retrains and compares with the shipped weights to
float rounding, `coach.retraining`), shared by the tests of each trained model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def assert_retraining_reproduces(script: Path) -> None:
    """`script --check` exits 0 and says the shipped weights were reproduced."""
    result = subprocess.run(
        [sys.executable, str(script), "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "shipped weights reproduced" in result.stdout
