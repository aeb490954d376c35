"""An answer is transcribed while Alice records it (issue 15, item 1): each piece stored queues
one streaming step, the state is kept on the answer, and the analysis at the end uses it when
it was made from the joined pieces, reading only the rest; "Analyse again" and anything that
does not match read the whole file, and a failing step loses nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import subprocess
import wave
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from django.conf import settings as site_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.coach.speech import pipeline
from prepcoach.coach.speech import streaming as speech_streaming
from prepcoach.coach.speech.audio import decode
from prepcoach.coach.speech.streaming import from_json, matches
from prepcoach.ops import store
from prepcoach.ops.management.commands.run_worker import lanes
from prepcoach.practice import streaming
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.recordings import chunk_name, store_chunk
from prepcoach.practice.streaming import queue_stream_step
from prepcoach.practice.tasks import analyse_again, queue_analysis

SCRIPT = [
    ("In my last role our ward lost track of handovers between the shifts.", 1.2),
    ("My job was to fix it before the inspection in the spring.", 1.0),
    ("I designed a one page checklist and I trained twelve nurses to use it.", 1.4),
    ("We tried it on one ward first and asked the nurses what slowed them down.", 1.1),
    ("As a result, missed handover items fell by forty percent within two months.", 0.8),
]


def _spoken(folder: Path) -> np.ndarray:
    """The script read by espeak-ng, with its pauses, as 48 kHz float samples."""
    pieces = [np.zeros(12_000, np.float32)]
    for index, (text, pause) in enumerate(SCRIPT):
        path = folder / f"{index}.wav"
        subprocess.run(["espeak-ng", "-s", "160", "-w", str(path), text], check=True)
        with wave.open(str(path)) as handle:
            rate = handle.getframerate()
            data = np.frombuffer(handle.readframes(handle.getnframes()), np.int16) / 32768
        at = np.arange(int(data.size * 48_000 / rate)) * (rate / 48_000)
        pieces += [np.interp(at, np.arange(data.size), data).astype(np.float32)]
        pieces += [np.zeros(int(pause * 48_000), np.float32)]
    return np.concatenate(pieces)


def browser_pieces(samples: np.ndarray, seconds: float = 2.0) -> list[bytes]:
    """A WebM/Opus stream as MediaRecorder writes it (live: no duration), cut into the byte
    pieces a 2 s timeslice sends."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm", options={"live": "1"}) as out:
        stream = out.add_stream("libopus", rate=48_000)
        stream.layout = "mono"
        for at in range(0, samples.size, 960):
            block = np.pad(samples[at : at + 960], (0, max(0, at + 960 - samples.size)))
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate, frame.pts = 48_000, at
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    data = buffer.getvalue()
    count = int(np.ceil(samples.size / 48_000 / seconds))
    size = -(-len(data) // count)
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.fixture(scope="module")
def pieces(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    return browser_pieces(_spoken(tmp_path_factory.mktemp("spoken")))


@pytest.fixture
def short_stretches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretches of 5 s (`coach.speech.streaming.MIN_STRETCH_S` is 15): the tests of the
    worker's steps follow several stretches through answers of 25 to 75 s."""
    monkeypatch.setattr(speech_streaming, "MIN_STRETCH_S", 5.0)


@pytest.fixture
def early_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The language asked once 10 s of speech are settled (`LANGUAGE_WINDOW_S` is 30): steps
    decode from the start until then, so the tests of late steps reach them in half the
    speech (and half the engine's work)."""
    monkeypatch.setattr(speech_streaming, "LANGUAGE_WINDOW_S", 10.0)


def _record(client: Client, question: Question, pieces: list[bytes]) -> Attempt:
    started = client.post(reverse("practice:recording_start", args=[question.pk])).json()
    for index, piece in enumerate(pieces):
        sent = client.post(
            f"{started['chunk_url']}/{index}/", piece, content_type="application/octet-stream"
        )
        assert sent.status_code == 201, sent.content
    return Attempt.objects.get(pk=started["id"])


def _finalise(client: Client, attempt: Attempt) -> Attempt:
    assert client.post(reverse("practice:finalise", args=[attempt.pk])).status_code == 200
    attempt.refresh_from_db()
    return attempt


def test_alices_answer_is_transcribed_while_she_speaks_and_the_report_says_so(
    alice_client: Client, alice: User, question: Question, pieces: list[bytes]
) -> None:
    attempt = _record(alice_client, question, pieces)
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert stored["pieces"] >= len(pieces) - 5  # kept up while she spoke
    state = from_json(stored["state"])
    read = state.ahead or state  # the 25 s answer leaves no 24 s stretch to settle
    assert read.settled_s > 10
    assert read.words  # words before the end
    assert attempt.stream_queued_at is None  # no step left waiting
    attempt = _finalise(alice_client, attempt)
    assert attempt.status == "analysed", attempt.failure
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcription"] == "streamed"
    said = analysis["transcript"].lower()
    for word in ("checklist", "nurses", "inspection", "shifts", "slowed"):
        assert word in said
    assert analysis["coverage"]["ratio"] >= 0.95
    assert attempt.stream is None  # used, and gone

    # "Analyse again" reads the whole file, and the report is the same shape.
    assert analyse_again(attempt).queued
    attempt.refresh_from_db()
    again: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert again["transcription"] == "whole file"
    assert set(again) == set(analysis)
    assert again["coverage"]["ratio"] >= 0.95


def test_a_stretch_read_ahead_before_any_is_settled_is_kept_and_used_at_the_end(
    alice_client: Client,
    alice: User,
    question: Question,
    pieces: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Talk whose pauses never leave a stretch to settle (MIN_STRETCH_S longer than the
    answer) is read ahead once AHEAD_AFTER_S are left unread: the worker keeps that state,
    though nothing is settled, and the end reads on from it (past STOP_TAIL_S, here 10 s, in
    an answer longer than ONE_WINDOW_S, here 10 s: a shorter one is read whole)."""
    monkeypatch.setattr(speech_streaming, "MIN_STRETCH_S", 60.0)
    monkeypatch.setattr(speech_streaming, "STOP_TAIL_S", 10.0)
    monkeypatch.setattr(speech_streaming, "ONE_WINDOW_S", 10.0)
    used: list[Any] = []

    def spying(state: Any, samples: Any) -> Any:
        used.append(speech_streaming.at_stop(state, samples))
        return used[-1]

    monkeypatch.setattr(pipeline, "at_stop", spying)
    attempt = _record(alice_client, question, pieces)
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    state = from_json(stored["state"])
    assert state.settled_s == 0
    assert state.ahead is not None
    assert state.ahead.settled_s > 5
    assert state.ahead.words
    attempt = _finalise(alice_client, attempt)
    assert attempt.status == "analysed", attempt.failure
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcription"] == "streamed"
    assert used == [state.ahead]  # the end read on from the part read ahead
    said = analysis["transcript"].lower()
    for word in ("checklist", "nurses", "inspection", "shifts", "slowed"):
        assert word in said
    assert analysis["coverage"]["ratio"] >= 0.95


@pytest.mark.usefixtures("short_stretches", "early_language")
def test_a_late_step_decodes_only_the_seconds_it_needs(
    alice_client: Client,
    alice: User,
    question: Question,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Once the language is asked (its window of speech settled), a step decodes the recording only from a
    second before the settled time (`Attempt.stream["from"]`), and the state it makes is the
    one of the whole recording: the end finds it made from the joined file."""
    folder = tmp_path_factory.mktemp("long")
    spoken = _spoken(folder)
    long_pieces = browser_pieces(spoken)  # about 25 s
    attempt = _record(alice_client, question, long_pieces)
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    state = from_json(stored["state"])
    assert state.language is not None
    assert 0 < stored["from"] < state.settled_s
    joined = folder / "so-far.webm"
    joined.write_bytes(b"".join(long_pieces[: stored["pieces"]]))
    assert matches(state, decode(joined).samples)  # what the steps made from their seconds
    attempt = _finalise(alice_client, attempt)
    assert attempt.status == "analysed", attempt.failure
    assert attempt.analysis["transcription"] == "streamed"  # type: ignore[index]


@pytest.mark.usefixtures("short_stretches", "early_language")
def test_a_step_decodes_the_whole_recording_when_the_pieces_read_before_changed(
    alice_client: Client,
    alice: User,
    question: Question,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A late step trusts the settled seconds only while the pieces they came from are the
    same bytes (their SHA-256, kept with the state). Changed (here: the kept digest is not
    theirs), the next step decodes from the start, not from the settled second."""
    folder = tmp_path_factory.mktemp("changed")
    spoken = _spoken(folder)
    # About 50 s: steps decode from the start until the language window's speech is settled.
    long_pieces = browser_pieces(np.concatenate([spoken, spoken]))
    started = alice_client.post(reverse("practice:recording_start", args=[question.pk])).json()

    def send(index: int) -> None:
        sent = alice_client.post(
            f"{started['chunk_url']}/{index}/",
            long_pieces[index],
            content_type="application/octet-stream",
        )
        assert sent.status_code == 201, sent.content

    last = len(long_pieces) - streaming.STEP_PIECES
    for index in range(last):
        send(index)
    attempt = Attempt.objects.get(pk=started["id"])
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert stored["from"] > 0  # the late steps decoded from the settled second
    Attempt.objects.filter(pk=attempt.pk).update(stream={**stored, "digest": "0" * 64})
    for index in range(last, len(long_pieces)):
        send(index)
    attempt.refresh_from_db()
    after: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert after["pieces"] > stored["pieces"]  # a step ran on the new pieces
    assert after["from"] == 0  # and read the recording from its start
    joined = folder / "so-far.webm"
    joined.write_bytes(b"".join(long_pieces[: after["pieces"]]))
    assert matches(from_json(after["state"]), decode(joined).samples)


def test_a_state_from_other_pieces_is_dropped_at_the_join_and_the_whole_file_is_read(
    alice_client: Client, alice: User, question: Question, pieces: list[bytes]
) -> None:
    attempt = _record(alice_client, question, pieces[:8])
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert stored is not None
    Attempt.objects.filter(pk=attempt.pk).update(stream={**stored, "digest": "0" * 64})
    attempt = _finalise(alice_client, attempt)
    assert attempt.status == "analysed", attempt.failure
    assert attempt.analysis["transcription"] == "whole file"  # type: ignore[index]


def test_an_unreadable_state_loses_nothing(
    alice_client: Client, alice: User, question: Question, pieces: list[bytes]
) -> None:
    attempt = _record(alice_client, question, pieces[:8])
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    Attempt.objects.filter(pk=attempt.pk).update(stream={**stored, "state": {"words": 3}})
    attempt = _finalise(alice_client, attempt)
    assert attempt.status == "analysed", attempt.failure
    assert attempt.analysis["transcription"] == "whole file"  # type: ignore[index]
    assert "checklist" in attempt.analysis["transcript"]  # type: ignore[index]


@pytest.mark.usefixtures("short_stretches")
def test_one_step_is_queued_at_a_time_and_a_lost_one_is_replaced(
    alice: User, question: Question, pieces: list[bytes]
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status="recording"
    )
    for index, piece in enumerate(pieces[:8]):
        digest = hashlib.sha256(piece).hexdigest()
        store.put(chunk_name(attempt, index, digest), piece)
        attempt.pieces[str(index)] = digest
    attempt.chunks_received = 8
    attempt.save()
    waiting = timezone.now()
    Attempt.objects.filter(pk=attempt.pk).update(stream_queued_at=waiting)
    queue_stream_step(attempt.pk)  # one is waiting: nothing queued (it would run right here)
    attempt.refresh_from_db()
    assert attempt.stream is None
    assert attempt.stream_queued_at == waiting
    lost = waiting - dt.timedelta(minutes=5)
    Attempt.objects.filter(pk=attempt.pk).update(stream_queued_at=lost)
    queue_stream_step(attempt.pk)  # the one waiting is long lost: another runs
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["pieces"] == 8
    assert attempt.stream_queued_at is None


def _recording(user: User) -> Attempt:
    return Attempt.objects.create(user=user, question_text="Tell me", status="recording")


@pytest.mark.usefixtures("short_stretches")
def test_a_step_waits_for_three_new_pieces_and_an_unreadable_state_is_read_again(
    alice: User, pieces: list[bytes]
) -> None:
    attempt = _recording(alice)
    for index, piece in enumerate(pieces[:2]):
        store_chunk(attempt, index, piece)
    attempt.refresh_from_db()
    assert attempt.stream is None  # two pieces: no step yet
    for index, piece in enumerate(pieces[2:8], start=2):
        store_chunk(attempt, index, piece)
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["read"] == 6  # steps at 3 and 6 pieces; 7 and 8 wait for a third
    # A kept state that cannot be read: the next step starts again from the first piece
    # (every later step used to fail on it).
    bad = {"state": {"words": 3}, "pieces": 2, "read": 2}
    Attempt.objects.filter(pk=attempt.pk).update(stream=bad)
    queue_stream_step(attempt.pk)
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["pieces"] == 8
    assert attempt.stream["state"]["settled_s"] > 0
    assert attempt.stream_queued_at is None


DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": site_settings.TASK_QUEUES}
}


@pytest.fixture
def database_tasks(transactional_db: None, settings: Any) -> None:
    """A real queue: tasks stored in the database, run by django-tasks-db's worker loop."""
    settings.TASKS = DATABASE_TASKS


def _run_analysis_lane(tasks: int) -> None:
    queues = next(queues for name, queues in lanes(1) if name.startswith("analysis"))
    Worker(
        queue_names=queues, interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=tasks, worker_id="test-lane", excluded_queue_names=[],
    ).run()  # fmt: skip


def _steps_waiting() -> int:
    path = "prepcoach.practice.streaming.stream_attempt"
    return DBTaskResult.objects.filter(task_path=path, status="READY").count()


def test_a_queued_analysis_is_taken_before_a_streaming_step(
    database_tasks: None, alice: User, bob: User, pieces: list[bytes]
) -> None:
    recording = _recording(bob)
    for index, piece in enumerate(pieces[:3]):
        store_chunk(recording, index, piece)
    assert _steps_waiting() == 1  # queued before Alice's analysis
    typed = queue_analysis(
        Attempt.objects.create(user=alice, question_text="Tell me", text="I led it.")
    )
    _run_analysis_lane(tasks=1)
    typed.refresh_from_db()
    assert typed.status == "analysed"
    assert _steps_waiting() == 1
    _run_analysis_lane(tasks=1)  # the lane idle: the step runs
    assert _steps_waiting() == 0
    recording.refresh_from_db()
    assert recording.stream is not None
    assert recording.stream["read"] == 3


def test_pieces_that_arrive_while_a_step_runs_get_a_step_of_their_own(
    database_tasks: None, alice: User, pieces: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = _recording(alice)
    for index, piece in enumerate(pieces[:3]):
        store_chunk(attempt, index, piece)
    assert _steps_waiting() == 1
    real_advance = streaming.advance  # type: ignore[attr-defined]
    arrived: list[bool] = []

    def pieces_arrive_meanwhile(*args: Any) -> Any:
        if not arrived:  # Alice keeps speaking while the first step transcribes
            arrived.extend(store_chunk(attempt, i, pieces[i]) for i in range(3, 6))
        return real_advance(*args)

    monkeypatch.setattr(streaming, "advance", pieces_arrive_meanwhile)
    _run_analysis_lane(tasks=1)
    assert arrived == [True, True, True]
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["read"] == 3  # the step saw three pieces
    assert _steps_waiting() == 1  # and queued the next for the three that came meanwhile
    _run_analysis_lane(tasks=1)
    attempt.refresh_from_db()
    assert attempt.stream["read"] == 6
    assert attempt.stream_queued_at is None
    assert _steps_waiting() == 0


@pytest.mark.usefixtures("short_stretches", "sentence_model")
def test_a_step_reads_the_settled_text_ahead_so_the_report_reads_only_the_rest(
    alice_client: Client, question: Question, pieces: list[bytes]
) -> None:
    from prepcoach.coach import reader, reader_inputs

    reader_inputs.MIDDLE.states.clear()
    attempt = _record(alice_client, question, pieces)
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    state = from_json(stored["state"])
    read = state.ahead or state
    settled = "".join(w.w for w in read.words).strip()
    sentences = reader.sentences_of(settled)
    assert len(sentences) >= 2
    kept = reader_inputs.MIDDLE.states
    assert all(sentence in kept for sentence in sentences)  # read, and kept by their text
    assert question.text in kept


def test_a_step_that_finds_the_answer_saved_makes_no_pass_of_the_model(
    alice: User, pieces: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The piece that came with Stop queues a step that may start before the answer is saved
    and reach the model after: it stops there, as its state would not be kept."""
    attempt = _recording(alice)
    for index, piece in enumerate(pieces[:2]):  # two pieces: no step yet
        store_chunk(attempt, index, piece)
    read = store.read

    def saved_meanwhile(name: str) -> bytes:
        Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.SAVED)
        return read(name)

    def no_engine() -> Any:
        raise AssertionError("a pass of the model for an answer already saved")

    monkeypatch.setattr(store, "read", saved_meanwhile)
    monkeypatch.setattr(streaming, "borrowed_engine", no_engine)
    attempt.refresh_from_db()
    assert streaming._step(attempt) == "saved"
