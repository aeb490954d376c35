"""Speech engines for the analyses a process runs at once.

One engine transcribes one recording at a time, so each analysis lane of a worker
(WORKER_ANALYSES of them) borrows its own: loaded the first time it is needed, kept for the
next answer, and given its share of the cores. A process that never runs that many at once
(the web process under the test suite's immediate backend) never loads more than it uses.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

from prepcoach import conf
from prepcoach.coach.speech.engine import SpeechEngine, WhisperEngine, whisper_engine
from prepcoach.coach.speech.model import resolve_model

_idle: queue.LifoQueue[SpeechEngine] = queue.LifoQueue()
_loaded = 0
_lock = threading.Lock()


def _load() -> SpeechEngine:
    model = resolve_model(settings.SPEECH_MODEL, settings.MODELS_DIR)
    if settings.WORKER_ANALYSES == 1:
        return whisper_engine(model)  # the process-wide engine, with every core
    return WhisperEngine(model, threads=max(1, conf.cpu_count() // settings.WORKER_ANALYSES))


@contextmanager
def borrowed_engine() -> Iterator[SpeechEngine]:
    """An engine for this analysis alone, given back when it is done."""
    global _loaded
    try:
        engine = _idle.get_nowait()
    except queue.Empty:
        with _lock:
            load = _loaded < settings.WORKER_ANALYSES
            if load:
                _loaded += 1
        if load:
            try:
                engine = _load()
            except BaseException:
                with _lock:
                    _loaded -= 1
                raise
        else:
            engine = _idle.get()  # as many at once as engines: wait for one to be free
    try:
        yield engine
    finally:
        _idle.put(engine)
