"""`coach.heap.give_back`: memory a thread freed goes back to the system, not kept resident."""

import threading
from pathlib import Path

import pytest

from prepcoach.coach import heap


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_memory_freed_on_another_thread_leaves_the_process() -> None:
    # Blocks under glibc's mmap threshold, made and freed on a thread of their own below one
    # still in use (the engine's freed features below what the process keeps), stay in that
    # thread's arena, resident, until they are given back: glibc shrinks a heap from its top.
    kept_block: list[bytearray] = []

    def churn() -> None:
        blocks = [bytearray(4000) for _ in range(25_000)]  # about 100 MB
        kept_block.append(bytearray(4000))
        del blocks

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    kept = resident_mb()
    assert heap.give_back() is True
    assert resident_mb() < kept - 50, (kept, resident_mb())


def test_it_says_when_there_is_nothing_to_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_trim", lambda: None)
    assert heap.give_back() is False
