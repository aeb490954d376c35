"""The rest of an answer read while its speaker is quiet (`streaming.Closing`, issue 15 item 1):
once the audio received ends in QUIET_S of silence, a step reads what the end would read, and
the end, finding nothing said since, reads nothing again; speech after the quiet is read at the
end as before, and the transcript is the same word for word either way (real engine)."""

from __future__ import annotations

import dataclasses
import itertools
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from prepcoach.coach.speech import streaming
from prepcoach.coach.speech.audio import RATE, decode
from prepcoach.coach.speech.engine import LanguageGuess, SpeechEngine, WhisperEngine, Word
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.coach.speech.streaming import (
    ONE_WINDOW_S,
    QUIET_S,
    STOP_TAIL_S,
    Closing,
    StreamState,
    advance,
    all_spans,
    at_stop,
    continued,
    finish,
    from_json,
    read_rest,
    resume_from,
    to_json,
)
from prepcoach.coach.speech.vad import Span
from tests.coach.speech.conftest import read_wav, reencode, speak, write_wav
from tests.coach.speech.test_streaming import Clerk

# About 45 s of talk: a 2.5 s pause after the seventh sentence (past one 30 s window), and the
# speaker quiet for 1.3 s before pressing Stop (past QUIET_S; 1.8 s would settle the last stretch:
# `cut_point`).
SCRIPT = [
    ("In my last role I looked after the monthly stock count for three shops.", 0.6),
    ("The counts took two days and were often wrong by a few hundred pounds.", 1.0),
    ("My manager asked me to find a faster way before the busy season.", 0.5),
    ("I timed each step and found that most of the time went on paper sheets.", 1.1),
    ("So I built a simple scanner form that staff could fill in on their phones.", 0.6),
    ("I trained the team in two short sessions and wrote a one page guide.", 0.9),
    ("We ran the new count in one shop first and fixed two problems.", 2.5),
    ("Then we rolled it out to the other two shops in October.", 0.7),
    ("The count now takes half a day and the errors fell by about eighty percent.", 0.8),
    ("Next time I would ask the staff for ideas even earlier.", 1.3),
]


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("closing")
    pieces, rate = [np.zeros(int(0.5 * 22_050), np.int16)], 22_050
    for index, (text, pause) in enumerate(SCRIPT):
        data, rate = read_wav(speak(text, folder / f"{index}.wav", rate=170))
        pieces += [data, np.zeros(int(pause * rate), np.int16)]
    wav = write_wav(folder / "answer.wav", np.concatenate(pieces), rate)
    return reencode(wav, folder / "answer.webm", "libopus")


@pytest.fixture(scope="module")
def samples(answer: Path) -> NDArray[np.float32]:
    return decode(answer).samples


def _steps(samples: NDArray[np.float32], engine: SpeechEngine, every: int = 1) -> StreamState:
    """The state once `samples` arrived in 2 s pieces, a step after every `every`th piece and
    one after the last (the piece the browser sends when its meter hears the speaker stop)."""
    state = None
    ends = list(range(2 * RATE, samples.size, 2 * RATE))
    for piece, end in enumerate(ends, start=1):
        if piece % every == 0:
            state = advance(engine, samples[:end], state)
    state = advance(engine, samples, state)
    return state


def _pause_end(samples: NDArray[np.float32]) -> int:
    """The sample 1.5 s into the 2.5 s pause (QUIET_S of it heard, the speaker not back)."""
    spans = streaming.speech_spans(samples)
    gaps = [(b.start - a.end, a.end) for a, b in itertools.pairwise(spans)]
    length, start = max(gaps)
    assert length >= 2.0, gaps
    assert start > ONE_WINDOW_S
    return int((start + QUIET_S + 0.5) * RATE)


class Counting:
    """A real engine whose passes are counted, with the thread each ran on."""

    def __init__(self, engine: SpeechEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self.passes = 0
        self.threads: list[str] = []

    def _count(self) -> None:
        self.passes += 1
        self.threads.append(threading.current_thread().name)

    def words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None = None
    ) -> tuple[Word, ...]:
        self._count()
        return self.engine.words(samples, speech)

    def first_pass(
        self, samples: NDArray[np.float32], speech: Sequence[Span]
    ) -> tuple[tuple[Word, ...], LanguageGuess]:
        self._count()
        return self.engine.first_pass(samples, speech)

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess:
        self._count()
        return self.engine.detect_language(samples)


