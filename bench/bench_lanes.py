"""How many cores each speech engine of a worker's analysis lanes should get (issue 15, item 1).

A worker runs `WORKER_ANALYSES` analyses at once (default: one per core it may use, 2 on this
machine), each with its own engine, and each engine was given `cores // lanes` threads:
one of this machine's two. The end of an answer (its last seconds, read at Stop) then runs on
one core while the other idles, unless a second analysis runs beside it. This bench measures,
in one run and interleaved (A, B, A, B, …, so a change of load hits both):
- alone: the end of a 2-minute answer (its last 9 s) and the whole answer, on an engine of one
  thread (the baseline, as shipped before) and on one of every core;
- two at once: two 2-minute answers (two voices) transcribed at the same time, each on its own
  engine, both engines of one thread (the baseline) or both of every core (the cores then
  oversubscribed: 4 threads on 2), the wall time until both are done and each one's time.
Each row prints the median seconds and the ratio to its baseline. Words are compared too: the
same model and beam give the same words whatever the threads (checked, not assumed).

Twenty-fifth session (load 0.7-2.5): alone, the last 9 s took 1.24 s on one thread and 1.20 s
on two, the whole answer 11.53 s and 13.45 s; two at once 11.84 s and 13.25 s until both were
done. An engine of every core is not faster on this machine, alone or not, so each lane keeps
its share (`practice.engines`), and the 2.6 s of analysis bench_push measures at Stop is not
the lane's one core.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

import bench_streaming as bs  # type: ignore[import-not-found]
import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.cores import usable_cores
from prepcoach.coach.speech.audio import RATE, decode
from prepcoach.coach.speech.engine import WhisperEngine, Word
from prepcoach.coach.speech.model import packaged_model

ROUNDS = 5
TAIL_S = 9.0  # about what is left at Stop with the read-ahead (bench_streaming: 5.5-21 s)


def _timed(engine: WhisperEngine, samples: NDArray[np.float32]) -> tuple[float, tuple[Word, ...]]:
    start = time.perf_counter()
    words = engine.words(samples)
    return time.perf_counter() - start, words


def _together(
    engines: tuple[WhisperEngine, WhisperEngine], clips: tuple[NDArray[np.float32], ...]
) -> tuple[float, list[float]]:
    """Both clips at once, each on its own engine: the wall time and each one's own time."""
    each = [0.0, 0.0]

    def work(i: int) -> None:
        each[i] = _timed(engines[i], clips[i])[0]

    threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, each


def _row(name: str, base: list[float], other: list[float]) -> None:
    b, o = statistics.median(base), statistics.median(other)
    print(f"| {name} | {b:.2f} s | {o:.2f} s | {o / b:.2f} |")


def run() -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_lanes needs espeak-ng (apt-get install espeak-ng)")
    cores = usable_cores()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        model = packaged_model(folder / "model")
        clips = tuple(  # as the worker hears them: 16 kHz, decoded from the browser's WebM
            decode(bs.recorded(bs.two_minutes(folder, v).samples, folder, v.name)[1]).samples
            for v in bs.VOICES[:2]
        )
        tail = clips[0][-int(TAIL_S * RATE) :]
        one = (WhisperEngine(model, threads=1), WhisperEngine(model, threads=1))
        every = (WhisperEngine(model, threads=cores), WhisperEngine(model, threads=cores))
        for engine in (*one, *every):  # warm each: the first call pays for the allocations
            engine.words(tail)
        alone: dict[str, list[float]] = {k: [] for k in ("tail1", "tailN", "whole1", "wholeN")}
        both: dict[str, list[float]] = {k: [] for k in ("wall1", "wallN", "each1", "eachN")}
        said: dict[str, set[str]] = {"1": set(), "N": set()}
        for _ in range(ROUNDS):
            for label, engine in (("1", one[0]), ("N", every[0])):
                alone[f"tail{label}"].append(_timed(engine, tail)[0])
                seconds, words = _timed(engine, clips[0])
                alone[f"whole{label}"].append(seconds)
                said[label].add(" ".join(w.w for w in words))
            for label, pair in (("1", one), ("N", every)):
                wall, each = _together(pair, clips)
                both[f"wall{label}"].append(wall)
                both[f"each{label}"] += each
    print(f"\n### Engine threads per analysis lane ({cores} usable cores, {ROUNDS} rounds)\n")
    print(f"| what | 1 thread (as shipped with 2 lanes) | {cores} threads | ratio |")
    print("|---|---|---|---|")
    _row(f"alone: the last {TAIL_S:.0f} s of a 2-minute answer", alone["tail1"], alone["tailN"])
    _row("alone: the whole 2-minute answer", alone["whole1"], alone["wholeN"])
    _row("two at once: until both are done", both["wall1"], both["wallN"])
    _row("two at once: each one", both["each1"], both["eachN"])
    same = said["1"] == said["N"] and len(said["1"]) == 1
    print(
        f"\nclips: {[round(c.size / RATE, 1) for c in clips]} s; the same words every time: {same}"
    )


if __name__ == "__main__":
    run()
