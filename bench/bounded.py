"""A bench's child process, bounded in time, that takes the programs it started with it.

`subprocess.run(timeout=...)` kills only the child, with SIGKILL, so the servers and workers it
had started lived on, pointed at a deleted temporary home (a review of bench_throughput).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

GRACE_S = 30


def run_bounded(
    command: Sequence[str], env: Mapping[str, str], cwd: Path, bound_s: float
) -> int | None:
    """Run `command` in a session of its own: its exit code, or None when it was stopped at
    `bound_s` seconds. Stopping sends SIGTERM to its whole process group (the child stops the
    programs it started, which share the group), then SIGKILL to what is left after GRACE_S."""
    process = subprocess.Popen(list(command), env=dict(env), cwd=cwd, start_new_session=True)
    try:
        return process.wait(timeout=bound_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=GRACE_S)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None