def test_a_quiet_end_is_read_while_recorded_and_the_end_reads_nothing_again(
    samples: NDArray[np.float32],
) -> None:
    clerk = Clerk()
    state = _steps(samples, clerk)
    closing = state.closing
    assert closing is not None
    kept = at_stop(state, samples)
    assert kept is not None
    spans = all_spans(samples, kept)
    rest = tuple(s for s in spans if s.start >= kept.settled_s)
    assert closing.start_s == kept.settled_s
    assert closing.spans == rest  # the same speech, found alike
    calls = len(clerk.calls)
    transcript = finish(clerk, samples, kept, spans)
    assert len(clerk.calls) == calls  # no pass of the model at the end
    assert transcript.words[: len(closing.words)] == closing.words
    # Without the closing, the end reads the rest itself: one pass, the same times.
    alone = finish(clerk, samples, dataclasses.replace(kept, closing=None), spans)
    assert len(clerk.calls) == calls + 1
    assert [(w.start, w.end) for w in alone.words] == [(w.start, w.end) for w in transcript.words]


def test_a_closing_is_read_once_for_the_same_speech(samples: NDArray[np.float32]) -> None:
    clerk = Clerk()
    state = _steps(samples, clerk)
    calls = len(clerk.calls)
    again = advance(clerk, samples, state)
    assert again == state
    assert len(clerk.calls) == calls


def test_speech_after_a_quiet_is_read_at_the_end(samples: NDArray[np.float32]) -> None:
    clerk = Clerk()
    paused = _pause_end(samples)
    state = _steps(samples[:paused], clerk)
    assert state.closing is not None  # read in the pause: the speaker might have finished
    # The speaker went on, and stopped before a step saw the rest.
    kept = at_stop(state, samples)
    assert kept is not None
    assert kept.closing is None  # not the rest: the end continues as it would without it
    assert kept == at_stop(dataclasses.replace(state, closing=None), samples)
    spans = all_spans(samples, kept)
    calls = len(clerk.calls)
    transcript = finish(clerk, samples, kept, spans)
    assert len(clerk.calls) > calls  # what was said after the pause was read at the end
    assert max(w.end for w in transcript.words) > paused / RATE + 2
    # A step that hears the speech go on drops the closing.
    going_on = advance(clerk, samples[: paused + 3 * RATE], state)
    assert going_on.closing is None or going_on.closing.spans != state.closing.spans


def test_no_closing_in_an_answer_of_one_window(samples: NDArray[np.float32]) -> None:
    """Such an answer is read whole at stop (`at_stop`), so reading it early would be waste."""
    clerk = Clerk()
    short = np.concatenate([samples[: int(20 * RATE)], np.zeros(3 * RATE, np.float32)])
    assert _steps(short, clerk).closing is None


def test_the_end_continues_from_the_state_the_closing_was_read_from() -> None:
    ahead = StreamState(settled_s=40.0)
    state = StreamState(settled_s=10.0, ahead=ahead)
    # No closing: the part read ahead only when more than STOP_TAIL_S would be left.
    assert continued(state, 10.0 + STOP_TAIL_S + 1) == ahead
    assert continued(state, 10.0 + STOP_TAIL_S - 1) == StreamState(settled_s=10.0)
    # A closing read from the settled state keeps it, however long the quiet after it.
    from_state = Closing(10.0, (Span(12.0, 30.0),), ())
    late = continued(dataclasses.replace(state, closing=from_state), 10.0 + STOP_TAIL_S + 5)
    assert late == StreamState(settled_s=10.0, closing=from_state)
    # And one read from the part read ahead keeps that.
    from_ahead = Closing(40.0, (Span(41.0, 50.0),), ())
    early = continued(dataclasses.replace(state, closing=from_ahead), 10.0 + STOP_TAIL_S - 1)
    assert early == dataclasses.replace(ahead, closing=from_ahead)


def test_a_closing_survives_json_and_older_states_have_none() -> None:
    closing = Closing(
        12.5,
        (Span(13.0, 20.25),),
        (Word(" done", 13.1, 13.4),),
        LanguageGuess("en", 0.98, 0.98),
    )
    state = StreamState(settled_s=12.5, closing=closing)
    assert from_json(to_json(state)) == state
    older = to_json(StreamState(settled_s=12.5))
    del older["closing"]
    assert from_json(older).closing is None


