"""The browser says when Alice went quiet (`?quiet=1` on a piece, sent by recorder.js as soon as
its level meter hears her stop), and a streaming step runs at once, without waiting for three
new pieces: it reads her last words (`coach.speech.streaming.Closing`), so when she presses
Stop the analysis finds them read and makes no pass of the model over them (issue 15, item 1)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.speech import streaming as speech_streaming
from prepcoach.coach.speech.streaming import from_json
from prepcoach.practice import streaming
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.recordings import store_chunk
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
def pieces(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    return browser_pieces(_spoken(tmp_path_factory.mktemp("spoken")))


@pytest.fixture(scope="module")
def quiet_ending(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """About 51 s (past one 30 s window): the script said twice, its last pause (0.8 s) made
    1.3 s, more than QUIET_S and less than would settle the last stretch (`cut_point`), cut as
    a 2 s timeslice sends it."""
    spoken = _spoken(tmp_path_factory.mktemp("twice"))
    quiet = np.zeros(int(0.5 * 48_000), np.float32)
    return browser_pieces(np.concatenate([spoken, spoken, quiet]))


@pytest.mark.usefixtures("database_tasks")
def test_a_piece_sent_as_alice_went_quiet_gets_a_step_at_once(
    alice: User, pieces: list[bytes]
) -> None:
    attempt = _recording(alice)
    store_chunk(attempt, 0, pieces[0])
    assert _steps_waiting() == 0  # one piece: a step waits for three
    store_chunk(attempt, 1, pieces[1], quiet=True)
    attempt.refresh_from_db()
    assert attempt.stream_quiet == 2
    assert _steps_waiting() == 1  # at once
    _run_analysis_lane(tasks=1)
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["read"] == 2
    store_chunk(attempt, 2, pieces[2])
    assert _steps_waiting() == 0  # read up to the quiet: the next waits for three again


@pytest.mark.usefixtures("database_tasks")
def test_a_quiet_piece_that_arrives_while_a_step_runs_gets_a_step_after_it(
    alice: User, pieces: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = _recording(alice)
    for index, piece in enumerate(pieces[:3]):
        store_chunk(attempt, index, piece)
    assert _steps_waiting() == 1
    real_advance = speech_streaming.advance
    arrived: list[bool] = []

    def alice_goes_quiet_meanwhile(*args: Any) -> Any:
        if not arrived:  # one piece only, sent as she went quiet
            arrived.append(store_chunk(attempt, 3, pieces[3], quiet=True))
        return real_advance(*args)

    monkeypatch.setattr(streaming, "advance", alice_goes_quiet_meanwhile)
    _run_analysis_lane(tasks=1)
    assert arrived == [True]
    assert _steps_waiting() == 1  # the step's end asked again for the quiet piece
    _run_analysis_lane(tasks=1)
    attempt.refresh_from_db()
    assert attempt.stream is not None
    assert attempt.stream["read"] == 4
    assert attempt.stream_queued_at is None


def test_the_piece_a_browser_sends_as_alice_goes_quiet_is_marked(
    alice_client: Client, alice: User, story_question: Question, pieces: list[bytes]
) -> None:
    started = alice_client.post(
        reverse("practice:recording_start", args=[story_question.pk])
    ).json()
    url = f"{started['chunk_url']}/0/"
    sent = alice_client.post(f"{url}?quiet=1", pieces[0], content_type="application/octet-stream")
    assert sent.status_code == 201
    assert Attempt.objects.get(pk=started["id"]).stream_quiet == 1


@pytest.mark.usefixtures("database_tasks")
@pytest.mark.parametrize("marks", ["?last=1", "?last=1&quiet=1"])
def test_the_piece_sent_as_alice_presses_stop_queues_no_step(
    alice_client: Client, story_question: Question, pieces: list[bytes], marks: str
) -> None:
    """`?last=1`: recorder.js's last piece, sent as Stop is pressed, before finalise. A step for
    it would decode the whole recording so far only to find the answer saved, on a core the
    analysis needs; the analysis reads what the piece holds. The same three pieces sent
    without the mark queue a step (pieces 0-2: STEP_PIECES)."""
    for last in (False, True):
        started = alice_client.post(
            reverse("practice:recording_start", args=[story_question.pk])
        ).json()
        for index, piece in enumerate(pieces[:3]):
            marked = marks if last and index == 2 else ""
            sent = alice_client.post(
                f"{started['chunk_url']}/{index}/{marked}",
                piece,
                content_type="application/octet-stream",
            )
            assert sent.status_code == 201, sent.content
        assert _steps_waiting() == (0 if last else 1)
        Attempt.objects.filter(pk=started["id"]).update(status=Attempt.Status.SAVED)
        if not last:  # its step ends (the answer saved meanwhile, it reads nothing)
            _run_analysis_lane(tasks=1)
            assert _steps_waiting() == 0
    attempt = Attempt.objects.get(pk=started["id"])
    assert attempt.chunks_received == 3  # stored and counted all the same
    assert attempt.stream_quiet == (3 if "quiet" in marks else None)


def test_her_last_words_read_as_she_went_quiet_are_not_read_again_at_stop(
    alice_client: Client,
    story_question: Question,
    quiet_ending: list[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = alice_client.post(
        reverse("practice:recording_start", args=[story_question.pk])
    ).json()
    last = len(quiet_ending) - 1
    for index, piece in enumerate(quiet_ending):
        marked = "?quiet=1" if index == last else ""
        sent = alice_client.post(
            f"{started['chunk_url']}/{index}/{marked}",
            piece,
            content_type="application/octet-stream",
        )
        assert sent.status_code == 201, sent.content
    attempt = Attempt.objects.get(pk=started["id"])
    stored: dict[str, Any] = attempt.stream  # type: ignore[assignment]
    assert stored["read"] == len(quiet_ending)  # the quiet piece had its step
    closing = from_json(stored["state"]).closing
    assert closing is not None
    assert "within two months" in "".join(w.w for w in closing.words).lower()  # her last words

    def read_at_stop(*args: Any) -> Any:
        raise AssertionError("the end read the rest again")

    monkeypatch.setattr(speech_streaming, "_read", read_at_stop)
    assert alice_client.post(reverse("practice:finalise", args=[attempt.pk])).status_code == 200
    attempt.refresh_from_db()
    assert attempt.status == "analysed", attempt.failure
    analysis: dict[str, Any] = attempt.analysis  # type: ignore[assignment]
    assert analysis["transcription"] == "streamed"
    said = analysis["transcript"].lower()
    assert said.count("checklist") == 2
    assert said.count("slowed") == 2
    assert analysis["coverage"]["ratio"] >= 0.95
