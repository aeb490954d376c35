"""Speech engines for the analyses a process runs at once.

One engine transcribes one recording at a time, so each analysis lane of a worker borrows its
own: loaded the first time it is needed, kept for the next answer, and given its share of the
cores. How many lanes there are is decided here alone (`use_lanes`, called by `prepcoach
worker` with its `--analyses`, WORKER_ANALYSES otherwise), so the pool holds an engine for
every lane and no lane waits for one. A process that never runs that many at once (the web
process under the test suite's immediate backend) never loads more than it uses.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

from prepcoach import conf
from prepcoach.coach.speech.engine import SpeechEngine, WhisperEngine, whisper_engine
from prepcoach.coach.speech.model import ModelError, resolve_model

logger = logging.getLogger(__name__)
_idle: queue.LifoQueue[SpeechEngine] = queue.LifoQueue()
_loaded = 0
_lanes: int | None = None  # set by the worker; WORKER_ANALYSES in any other process
_lock = threading.Lock()
_held = threading.local()  # how many engines this thread holds (`held_here`)
# The longest a lane waits for an engine another lane holds. A worker never waits (an engine
# for each lane); a process that runs more analyses than it has engines (the web process under
# the immediate backend) waits for the one before, which for a 10-minute answer read whole
# takes about 3 minutes on this machine's 2 cores.
WAIT_S = 15 * 60.0


class EngineBusyError(ModelError):
    """No speech engine became free: the message says what the user can do."""


def use_lanes(requested: int | None = None) -> int:
    """The analyses this process runs at once: `requested` (`prepcoach worker --analyses N`)
    or WORKER_ANALYSES. The pool holds that many engines, each with its share of the cores."""
    global _lanes
    _lanes = max(1, requested or settings.WORKER_ANALYSES)
    return _lanes


def lanes() -> int:
    return _lanes if _lanes is not None else settings.WORKER_ANALYSES


def _load() -> SpeechEngine:
    model = resolve_model(settings.SPEECH_MODEL, settings.MODELS_DIR)
    if lanes() == 1:
        return whisper_engine(model)  # the process-wide engine, with every core
    return WhisperEngine(model, threads=max(1, conf.cpu_count() // lanes()))


def load_spare() -> threading.Thread | None:
    """Load one more engine in the background when none is idle and the pool may hold more,
    and put it in the pool (the thread, so a caller may wait; None when there is nothing to
    load). A streaming step calls it: the answer's analysis follows Stop while the step may
    still hold the engine it borrowed, and loading the second engine then (about 1 s) was the
    1.22 s bench_push measured from queued to taken (issue 15, item 1). Only in a worker:
    another process (the web process under the test suite's immediate backend) runs one
    analysis at a time and loads no engine it does not use."""
    global _loaded
    if _lanes is None or not _idle.empty():
        return None  # not a worker (its lanes unknown: one at a time), or one is idle
    with _lock:
        if _loaded >= lanes():
            return None
        _loaded += 1

    def load() -> None:
        global _loaded
        try:
            _idle.put(_load())
        except BaseException:
            with _lock:
                _loaded -= 1
            logger.exception("a spare speech engine could not be loaded")

    thread = threading.Thread(target=load, name="spare-engine", daemon=True)
    thread.start()
    return thread


@contextmanager
def borrowed_engine() -> Iterator[SpeechEngine]:
    """An engine for this analysis alone, given back when it is done."""
    global _loaded
    try:
        engine = _idle.get_nowait()
    except queue.Empty:
        with _lock:
            load = _loaded < lanes()
            if load:
                _loaded += 1
        if load:
            try:
                engine = _load()
            except BaseException:
                with _lock:
                    _loaded -= 1
                raise
        else:  # as many at once as engines: wait for one to be free
            engine = _wait_for_one()
    _held.count = held_here() + 1
    try:
        yield engine
    finally:
        _held.count -= 1
        _idle.put(engine)


def held_here() -> int:
    """The engines the calling thread holds."""
    return int(getattr(_held, "count", 0))


def _wait_for_one() -> SpeechEngine:
    """An engine another lane gives back, within WAIT_S. A thread that holds every engine
    itself (an analysis run inline inside a step that holds the only one) would wait for
    itself for ever: it is told so at once (the tests on one core hung there, 76d4c50)."""
    if held_here() >= lanes():
        raise EngineBusyError(
            "The speech engine is busy with this same piece of work, so the answer cannot be "
            "read now. It is kept: choose Analyse again."
        )
    logger.info("all %s speech engines are busy: waiting for one", lanes())
    try:
        return _idle.get(timeout=WAIT_S)
    except queue.Empty:
        raise EngineBusyError(
            f"Every speech engine stayed busy for {WAIT_S / 60:.0f} minutes, so the answer was "
            "not read. It is kept: choose Analyse again in a few minutes."
        ) from None
