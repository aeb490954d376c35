"""The cores this process may run on, and the threads a model gets from them.

A process started with `taskset`, or in a container limited to some cores, may run on fewer
cores than the machine has. ONNX Runtime asked for its default thread count (0) starts one
thread per core of the machine and pins each to its core, past the process's own limit: a
MiniLM pass pinned to one core by `taskset -c 0` still used two (measured 2026-12-02: 9.1 s of
CPU in 4.6 s). CTranslate2's default (0) is 4 threads, or OMP_NUM_THREADS, whatever the cores.
So the models are given a count made here instead.
"""

from __future__ import annotations

import os

# CTranslate2's own default, kept as the most a Whisper model takes unasked.
WHISPER_DEFAULT_THREADS = 4


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux, or a sandbox that refuses to say
        return max(1, os.cpu_count() or 1)


def whisper_threads(requested: int = 0) -> int:
    """The threads a Whisper (CTranslate2) model gets: `requested`, or else OMP_NUM_THREADS
    when it is set (as CTranslate2 itself would read it), or else its default of 4 but never
    more than the cores this process may run on."""
    if requested > 0:
        return requested
    raw = os.environ.get("OMP_NUM_THREADS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return min(WHISPER_DEFAULT_THREADS, usable_cores())