def test_a_closed_answer_reads_word_for_word_as_the_end_would(
    samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """On the real engine: the transcript finished from the closing is the one the end makes
    reading the rest itself, word for word and time for time, and the end made no pass."""
    counting = Counting(engine)
    state = _steps(samples, counting, every=3)
    assert state.closing is not None
    kept = at_stop(state, samples)
    assert kept is not None
    spans = all_spans(samples, kept)
    before = counting.passes
    closed = finish(counting, samples, kept, spans)
    assert counting.passes == before
    read_at_end = finish(counting, samples, dataclasses.replace(kept, closing=None), spans)
    assert counting.passes > before
    assert closed.words == read_at_end.words
    assert closed.language == read_at_end.language == "en"
    assert closed.coverage == read_at_end.coverage
    assert "eighty percent" in closed.text.lower() or "80%" in closed.text


def _talking_to_the_end(samples: NDArray[np.float32], engine: SpeechEngine) -> StreamState:
    """The state of the last step before Stop of an answer whose speaker talks until Stop
    (the 2 s pieces up to its last, no quiet piece): the last seconds are not read yet."""
    state = None
    for end in range(2 * RATE, samples.size, 2 * RATE):
        state = advance(engine, samples[:end], state)
    assert state is not None
    return state


def _to_the_last_word(samples: NDArray[np.float32]) -> NDArray[np.float32]:
    """The answer with Stop pressed 0.3 s after its last word (no quiet before Stop)."""
    last = streaming.speech_spans(samples)[-1].end
    return samples[: int((last + 0.3) * RATE)]


def test_the_rest_is_read_at_stop_from_the_part_after_the_settled_time(
    samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """`read_rest`: with no quiet before Stop (no closing read while recording), the rest is
    read from the part of the recording after the settled time alone, as the end would read it:
    the end then makes no pass, and its transcript is word for word and time for time the one
    it makes reading the rest itself."""
    recording = _to_the_last_word(samples)
    counting = Counting(engine)
    state = _talking_to_the_end(recording, counting)
    assert advance(counting, recording, state).closing is None  # not quiet: no closing
    offset = resume_from(state)
    assert offset > 0  # the language is asked: the part alone is enough
    read = read_rest(counting, recording[offset * RATE :], state, offset)
    assert read.closing is not None
    kept = at_stop(read, recording)
    assert kept is not None
    assert kept.closing is not None
    spans = all_spans(recording, kept)
    before = counting.passes
    closed = finish(counting, recording, kept, spans)
    assert counting.passes == before  # the end read nothing again
    itself = finish(counting, recording, dataclasses.replace(kept, closing=None), spans)
    assert counting.passes > before
    assert closed.words == itself.words
    assert closed.coverage == itself.coverage
    # Made from other audio (a settled second of it louder), it reads nothing and keeps the
    # state.
    other = recording[offset * RATE :].copy()
    other[:RATE] *= 2
    assert not streaming.matches(state, other, offset)
    passes = counting.passes
    assert read_rest(counting, other, state, offset) == state
    assert counting.passes == passes


def test_the_end_reads_the_rest_while_the_recording_is_decoded(
    answer: Path, samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """`analyse_recording` with a state made while recording reads the answer's last seconds
    on a thread of its own while the whole file is decoded, and the report's transcript is the
    one the end makes reading them itself after decoding."""
    counting = Counting(engine)
    state = _talking_to_the_end(samples, counting)
    counting.threads.clear()
    analysis = analyse_recording(answer, counting, streamed=state)  # type: ignore[arg-type]
    assert counting.threads  # the rest was read...
    assert all(name.startswith("rest") for name in counting.threads)  # ...beside the decoding
    kept = at_stop(state, samples)
    assert kept is not None
    assert kept.closing is None
    itself = finish(engine, samples, kept, all_spans(samples, kept))
    assert analysis.words == itself.words
    assert analysis.transcription == "streamed"


def test_awaiting_a_step_the_end_reads_nothing_beside_decoding(
    answer: Path, samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """`awaiting`: a quiet piece's step in its pass reads the same rest, so the end reads none
    of it beside decoding but asks `newer` for the step's state; when none comes (the wait ran
    out), the end reads the rest itself after decoding, and the transcript is the one it makes
    reading them itself."""
    counting = Counting(engine)
    state = _talking_to_the_end(samples, counting)
    counting.threads.clear()
    asked: list[bool] = []

    def nothing_came() -> None:
        asked.append(True)

    analysis = analyse_recording(
        answer,
        counting,
        streamed=state,
        newer=nothing_came,
        awaiting=True,  # type: ignore[arg-type]
    )
    assert asked == [True]
    assert counting.threads  # the rest was read...
    assert not any(name.startswith("rest") for name in counting.threads)  # ...after decoding
    kept = at_stop(state, samples)
    assert kept is not None
    itself = finish(engine, samples, kept, all_spans(samples, kept))
    assert analysis.words == itself.words
    assert analysis.transcription == "streamed"


def _blocks(samples: NDArray[np.float32]) -> list[Span]:
    """Speech where the samples are loud, to the hundredth of a second (no detector)."""
    frame = RATE // 100
    loud = np.abs(samples[: samples.size // frame * frame]).reshape(-1, frame).max(axis=1) > 0.1
    spans, start = [], None
    for index, on in enumerate([*loud.tolist(), False]):
        if on and start is None:
            start = index
        elif not on and start is not None:
            spans.append(Span(round(start / 100, 2), round(index / 100, 2)))
            start = None
    return spans


def test_a_closing_the_end_takes_is_not_read_again_from_another_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review: settled at 100 s with a part read ahead to 110 s, the quiet piece's step at
    123.5 s reads its closing from 100 s (23.5 s left, within STOP_TAIL_S); Stop at 125 s
    leaves more than STOP_TAIL_S after 100 s, yet the end keeps the closing (`continued`). The
    rest read at Stop took the part read ahead's base and read it all again."""
    monkeypatch.setattr(streaming, "speech_spans", _blocks)
    rng = np.random.default_rng(0)
    recording = np.zeros(125 * RATE, np.float32)
    for second in range(122):  # 0.8 s of sound a second, but for the pauses at 100 and 110 s
        if second not in (100, 110):
            start = second * RATE
            recording[start : start + int(0.8 * RATE)] = 0.3 * rng.standard_normal(int(0.8 * RATE))
    english = LanguageGuess("en", 1.0, 1.0)

    def settled(at: float, ahead: StreamState | None = None) -> StreamState:
        spans = tuple(s for s in _blocks(recording) if s.end <= at)
        levels = streaming.levels_of(recording, int(at))
        return StreamState((Word(" s", 0.0, 1.0),), at, spans, english, levels, 3, ahead)

    state = settled(100.0, ahead=settled(110.0))
    clerk = Clerk()
    state = streaming._closed(clerk, recording[: int(123.5 * RATE)], state, 0)
    assert state.closing is not None
    assert state.closing.start_s == 100.0
    kept = at_stop(state, recording)
    assert kept is not None
    assert kept.closing == state.closing  # the end takes it: no pass at Stop
    offset = resume_from(state)
    calls = len(clerk.calls)
    assert read_rest(clerk, recording[offset * RATE :], state, offset) is state
    assert len(clerk.calls) == calls


def test_a_state_handed_over_is_taken_when_the_one_given_was_made_from_other_audio(
    answer: Path, samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """The rest read beside decoding adds nothing to a state made from other audio, so it must
    not stand in the way of the state a step handed over (`newer`): the answer is read from
    that one, not from the whole file (review)."""
    good = _steps(samples, engine, every=3)
    assert good.closing is not None
    other = dataclasses.replace(good, levels=tuple(level * 2 for level in good.levels))
    assert not streaming.matches(other, samples)
    alone = analyse_recording(answer, engine, streamed=other)
    assert alone.transcription == "whole file"
    handed = analyse_recording(answer, engine, streamed=other, newer=lambda: good)
    assert handed.transcription == "streamed"
    # The other way round: a state handed over that does not fit the recording leaves the one
    # given, which does, rather than the whole file (review of the thirty-sixth session).
    kept = analyse_recording(answer, engine, streamed=good, newer=lambda: other, awaiting=True)
    assert kept.transcription == "streamed"
