"""Giving memory an analysis has freed back to the system between its stages.

glibc keeps what a thread frees in that thread's arena, for that arena's next allocations.
When an answer's transcription ends, the speech engine has freed its windows' features and
decoder state (about 150 MB on a 10-minute answer), and the reading that follows allocates on
other threads (onnxruntime's, loading and running the sentence model), which do not reuse it:
both stayed resident, and a worker peaked at 657 MB reading a 10-minute answer against the
600 MB aim of issue 15 (`bench/bench_memory.py`). `malloc_trim` hands the freed pages back
in a few milliseconds. Bounding the heap for every allocation instead (`mallopt`: large
blocks mapped apart) reached 510 MB but cost 13 % of the analysis time (twenty-sixth session);
this costs one call between stages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        trim: Callable[[int], int] = libc.malloc_trim  # glibc only
    except (OSError, AttributeError, TypeError):
        return None  # musl, macOS, Windows: nothing to call, nothing kept the same way
    return trim


def give_back() -> bool:
    """Return the freed memory at the top and inside every malloc arena to the system
    (glibc's `malloc_trim(0)`). True when some was returned; False when none was, or the C
    library has no such call."""
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
