"""The speech-engine pool holds one engine for each analysis lane the worker runs (its
`--analyses`, not only WORKER_ANALYSES), each with its share of the cores; and an answer is
marked "analysing" only once its lane holds an engine.

Real engines (the packaged speech model) and a real spoken answer (espeak-ng).
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from prepcoach import conf
from prepcoach.accounts.models import User
from prepcoach.coach.speech.engine import SpeechEngine, WhisperEngine
from prepcoach.practice import engines
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import analyse_attempt
from tests.coach.speech.conftest import ANSWER, speak
from tests.support import wait_for

WAIT_S = 180  # generous: loading engines on a busy 2-core machine


@pytest.fixture
def fresh_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty pool for this test, the process's own put back afterwards."""
    monkeypatch.setattr(engines, "_idle", queue.LifoQueue())
    monkeypatch.setattr(engines, "_loaded", 0)
    monkeypatch.setattr(engines, "_lanes", None)


def test_the_worker_lanes_decide_the_pool_not_the_setting(fresh_pool: None, settings: Any) -> None:
    settings.WORKER_ANALYSES = 1  # the environment says one; `prepcoach worker --analyses 2`
    assert engines.use_lanes(2) == 2
    both_held = threading.Barrier(2, timeout=WAIT_S)
    borrowed: list[SpeechEngine] = []
    errors: list[BaseException] = []

    def lane() -> None:
        try:
            with engines.borrowed_engine() as engine:
                borrowed.append(engine)
                both_held.wait()  # each lane holds its engine while the other holds its own
        except BaseException as error:  # reported by the test thread
            errors.append(error)

    threads = [threading.Thread(target=lane) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({id(engine) for engine in borrowed}) == 2
    share = max(1, conf.cpu_count() // 2)
    assert [e.threads for e in borrowed if isinstance(e, WhisperEngine)] == [share, share]


def test_without_a_flag_the_setting_decides(fresh_pool: None, settings: Any) -> None:
    settings.WORKER_ANALYSES = 3
    assert engines.use_lanes(None) == 3
    assert engines.lanes() == 3


@pytest.mark.django_db(transaction=True)
def test_an_answer_waiting_for_an_engine_is_still_queued(
    fresh_pool: None, settings: Any, alice: User, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings.MEDIA_ROOT = tmp_path
    engines.use_lanes(1)
    (tmp_path / "recordings").mkdir()
    speak(ANSWER, tmp_path / "recordings" / "answer.wav")
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me about a time you fixed a process.",
        recording="recordings/answer.wav", media_type="audio/wav", status="queued",
    )  # fmt: skip
    outcome: list[str] = []

    def lane() -> None:
        try:
            outcome.append(analyse_attempt.call(attempt.pk))
        finally:
            connection.close()

    caplog.set_level(logging.INFO, logger="prepcoach.practice.engines")
    with engines.borrowed_engine():  # the only engine is busy with another answer
        reading = threading.Thread(target=lane)
        reading.start()
        wait_for(
            lambda: "speech engines are busy" in caplog.text,
            timeout=WAIT_S, what="the lane to wait for an engine",
        )  # fmt: skip
        attempt.refresh_from_db()
        assert attempt.status == "queued"
        assert attempt.analysis_started_at is None
    reading.join()
    attempt.refresh_from_db()
    assert outcome == ["analysed"], attempt.failure
    assert attempt.status == "analysed"
    assert attempt.analysis_started_at is not None


def test_a_spare_engine_is_loaded_while_one_is_held(
    fresh_pool: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A streaming step holds an engine when the answer's analysis is queued at Stop: the
    analysis's lane found no engine loaded for it and waited about a second for one."""
    made: list[object] = []

    def load() -> SpeechEngine:
        made.append(object())
        return made[-1]  # type: ignore[return-value]

    monkeypatch.setattr(engines, "_load", load)
    engines.use_lanes(2)
    with engines.borrowed_engine() as held:  # the step's
        spare = engines.load_spare()
        assert spare is not None
        spare.join(timeout=WAIT_S)
        assert engines.load_spare() is None  # one idle already: nothing more to load
        with engines.borrowed_engine() as other:  # the analysis's, without loading
            assert other is not held
            assert len(made) == 2
            assert engines.load_spare() is None  # the pool is full: two lanes, two engines
    assert len(made) == 2


def test_a_process_that_is_no_worker_loads_no_spare(fresh_pool: None) -> None:
    assert engines.load_spare() is None


def _counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    made: list[object] = []

    def load() -> SpeechEngine:
        made.append(object())
        return made[-1]  # type: ignore[return-value]

    monkeypatch.setattr(engines, "_load", load)
    return made


def test_a_thread_that_holds_every_engine_is_told_at_once_rather_than_waiting_for_itself(
    fresh_pool: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analysis run inline inside a step that holds the only engine (the immediate backend
    on one core) waited for ever (76d4c50); it is refused with what to do, and the engine it
    held is free afterwards."""
    _counted_loads(monkeypatch)
    engines.use_lanes(1)
    with engines.borrowed_engine() as held:
        with (
            pytest.raises(engines.EngineBusyError, match="Analyse again"),
            engines.borrowed_engine(),
        ):
            pass  # pragma: no cover - never reached
        assert engines.held_here() == 1
    assert engines.held_here() == 0
    with engines.borrowed_engine() as again:
        assert again is held


def test_a_lane_waits_for_an_engine_another_holds_but_not_for_ever(
    fresh_pool: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _counted_loads(monkeypatch)
    monkeypatch.setattr(engines, "WAIT_S", 0.2)
    engines.use_lanes(1)
    taken, release = threading.Event(), threading.Event()

    def other_lane() -> None:
        with engines.borrowed_engine():
            taken.set()
            release.wait(WAIT_S)

    holder = threading.Thread(target=other_lane)
    holder.start()
    try:
        assert taken.wait(WAIT_S)
        with pytest.raises(engines.EngineBusyError, match="stayed busy"), engines.borrowed_engine():
            pass  # pragma: no cover - never reached
    finally:
        release.set()
        holder.join()
    with engines.borrowed_engine():  # given back by the other lane: taken at once
        assert engines.held_here() == 1
