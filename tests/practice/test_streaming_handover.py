"""A streaming step in its pass when Alice presses Stop hands its state over to the analysis
(issue 15, item 1): the step stores what it read though the answer is saved, and the analysis,
once it has decoded the recording, waits a little for it (`streaming.handed_over`) instead of
reading the same last seconds again; a step that never finishes is waited for at most
settings.STREAM_HANDOVER_WAIT_MS, and the analysis then reads the rest itself."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import numpy as np
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.speech import pipeline
from prepcoach.coach.speech import streaming as speech_streaming
from prepcoach.coach.speech.streaming import StreamState, from_json, to_json
from prepcoach.practice import streaming, tasks
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.recordings import store_chunk
from prepcoach.practice.streaming import handed_over
from prepcoach.practice.tasks import analyse_again
from tests.practice.test_streaming import (
    _recording,
    _run_analysis_lane,
    _spoken,
    _steps_waiting,
    browser_pieces,
    database_tasks,  # noqa: F401 (a fixture)
)


@pytest.fixture
def story_question(alice: User) -> Question:
    """Alice's own (the starter bank is gone after a transactional test empties the tables)."""
    return Question.objects.create(
        owner=alice, text="Tell me about a process you fixed.", category="behavioral"
    )


@pytest.fixture(scope="module")
def quiet_ending(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """About 51 s: the script said twice, ending in 1.3 s of quiet (`test_streaming_quiet`)."""
    spoken = _spoken(tmp_path_factory.mktemp("twice"))
    quiet = np.zeros(int(0.5 * 48_000), np.float32)
    return browser_pieces(np.concatenate([spoken, spoken, quiet]))


def recorded_to_the_quiet_piece(client: Client, question: Question, pieces: list[bytes]) -> Attempt:
    """Alice records `pieces` with a worker keeping up as she speaks, the last one sent as the
    quiet piece; its step, which reads her last words, is left queued."""
    started = client.post(reverse("practice:recording_start", args=[question.pk])).json()
    attempt = Attempt.objects.get(pk=started["id"])
    last = len(pieces) - 1
    for index, piece in enumerate(pieces[:last]):
        store_chunk(attempt, index, piece)
        while _steps_waiting():
            _run_analysis_lane(tasks=1)
    store_chunk(attempt, last, pieces[last], quiet=True)
    assert _steps_waiting() == 1
    return attempt


@pytest.mark.usefixtures("database_tasks")
def test_a_step_in_its_pass_at_stop_hands_its_state_to_the_analysis(
    alice_client: Client,
    alice: User,
    story_question: Question,
    quiet_ending: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    attempt = recorded_to_the_quiet_piece(alice_client, story_question, quiet_ending)
    real_advance = speech_streaming.advance
    stopped: list[int] = []

    marks: list[object] = []

    def stop_during_the_pass(*args: Any) -> Any:
        # She presses Stop while the step reads: the answer is saved, its analysis queued.
        marks.append(Attempt.objects.get(pk=attempt.pk).stream_started_at)
        saved = alice_client.post(reverse("practice:finalise", args=[attempt.pk]))
        stopped.append(saved.status_code)
        return real_advance(*args)

    monkeypatch.setattr(streaming, "advance", stop_during_the_pass)
    _run_analysis_lane(tasks=1)  # the step: it finishes after Stop
    assert stopped == [200]
    assert marks[0] is not None  # the quiet piece's step marked its pass
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.QUEUED
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert stored["pieces"] == len(quiet_ending)  # handed over, though the answer was saved
    assert from_json(stored["state"]).closing is not None
    assert attempt.stream_started_at is None
    assert attempt.stream_queued_at is None

    def read_at_stop(*args: Any) -> Any:
        raise AssertionError("the end read the rest again")

    monkeypatch.setattr(speech_streaming, "_read", read_at_stop)
    _run_analysis_lane(tasks=1)  # the analysis
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED, attempt.failure
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcription"] == "streamed"
    assert analysis["transcript"].lower().count("slowed") == 2
    assert attempt.stream is None  # used, and gone


@pytest.mark.usefixtures("database_tasks")
@pytest.mark.parametrize(
    ("language_window_s", "after_decoding"),
    [(None, False), (None, True), (60.0, False)],
    ids=["as-shipped", "as-shipped-waited-for", "no-language"],
)
def test_a_step_that_stores_its_state_after_the_analysis_began_hands_it_over(
    alice_client: Client,
    alice: User,
    story_question: Question,
    quiet_ending: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
    language_window_s: float | None,
    after_decoding: bool,
) -> None:
    """What `handed_over` alone guards (the test above passes without it: its step stores
    before the analysis starts, which then finds the state at its start). Here the quiet
    piece's step, in its pass at Stop, stores its state only once the analysis has begun and
    loaded the answer with the state before it: while the analysis decodes the recording,
    before it asks for a newer one (`analyse_recording`'s `newer`). The analysis must take the
    step's state then, not read her last words again.

    As shipped, the state before the step's holds the language (any answer over 30 s of
    speech), and the analysis, finding the step's pass marked as it begins
    (`streaming.step_in_pass`), must read none of the rest beside decoding
    (`pipeline._rest_read`, whose reading would be taken before any state handed over) but
    wait for the step's; `after_decoding`: the step stores its state only once the recording
    is decoded, 0.5 s into the wait (`handed_over`). With the language asked only after 60 s
    of speech no state holds it, the analysis reads no rest of its own anyway, and does not
    wait (no state can spare it a reading then). The step's storing is held back and done
    with its own arguments by the real `streaming._store` (its pass marked again meanwhile),
    from the analysis's decoding."""
    if language_window_s is not None:
        monkeypatch.setattr(speech_streaming, "LANGUAGE_WINDOW_S", language_window_s)
    # However long its pass has lasted when the analysis begins (HEAD_START_S: below).
    monkeypatch.setattr(streaming, "HEAD_START_S", 0.0)
    attempt = recorded_to_the_quiet_piece(alice_client, story_question, quiet_ending)
    real_advance = speech_streaming.advance
    real_store = streaming._store
    stopped: list[int] = []
    to_store: list[tuple[Any, ...]] = []

    def stop_during_the_pass(*args: Any) -> Any:
        saved = alice_client.post(reverse("practice:finalise", args=[attempt.pk]))
        stopped.append(saved.status_code)
        return real_advance(*args)

    def store_later(*args: Any) -> str:
        to_store.append(args)  # stored below, once the analysis has begun
        return "handed over"

    monkeypatch.setattr(streaming, "advance", stop_during_the_pass)
    monkeypatch.setattr(streaming, "_store", store_later)
    _run_analysis_lane(tasks=1)  # the step, up to storing what it read
    assert stopped == [200]
    assert len(to_store) == 1
    began = to_store[0][-1]
    assert began is not None  # the quiet piece's step marked its pass
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.QUEUED
    kept: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    before = kept["pieces"]
    assert before < len(quiet_ending)  # the state before the step's, kept at Stop
    # Its pass lasts until it has stored: the mark its `finally` took away is put back.
    Attempt.objects.filter(pk=attempt.pk).update(stream_started_at=began)

    real_streamed_state = tasks.streamed_state
    loaded: list[Any] = []

    def loading(answer: Attempt) -> Any:
        loaded.append(real_streamed_state(answer))
        return loaded[-1]

    real_decode = pipeline.decode
    at_decode: list[tuple[str, int]] = []
    stored: list[str] = []

    def the_step_ends() -> None:  # its pass ends as `streaming._step` does: store, unmark
        now = Attempt.objects.get(pk=attempt.pk)
        at_decode.append((now.status, (now.stream or {}).get("pieces", 0)))
        stored.append(real_store(*to_store[0]))
        Attempt.objects.filter(pk=attempt.pk, stream_started_at=began).update(
            stream_started_at=None
        )

    def later() -> None:
        try:
            time.sleep(0.5)
            the_step_ends()
        finally:
            connection.close()  # the thread's own

    ending = threading.Thread(target=later)

    def the_step_stores_while_decoding(*args: Any, **kwargs: Any) -> Any:
        if not at_decode and not ending.is_alive():
            if after_decoding:
                ending.start()
            else:
                the_step_ends()
        return real_decode(*args, **kwargs)

    def read_at_stop(*args: Any) -> Any:
        raise AssertionError("the end read the rest again")

    monkeypatch.setattr(tasks, "streamed_state", loading)
    monkeypatch.setattr(pipeline, "decode", the_step_stores_while_decoding)
    monkeypatch.setattr(speech_streaming, "_read", read_at_stop)
    _run_analysis_lane(tasks=1)  # the analysis
    if after_decoding:
        ending.join()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED, attempt.failure
    # It loaded the state before the step's (no last words, no language), and the step
    # stored its own while the analysis decoded, not before.
    assert len(loaded) == 1
    assert loaded[0] is not None
    assert loaded[0].closing is None
    assert (loaded[0].language is None) == (language_window_s is not None)
    assert at_decode == [(Attempt.Status.ANALYSING, before)]
    assert stored == ["handed over"]
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcription"] == "streamed"
    assert analysis["transcript"].lower().count("slowed") == 2
    assert attempt.stream is None  # used, and gone


@pytest.mark.usefixtures("database_tasks")
def test_any_other_step_in_its_pass_at_stop_is_not_waited_for_nor_kept(
    alice_client: Client,
    alice: User,
    story_question: Question,
    quiet_ending: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A step for three pieces reads no closing: the analysis reads the rest at Stop anyway, so
    waiting for it would only add to the wait (review)."""
    started = alice_client.post(
        reverse("practice:recording_start", args=[story_question.pk])
    ).json()
    attempt = Attempt.objects.get(pk=started["id"])
    for index, piece in enumerate(quiet_ending[:3]):
        store_chunk(attempt, index, piece)
    assert _steps_waiting() == 1
    real_advance = speech_streaming.advance
    marks: list[object] = []

    def stop_during_the_pass(*args: Any) -> Any:
        marks.append(Attempt.objects.get(pk=attempt.pk).stream_started_at)
        alice_client.post(reverse("practice:finalise", args=[attempt.pk]))
        return real_advance(*args)

    monkeypatch.setattr(streaming, "advance", stop_during_the_pass)
    _run_analysis_lane(tasks=1)
    assert marks == [None]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.QUEUED
    assert attempt.stream is None  # its state was not kept


@pytest.mark.django_db
def test_analysing_again_takes_no_state_from_a_step_still_in_its_pass(alice: User) -> None:
    """ "Analyse again" reads the whole file: a step's mark left from before is cleared, so a
    late step cannot hand it a state (review)."""
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me", text="I fixed the rota and cut overtime by a third.",
        status=Attempt.Status.ANALYSED, stream_started_at=timezone.now(),
    )  # fmt: skip
    assert analyse_again(attempt).queued
    attempt.refresh_from_db()
    assert attempt.stream_started_at is None


@pytest.mark.django_db
def test_a_step_is_waited_for_only_once_its_pass_has_a_head_start(alice: User) -> None:
    """A quiet step that has only begun its pass has all of it left, as much as the analysis's
    own reading of the same rest: it is not waited for (`streaming.HEAD_START_S`); one that
    began HEAD_START_S ago or more is, until its mark is STREAM_STALE old (its worker died)."""
    attempt = _recording(alice)
    Attempt.objects.filter(pk=attempt.pk).update(stream_started_at=None)
    assert not streaming.step_in_pass(attempt.pk)
    head_start = dt.timedelta(seconds=streaming.HEAD_START_S)
    # How long ago each pass began, and whether it is waited for; the mark is set just before
    # asking, so the time between (milliseconds) cannot move a case across the line (the
    # nearest is half a head start away).
    for ago, waited in (
        (dt.timedelta(0), False),
        (head_start / 2, False),
        (head_start * 2, True),
        (streaming.STREAM_STALE + dt.timedelta(seconds=1), False),
    ):
        Attempt.objects.filter(pk=attempt.pk).update(stream_started_at=timezone.now() - ago)
        assert streaming.step_in_pass(attempt.pk) is waited, ago
    Attempt.objects.filter(pk=attempt.pk).update(stream_started_at=timezone.now())
    assert streaming.step_in_pass(attempt.pk, head_start_s=0.0)


def _stored(settled_s: float) -> dict[str, Any]:
    return {"state": to_json(StreamState(settled_s=settled_s)), "pieces": 3, "read": 3}


def test_the_analysis_waits_for_a_step_in_its_pass_and_takes_its_state(
    transactional_db: None, alice: User
) -> None:
    """The wait's mechanism (the analysis waits `streaming.handover_wait_s()`, from
    settings.STREAM_HANDOVER_WAIT_MS)."""
    attempt = _recording(alice)
    Attempt.objects.filter(pk=attempt.pk).update(
        stream=_stored(10.0), stream_started_at=timezone.now()
    )

    def the_step_ends() -> None:
        try:
            time.sleep(0.4)
            Attempt.objects.filter(pk=attempt.pk).update(
                stream=_stored(20.0), stream_started_at=None
            )
        finally:
            # The thread's own connection: left open, PostgreSQL's was collected during the
            # next test, whose ResourceWarning failed it (CI of 08ab389).
            connection.close()

    ending = threading.Thread(target=the_step_ends)
    began = time.monotonic()
    ending.start()
    state = handed_over(attempt.pk, 3.0)
    waited = time.monotonic() - began
    ending.join()
    assert state is not None
    assert state.settled_s == 20.0  # the step's, not the one stored before it
    assert waited >= 0.4


@pytest.mark.django_db
def test_a_step_that_does_not_end_in_time_is_not_waited_for_longer(alice: User) -> None:
    attempt = _recording(alice)
    Attempt.objects.filter(pk=attempt.pk).update(
        stream=_stored(10.0), stream_started_at=timezone.now()
    )
    began = time.monotonic()
    state = handed_over(attempt.pk, 0.3)
    assert 0.3 <= time.monotonic() - began < 2.0
    assert state is not None
    assert state.settled_s == 10.0  # what was stored: the analysis reads the rest itself
    # A mark left by a worker that died long ago is not waited for at all.
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    Attempt.objects.filter(pk=attempt.pk).update(stream_started_at=long_ago)
    began = time.monotonic()
    assert handed_over(attempt.pk, 0.3) is not None
    assert time.monotonic() - began < 0.3


def test_a_step_that_ends_after_the_analysis_is_done_stores_nothing(
    alice_client: Client,
    story_question: Question,
    quiet_ending: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    """The analysis stopped waiting (settings.STREAM_HANDOVER_WAIT_MS), read the rest itself and saved the
    report before the step's pass ended: what the step read is not stored on the answer.

    The immediate backend runs the analysis inside the step, which holds its engine: two
    lanes, as a worker on two cores has, so the analysis borrows a second engine. With one
    (CI pins each run to one core) it waited for the step's engine forever."""
    settings.WORKER_ANALYSES = 2
    settings.STREAM_HANDOVER_WAIT_MS = 200
    started = alice_client.post(
        reverse("practice:recording_start", args=[story_question.pk])
    ).json()
    attempt = Attempt.objects.get(pk=started["id"])
    last = len(quiet_ending) - 1
    for index, piece in enumerate(quiet_ending[:last]):  # tasks run as they are queued here
        store_chunk(attempt, index, piece)
    real_advance = speech_streaming.advance
    stopped: list[str] = []

    def stop_and_analyse_during_the_pass(*args: Any) -> Any:
        alice_client.post(reverse("practice:finalise", args=[attempt.pk]))  # analysed at once
        stopped.append(Attempt.objects.get(pk=attempt.pk).status)
        return real_advance(*args)

    monkeypatch.setattr(streaming, "advance", stop_and_analyse_during_the_pass)
    store_chunk(attempt, last, quiet_ending[last], quiet=True)
    assert stopped == [Attempt.Status.ANALYSED]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED
    assert attempt.stream is None  # the step's late state was not stored
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcript"].lower().count("slowed") == 2
