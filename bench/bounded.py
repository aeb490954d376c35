"""A bench's child process, bounded in time, that takes the programs it started with it.

`subprocess.run(timeout=...)` kills only the child, with SIGKILL, so the servers and workers it
had started lived on, pointed at a deleted temporary home (a review of bench_throughput).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

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


class World(Protocol):
    """What a bench's child keeps: the programs it started (tests/faults.Programs)."""

    programs: Any


def run_parts(world: World, parts: Sequence[Callable[[Any], object]]) -> int:
    """Each part in turn, the programs it started stopped after it; one part that could not be
    measured is said so and does not stop the rest. A part's result, when it has one, is its
    line."""
    for part in parts:
        try:
            line = part(world)
            if line is not None:
                print(f"  {line}", flush=True)
        except Exception as error:
            print(f"  {part.__name__}: not measured ({type(error).__name__}: {error})")
        finally:
            world.programs.stop_all(show=False)
    return 0


def main(child: Callable[[], int], run: Callable[[], None]) -> None:
    """A bench module's entry: `--child` runs `child` (SIGTERM from `run_bounded` exits through
    its `finally` blocks, so its programs are stopped), anything else `run`."""
    if "--child" in sys.argv:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        sys.exit(child())
    run()
