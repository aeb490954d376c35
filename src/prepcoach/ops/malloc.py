"""Fewer malloc arenas for the worker's threads.

glibc gives each thread that allocates under contention an arena of its own, up to eight per
core, and an arena keeps what it freed. A worker runs a lane per queue and per analysis, plus
heartbeats, so its resident memory on a 10-minute answer was 619 MB against 536 MB for the same
analysis in a process of one thread (`bench/bench_memory.py`, thirty-seventh session; the aim
is 600 MB); with MALLOC_ARENA_MAX=2 in its environment it was 579 MB, and with the cap set at
run time by `limit_arenas` (the main thread's arena then already made) 599 MB. So `prepcoach
serve` starts its worker with `worker_environment` and the systemd unit sets the variable
(deploy/systemd); `limit_arenas` is the fallback for a worker started any other way. The
variable, read by glibc as the process starts, decides when an operator sets it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Mapping

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


def worker_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """`environment` for a worker process: MALLOC_ARENA_MAX=ARENAS unless it says otherwise."""
    return {"MALLOC_ARENA_MAX": str(ARENAS), **environment}


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas at `arenas` for the threads that start after this call.

    Returns True when capped; False when MALLOC_ARENA_MAX is set (the operator's choice stands)
    or the C library has no `mallopt` (not glibc: musl, macOS), where nothing changes."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))
