"""Transcribing while the answer is recorded (issue 15, item 1): finished stretches are cut at
pauses inside the audio received, never in its last second, and the streamed transcript is as
complete and as accurate as the whole-file one."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from prepcoach.coach import reader, reader_inputs
from prepcoach.coach.speech import streaming
from prepcoach.coach.speech.audio import RATE, decode
from prepcoach.coach.speech.engine import LanguageGuess, SpeechEngine, WhisperEngine, Word
from prepcoach.coach.speech.pipeline import analyse_recording, read_settled
from prepcoach.coach.speech.streaming import (
    AHEAD_MIN_S,
    CUT_PAUSE_S,
    EDGE_S,
    LONG_STRETCH_S,
    MIN_STRETCH_S,
    ONE_WINDOW_S,
    STOP_TAIL_S,
    StreamState,
    advance,
    ahead_point,
    all_spans,
    at_stop,
    cut_point,
    finish,
    from_json,
    matches,
    resume_from,
    to_json,
)
from prepcoach.coach.speech.transcribe import transcribe
from prepcoach.coach.speech.vad import Span, speech_spans
from prepcoach.coach.term_match import Matcher, shared_embedder
from tests.coach.speech.conftest import read_wav, reencode, speak, write_wav

# Sentences with the silence after each: pauses long enough to cut at, and some too short.
SCRIPT = [
    ("Last spring I was the only analyst on a team of twelve at a small online shop.", 1.2),
    ("Our monthly report kept arriving late and nobody trusted the numbers in it.", 0.4),
    ("Um, my task was to find out why before the holiday season.", 1.5),
    ("I ran five user interviews and, uh, I read through two weeks of support tickets.", 0.35),
    ("I worked with the designer to remove two steps from the payment form.", 2.0),
    ("We tested the new form with a small group of shoppers first.", 1.0),
    ("As a result, errors fell by forty percent and sales recovered within a month.", 0.6),
    ("The team now checks the report every Monday before it goes out.", 1.1),
    ("Looking back, I learned to ask the people who use a process before changing it.", 0.5),
]


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def wer(reference: list[str], hypothesis: list[str]) -> float:
    """Word error rate: the fewest edits turning one list into the other, per reference word."""
    distance = np.arange(len(hypothesis) + 1)
    for i, word in enumerate(reference, start=1):
        diagonal = distance[:-1] + np.array([word != h for h in hypothesis])
        distance = np.concatenate(([i], np.minimum(distance[1:] + 1, diagonal)))
        distance = np.minimum.accumulate(distance - np.arange(distance.size)) + np.arange(
            distance.size
        )
    return float(distance[-1]) / max(len(reference), 1)


def test_word_error_rate_counts_edits() -> None:
    assert wer(["a", "b", "c"], ["a", "b", "c"]) == 0.0
    assert wer(["a", "b", "c"], ["a", "c"]) == pytest.approx(1 / 3)
    assert wer(["a", "b", "c"], ["a", "x", "c", "d"]) == pytest.approx(2 / 3)
    assert wer(["a", "b"], []) == 1.0


# The cut, without the model.


def _spans(pairs: list[tuple[float, float]], start: float) -> list[Span]:
    spans, t = [], start
    for gap, length in pairs:
        spans.append(Span(round(t + gap, 2), round(t + gap + length, 2)))
        t = spans[-1].end
    return spans


@given(
    st.lists(st.tuples(st.floats(0.3, 4), st.floats(0.2, 6)), min_size=0, max_size=10),
    st.floats(0, 30),
    st.floats(0, 5),
)
def test_a_cut_lies_in_a_pause_wholly_received_and_never_in_the_last_second(
    pairs: list[tuple[float, float]], start: float, trailing: float
) -> None:
    spans = _spans(pairs, start)
    end = (spans[-1].end if spans else start) + trailing
    cut = cut_point(spans, start, end)
    if cut is None:
        return
    assert start < cut <= end - EDGE_S + 1e-9
    # In silence: no span holds it.
    assert not any(s.start <= cut <= s.end for s in spans)
    before = max((s.end for s in spans if s.end <= cut), default=None)
    after = min((s.start for s in spans if s.start >= cut), default=end)
    assert before is not None  # there is speech before it to transcribe
    assert after <= end  # the pause lies inside the audio received
    if after - before < CUT_PAUSE_S - 1e-9:
        # A shorter pause only after LONG_STRETCH_S of talk with no long pause: the longest
        # one that leaves a stretch long enough to transcribe.
        assert end - spans[0].start >= LONG_STRETCH_S
        inner = [b.start - a.end for a, b in itertools.pairwise(spans) if b.start <= end - EDGE_S]
        assert max(inner) < CUT_PAUSE_S
        allowed = [
            b.start - a.end
            for a, b in itertools.pairwise(spans)
            if b.start <= end - EDGE_S and (a.end + b.start) / 2 - start >= MIN_STRETCH_S
        ]
        assert after - before == pytest.approx(max(allowed), abs=0.011)


def test_the_latest_pause_is_taken_and_none_in_the_edge() -> None:
    spans = [Span(0.5, 3.0), Span(4.0, 6.0), Span(7.0, 9.5)]
    assert cut_point(spans, 0.0, 11.0) == 6.5  # the 6.0-7.0 pause; 9.5-11.0 is too short
    assert cut_point(spans, 0.0, 7.5) == 3.5  # 7.0 is within the last second of 7.5
    assert cut_point(spans, 0.0, 11.5) == 9.9  # silence since 9.5, 2 s of it
    assert cut_point([Span(1.0, 5.0)], 0.0, 5.5) is None


def test_talk_with_no_long_pause_is_cut_at_its_longest_short_pause_once_long() -> None:
    # Talk from 0.2 s with 0.4 s breaths every 3 s, one of 0.6 s at 27.0-27.6, and no pause of
    # CUT_PAUSE_S: someone talking on, for LONG_STRETCH_S and more.
    edges = [0.2, *(b for k in range(1, 14) for b in (3.0 * k, 3.0 * k + 0.4)), 42.0]
    edges[edges.index(27.4)] = 27.6  # the 0.6 s pause: 27.0-27.6
    assert 27.3 - MIN_STRETCH_S >= 0  # it leaves a stretch long enough before it
    spans = [Span(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    talk_end = spans[-1].end
    assert talk_end > LONG_STRETCH_S + 2

    def heard_by(end: float) -> list[Span]:  # the spans found in the audio received by `end`
        return [Span(x.start, min(x.end, end)) for x in spans if x.start < end]

    assert cut_point(heard_by(LONG_STRETCH_S - 1), 0.0, LONG_STRETCH_S - 1) is None  # wait
    # The longest, not the latest (30.0-30.4 is received too).
    assert cut_point(heard_by(32.0), 0.0, 32.0) == 27.3
    # The long pause is still preferred where there is one.
    later = [*spans, Span(talk_end + 1.0, talk_end + 2.0)]
    assert cut_point(later, 0.0, talk_end + 3.5) == round(talk_end + 0.5, 2)
    # Silence before the talk is not talk: 10 s of thinking, then 3 s of words, is not cut.
    assert cut_point([Span(10.0, 11.0), Span(11.3, 12.6)], 0.0, 13.6) is None
    # A short pause too early to leave a stretch worth transcribing is passed over (it would be
    # refused at every step), and a later one taken.
    late = MIN_STRETCH_S + 1.0
    early = [Span(0.2, 1.0), Span(1.7, late), Span(late + 0.4, LONG_STRETCH_S + 2)]
    assert cut_point(early, 0.0, LONG_STRETCH_S + 3) == round(late + 0.2, 2)


@given(
    st.lists(st.tuples(st.floats(0.3, 4), st.floats(0.2, 6)), min_size=0, max_size=10),
    st.floats(0, 30),
    st.floats(0, 5),
)
def test_a_part_read_ahead_ends_in_a_pause_wholly_received_after_the_least_stretch(
    pairs: list[tuple[float, float]], start: float, trailing: float
) -> None:
    spans = _spans(pairs, start)
    end = (spans[-1].end if spans else start) + trailing
    point = ahead_point(spans, start, end)
    inner = [
        (a.end, b.start)
        for a, b in itertools.pairwise(spans)
        if b.start <= end - EDGE_S and (a.end + b.start) / 2 - start >= AHEAD_MIN_S
    ]
    if point is None:
        assert not inner  # no pause it could take
        return
    assert start + AHEAD_MIN_S - 0.01 <= point <= end - EDGE_S
    assert not any(s.start <= point <= s.end for s in spans)  # in silence
    pause = next((a, b) for a, b in inner if a <= point <= b)
    longs = [b for a, b in inner if b - a >= CUT_PAUSE_S]
    if longs:  # the latest long pause
        assert pause[1] == max(longs)
    else:  # else the longest shorter one
        assert pause[1] - pause[0] == pytest.approx(max(b - a for a, b in inner), abs=0.011)


# Advancing with a fake engine over real speech.


class Clerk:
    """A fake engine: a word for each 0.3 s of sound it is given, and every call noted."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[int] = []
        self.languages = 0

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess:
        self.languages += 1
        return LanguageGuess("en", 0.99, 0.99)

    def words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None = None
    ) -> tuple[Word, ...]:
        self.calls.append(samples.size)
        step = int(0.3 * RATE)
        loud = [
            i
            for i in range(0, samples.size - step + 1, step)
            if np.abs(samples[i : i + step]).mean() > 0.01
        ]
        call = len(self.calls)  # words that never repeat, so none reads as a loop
        return tuple(
            Word(
                f" {hashlib.sha256(f'{call} {i}'.encode()).hexdigest()[:8]}",
                i / RATE,
                i / RATE + 0.25,
            )
            for i in loud
        )

    def first_pass(
        self, samples: NDArray[np.float32], speech: Sequence[Span]
    ) -> tuple[tuple[Word, ...], LanguageGuess]:
        return self.words(samples, speech), self.detect_language(samples)


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The script spoken (about 50 s), as a browser sends it: WebM/Opus."""
    folder = tmp_path_factory.mktemp("streaming")
    pieces, rate = [np.zeros(int(0.5 * 22_050), np.int16)], 22_050
    for index, (text, pause) in enumerate(SCRIPT):
        data, rate = read_wav(speak(text, folder / f"{index}.wav", rate=165))
        pieces += [data, np.zeros(int(pause * rate), np.int16)]
    wav = write_wav(folder / "answer.wav", np.concatenate(pieces), rate)
    return reencode(wav, folder / "answer.webm", "libopus")


@pytest.fixture(scope="module")
def samples(answer: Path) -> NDArray[np.float32]:
    return decode(answer).samples


def _recorded(samples: NDArray[np.float32], engine: SpeechEngine) -> list[StreamState]:
    """The states after each 2 s of the answer arrived."""
    states, state = [], None
    for end in range(2 * RATE, samples.size + 2 * RATE, 2 * RATE):
        state = advance(engine, samples[:end], state)
        states.append(state)
    return states


@pytest.fixture
def short_stretches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretches of 5 s: the fake engine's tests follow several of them through the 50 s
    answer (at the real MIN_STRETCH_S it holds two)."""
    monkeypatch.setattr(streaming, "MIN_STRETCH_S", 5.0)


