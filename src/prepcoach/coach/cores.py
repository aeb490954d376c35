"""The cores this process may run on.

A process started with `taskset`, or in a container limited to some cores, may run on fewer
cores than the machine has. ONNX Runtime asked for its default thread count (0) starts one
thread per core of the machine and pins each to its core, past the process's own limit: a
MiniLM pass pinned to one core by `taskset -c 0` still used two (measured 2026-12-02: 9.1 s of
CPU in 4.6 s). So the models are given this count instead of 0.
"""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