@pytest.mark.usefixtures("short_stretches")
def test_stretches_are_cut_in_pauses_of_the_whole_answer_and_settle_the_speech(
    samples: NDArray[np.float32],
) -> None:
    clerk = Clerk()
    states = _recorded(samples, clerk)
    whole = speech_spans(samples)
    settled = [s.settled_s for s in states]
    assert settled == sorted(settled)
    cuts = sorted(set(settled) - {0.0})
    assert len(cuts) >= 3  # most of the answer is transcribed while it is recorded
    for cut in cuts:
        # Each cut lies in silence of the whole answer's own voice activity.
        assert not any(s.start + 0.1 < cut < s.end - 0.1 for s in whole), cut
    for previous, state in itertools.pairwise(states):
        if state.settled_s != previous.settled_s:
            assert state.settled_s - previous.settled_s >= streaming.MIN_STRETCH_S
    final = states[-1]
    # Each stretch went to the engine once, with CONTEXT_S before it.
    assert final.passes == len(clerk.calls) == len(cuts)
    # Language asked once, when the first 30 s were settled.
    assert clerk.languages == 1
    assert final.language is not None
    assert final.spans == tuple(s for s in final.spans if s.end <= final.settled_s)
    assert final.words == tuple(sorted(final.words, key=lambda w: w.start))
    assert all(w.start < final.settled_s for w in final.words)
    assert samples.size / RATE - final.settled_s < 12  # only the last seconds are left


def test_finish_covers_the_whole_answer_and_says_it_was_streamed(
    samples: NDArray[np.float32],
) -> None:
    clerk = Clerk()
    state = _recorded(samples, clerk)[-1]
    assert matches(state, samples)
    spans = all_spans(samples, state)
    transcript = finish(clerk, samples, state, spans)
    assert transcript.streamed
    assert transcript.coverage is not None
    assert transcript.coverage.ratio >= 0.95
    assert clerk.languages == 1  # not asked again
    assert len(transcript.words) > len(state.words)  # the rest was read


@pytest.fixture
def long_stretches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretches of 30 s: talk whose pauses that leave MIN_STRETCH_S come far apart (the
    ninth session's answers had one every 26 s, and up to 34 s were left at stop)."""
    monkeypatch.setattr(streaming, "MIN_STRETCH_S", 30.0)


def _left_at_stop(samples: NDArray[np.float32], engine: SpeechEngine) -> list[float]:
    """What the end would have to read (seconds) if the answer stopped after any 2 s piece
    once it is longer than one of Whisper's windows (ONE_WINDOW_S: a shorter one is read
    whole), with the state of the latest step: a step comes every third piece (6 s), as the
    worker queues them (`practice.streaming.STEP_PIECES`)."""
    left, state = [], None
    for piece, end in enumerate(range(2 * RATE, samples.size + 2 * RATE, 2 * RATE), start=1):
        if state is not None and end / RATE > ONE_WINDOW_S:
            kept = at_stop(state, samples[:end])
            assert kept is not None
            left.append(end / RATE - kept.settled_s)
        if piece % 3 == 0:
            state = advance(engine, samples[:end], state)
    return left


@pytest.mark.usefixtures("long_stretches")
def test_a_stretch_long_unsettled_is_read_ahead_so_the_end_reads_little(
    samples: NDArray[np.float32], monkeypatch: pytest.MonkeyPatch
) -> None:
    # What is left at stop stays within STOP_TAIL_S.
    with_ahead = _left_at_stop(samples, Clerk())
    assert with_ahead
    assert max(with_ahead) <= STOP_TAIL_S + 0.01, with_ahead
    monkeypatch.setattr(streaming, "AHEAD_AFTER_S", float("inf"))
    without = _left_at_stop(samples, Clerk())
    assert max(without) > STOP_TAIL_S + 5  # the fault: the whole 30 s stretch was left


def test_an_answer_of_one_window_is_read_whole_at_stop(samples: NDArray[np.float32]) -> None:
    """A stretch settled or read ahead in an answer that fits one of Whisper's 30 s windows
    only cut it in two (the 47 completeness clips, 25-35 s, read worse streamed than whole):
    at stop nothing of it is kept but the count of passes made."""
    clerk = Clerk()
    short = samples[: int(ONE_WINDOW_S * RATE)]
    state = _recorded(short, clerk)[-1]
    assert state.settled_s > 0 or state.ahead is not None  # the premise: it was cut
    assert at_stop(state, short) == StreamState(passes=state.passes)
    longer = samples[: int((ONE_WINDOW_S + 4) * RATE)]
    kept = at_stop(_recorded(longer, clerk)[-1], longer)
    assert kept is not None
    assert kept.settled_s > 0 or kept.ahead is not None


@pytest.mark.usefixtures("long_stretches")
def test_reading_ahead_never_changes_what_is_settled_and_reads_each_part_once(
    samples: NDArray[np.float32], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[tuple[float, float]] = []  # (from, to) of each stretch read, in seconds
    read = streaming._read

    def spying(engine: SpeechEngine, samples: NDArray[np.float32], state: StreamState,
               spans: Sequence[Span], end: float, offset: int = 0) -> tuple[Word, ...]:  # fmt: skip
        reads.append((state.settled_s, end))
        return read(engine, samples, state, spans, end, offset)

    monkeypatch.setattr(streaming, "_read", spying)
    clerk = Clerk()
    states = _recorded(samples, clerk)
    assert any(s.ahead is not None for s in states)
    for state in states:
        if state.ahead is not None:
            assert state.ahead.ahead is None
            assert state.settled_s < state.ahead.settled_s
            assert state.ahead.words[: len(state.words)] == state.words  # it extends the state
    # Each part read ahead was heard once: a read starts where the state's last read ended
    # (the settled time, or the part read ahead before), never again from the settled time.
    for previous, state in itertools.pairwise(states):
        if state.ahead is not None and state.ahead != previous.ahead:
            start = previous.ahead.settled_s if previous.ahead else previous.settled_s
            assert (start, state.ahead.settled_s) in reads
    assert len(reads) == len(set(reads))
    passes = states[-1].passes
    assert passes == len(clerk.calls) == len(reads) > 1
    monkeypatch.setattr(streaming, "_read", read)
    monkeypatch.setattr(streaming, "AHEAD_AFTER_S", float("inf"))
    plain = _recorded(samples, Clerk())
    # Settled stretches are read whole, as without reading ahead: the same cuts and word times
    # (the fake engine names its words by its call, so only their times can be compared).
    assert [s.settled_s for s in states] == [s.settled_s for s in plain]
    timed = [[(w.start, w.end) for w in s.words] for s in states]
    assert timed == [[(w.start, w.end) for w in s.words] for s in plain]
    assert passes > plain[-1].passes


def test_at_stop_keeps_the_part_read_ahead_only_when_much_is_left(
    samples: NDArray[np.float32],
) -> None:
    # Settled to 10 s, read ahead to 20 s; every answer here is longer than one window.
    base = StreamState(settled_s=10.0, levels=streaming.levels_of(samples, 10), passes=1)
    ahead = StreamState(settled_s=20.0, levels=streaming.levels_of(samples, 20), passes=2)
    state = dataclasses.replace(base, ahead=ahead)
    long = samples[: int((10 + STOP_TAIL_S + 3) * RATE)]
    assert long.size / RATE > ONE_WINDOW_S
    assert at_stop(state, long) == ahead
    short = samples[: int((10 + STOP_TAIL_S - 1) * RATE)]
    assert short.size / RATE > ONE_WINDOW_S
    assert at_stop(state, short) == base  # the rest read whole at the end
    other = replace_levels(ahead, 0.5)
    assert at_stop(StreamState(ahead=other), long) == StreamState()  # it must match the audio
    # A language taken from a part read ahead of other audio is not kept (the settled speech
    # holds less than the 30 s it is asked on).
    guess = LanguageGuess("fr", 0.9, 0.1)
    kept = at_stop(StreamState(language=guess, ahead=replace_levels(ahead, 0.5)), long)
    assert kept == StreamState()
    # A state with no part read ahead keeps the language it asked itself (none asked again).
    assert at_stop(StreamState(language=guess), long) == StreamState(language=guess)
    assert advance(Clerk(), long, StreamState(language=guess, ahead=other)).language is None
    assert at_stop(replace_levels(StreamState(settled_s=3.0, levels=(9.0,) * 3), 9.0), long) is None


def replace_levels(state: StreamState, level: float) -> StreamState:
    return dataclasses.replace(state, levels=(level,) * len(state.levels))


def test_the_state_survives_json_and_other_audio_is_not_taken_for_it(
    samples: NDArray[np.float32],
) -> None:
    state = _recorded(samples, Clerk())[-1]
    again = from_json(to_json(state))
    assert again == state
    ahead = StreamState(state.words, 9.0, levels=state.levels[:9], passes=2)
    assert from_json(to_json(dataclasses.replace(state, ahead=ahead))).ahead == ahead
    stored_before = {k: v for k, v in to_json(state).items() if k != "ahead"}
    # A state kept before reading ahead existed has none.
    assert from_json(stored_before) == dataclasses.replace(state, ahead=None)
    with pytest.raises((KeyError, TypeError, ValueError)):
        from_json({**to_json(state), "ahead": "nonsense"})
    assert matches(again, samples)
    louder = (samples * 1.5).astype(np.float32)  # a quiet recording amplified by another gain
    assert not matches(state, louder)
    assert not matches(state, samples[: int((state.settled_s - 1) * RATE)])
    # A state that does not match is started afresh, not continued.
    fresh = advance(Clerk(), louder[: 4 * RATE], state)
    assert fresh.settled_s < 4
    with pytest.raises((KeyError, TypeError, ValueError)):
        from_json({"words": "nonsense"})


@pytest.mark.usefixtures("short_stretches")
def test_a_step_given_only_the_seconds_it_needs_makes_the_same_state(
    samples: NDArray[np.float32],
) -> None:
    """A late step is given the recording from `resume_from` on (what the worker decodes with
    `audio.decode_from`), and comes to the very state the whole recording would give."""
    expected = _recorded(samples, Clerk())
    clerk, state, states, offsets = Clerk(), None, [], []
    for end in range(2 * RATE, samples.size + 2 * RATE, 2 * RATE):
        start = resume_from(state)
        offsets.append(start)
        state = advance(clerk, samples[start * RATE : end], state, start)
        states.append(state)
    assert states == expected
    assert max(offsets) > 20  # the late steps were given only the last seconds
    final = states[-1]
    assert final.language is not None
    assert resume_from(final) == int(final.settled_s - 1)
    assert resume_from(StreamState()) == 0  # until the language is asked, from the start
    # Seconds that are not those the state was made from are refused from an offset.
    start = resume_from(final)
    louder = (samples[start * RATE :] * 1.5).astype(np.float32)
    assert matches(final, samples[start * RATE :], start)
    assert not matches(final, louder, start)
    with pytest.raises(ValueError, match="matches"):
        advance(Clerk(), louder, final, start)
    with pytest.raises(ValueError, match="matches"):  # further back than it may be given
        advance(Clerk(), samples[(start + 1) * RATE :], final, start + 1)


# The real engine on real speech.


def test_the_streamed_transcript_is_as_complete_and_accurate_as_the_whole_files(
    samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    reference = words_of(" ".join(text for text, _ in SCRIPT))
    whole = transcribe(engine, samples, speech_spans(samples))
    state = _recorded(samples, engine)[-1]
    assert state.passes >= 2
    assert state.settled_s >= samples.size / RATE - 2 * MIN_STRETCH_S  # most of it, recorded
    streamed = finish(engine, samples, state, all_spans(samples, state))
    assert streamed.streamed
    assert not whole.streamed
    whole_wer = wer(reference, words_of(whole.text))
    streamed_wer = wer(reference, words_of(streamed.text))
    assert whole.coverage is not None
    assert streamed.coverage is not None
    assert streamed.coverage.ratio >= min(0.95, whole.coverage.ratio)
    assert streamed_wer <= max(0.10, whole_wer + 0.02), (streamed_wer, whole_wer, streamed.text)
    assert streamed.language == whole.language == "en"
    # Both judge the first 30 s of the speech heard; the whole file's reading has its features
    # scaled by the loudest of its whole window, the stream's by the first 30 s only (Whisper's
    # log-mel floor), so they differ a little: measured 0.009 here.
    assert streamed.language_probability == pytest.approx(whole.language_probability, abs=0.05)


@pytest.mark.usefixtures("long_stretches")
def test_a_transcript_finished_from_a_part_read_ahead_is_complete_and_accurate(
    samples: NDArray[np.float32], engine: WhisperEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end reads on from what was read ahead: no word lost or said twice where the parts
    join, on the real engine (stretches of 30 s, read ahead once 10 s are left unread and kept
    at stop past 12 s, so the 50 s answer ends with parts read ahead in it)."""
    monkeypatch.setattr(streaming, "AHEAD_AFTER_S", 10.0)
    monkeypatch.setattr(streaming, "STOP_TAIL_S", 12.0)
    reference = words_of(" ".join(text for text, _ in SCRIPT))
    whole = transcribe(engine, samples, speech_spans(samples))
    final = _recorded(samples[: -2 * RATE], engine)[-1]  # the last piece came with "stop"
    assert final.ahead is not None
    state = at_stop(final, samples)
    assert state == final.ahead  # the end reads on from the part read ahead
    assert samples.size / RATE - state.settled_s < 10.0 + 4  # and reads little
    streamed = finish(engine, samples, state, all_spans(samples, state))
    assert streamed.coverage is not None
    assert whole.coverage is not None
    assert streamed.coverage.ratio >= min(0.95, whole.coverage.ratio)
    whole_wer = wer(reference, words_of(whole.text))
    streamed_wer = wer(reference, words_of(streamed.text))
    assert streamed_wer <= max(0.10, whole_wer + 0.02), (streamed_wer, whole_wer, streamed.text)


def _stepped(samples: NDArray[np.float32], engine: SpeechEngine) -> StreamState:
    """The state a worker keeps once `samples` arrived in 2 s pieces, a step every third."""
    state = None
    for piece, end in enumerate(range(2 * RATE, samples.size + 1, 2 * RATE), start=1):
        if piece % 3 == 0:
            state = advance(engine, samples[:end], state)
    assert state is not None
    return state


@pytest.mark.usefixtures("sentence_model")
def test_the_report_at_stop_is_the_same_whether_the_settled_text_was_read_ahead(
    answer: Path, samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """A step reads the settled text as the report will (`pipeline.read_settled`), so that at
    stop the report's reading finds its sentences read: the report is the same to the last
    figure as one read with nothing kept, and the reading ahead did read those sentences."""
    question = "Tell me about a time you fixed a process that was failing."
    state = _stepped(samples[: -2 * RATE], engine)  # the last piece came with "stop"
    assert (state.ahead or state).words
    reader_inputs.MIDDLE.states.clear()
    cold = analyse_recording(answer, engine, streamed=state, question=question)
    reader_inputs.MIDDLE.states.clear()
    read_settled(state, question)
    settled = "".join(w.w for w in (state.ahead or state).words).strip()
    sentences = reader.sentences_of(settled)
    assert sentences
    assert all(sentence in reader_inputs.MIDDLE.states for sentence in sentences)
    warm = analyse_recording(answer, engine, streamed=state, question=question)
    assert warm.transcription == cold.transcription == "streamed"
    assert warm.as_dict() == cold.as_dict()


@pytest.mark.usefixtures("sentence_model")
def test_with_a_job_the_settled_text_is_read_for_its_terms_too(
    answer: Path, samples: NDArray[np.float32], engine: WhisperEngine
) -> None:
    """The job's terms are matched against the settled text while recording, so the clauses
    and phrases they are compared with are kept embedded for the report at stop; the report is
    the same to the last figure as one read with nothing kept."""
    question = "Tell me about a time you fixed a process that was failing."
    terms = ["process improvement", "stakeholder management", "root cause analysis", "Excel"]
    state = _stepped(samples[: -2 * RATE], engine)
    reader_inputs.MIDDLE.states.clear()
    cold = analyse_recording(answer, engine, streamed=state, question=question, job_terms=terms)
    reader_inputs.MIDDLE.states.clear()
    read_settled(state, question, job_terms=terms)
    settled = "".join(w.w for w in (state.ahead or state).words).strip()
    units = [u for u in Matcher(settled, shared_embedder()).units() if not u.denied]
    assert any(u.text not in reader.sentences_of(settled) for u in units)  # clauses, phrases
    assert all(u.text in reader_inputs.MIDDLE.states for u in units if not u.dangling)
    warm = analyse_recording(answer, engine, streamed=state, question=question, job_terms=terms)
    assert warm.as_dict() == cold.as_dict()
