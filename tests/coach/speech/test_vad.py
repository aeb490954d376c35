"""Pauses are the silences a listener hears: measured to within a few hundredths of a second;
and what the speech engine is given to hear of the speech found."""

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.speech.audio import RATE
from prepcoach.coach.speech.vad import (
    ENGINE_PAD_S,
    Span,
    gaps,
    heard_audio,
    heard_stretches,
    speech_spans,
    within,
)
from tests.coach.speech.conftest import read_wav, speak


def trimmed_speech(text: str, path: Path) -> np.ndarray:
    """espeak's words with its own leading and trailing silence cut off, at 16 kHz."""
    samples, rate = read_wav(speak(text, path))
    loud = np.flatnonzero(np.abs(samples) > 200)
    voice = samples[loud[0] : loud[-1] + 1].astype(np.float32) / 32768
    # espeak writes 22.05 kHz; resample linearly to the 16 kHz the VAD reads.
    times = np.arange(0, len(voice) / rate, 1 / RATE)
    return np.interp(times, np.arange(len(voice)) / rate, voice).astype(np.float32)


@pytest.mark.parametrize("silence", [1.0, 3.0])
def test_a_silence_between_words_is_measured_at_its_length(tmp_path: Path, silence: float) -> None:
    first = trimmed_speech("I built a checklist for the whole team.", tmp_path / "a.wav")
    second = trimmed_speech("As a result, the reports went out two days early.", tmp_path / "b.wav")
    samples = np.concatenate([first, np.zeros(int(RATE * silence), np.float32), second])
    longest = max(gaps(speech_spans(samples)), key=lambda g: g.length)
    assert longest.length == pytest.approx(silence, abs=0.08)
    assert longest.start == pytest.approx(len(first) / RATE, abs=0.08)


# What the engine hears of the speech found (issue 15: voice activity runs once).


@st.composite
def spans_in(draw: st.DrawFn) -> tuple[list[Span], float]:
    length = draw(st.floats(1.0, 120.0))
    edges = sorted(draw(st.lists(st.floats(0.0, length), min_size=0, max_size=30)))
    spans = [Span(a, b) for a, b in zip(edges[::2], edges[1::2], strict=False)]
    return spans, length


@given(spans_in())
def test_heard_stretches_hold_every_span_padded_in_order_and_apart(
    case: tuple[list[Span], float],
) -> None:
    spans, length = case
    heard = heard_stretches(spans, length)
    assert all(0.0 <= h.start < h.end <= length for h in heard)
    assert all(a.end <= b.start for a, b in itertools.pairwise(heard))  # in order, no overlap
    # Every span with speech lies inside one stretch, with at most the padding added.
    for span in (s for s in spans if s.end > s.start):
        holding = [h for h in heard if h.start <= span.start and span.end <= h.end]
        assert len(holding) == 1, (span, heard)
    for h in heard:
        inside = [s for s in spans if h.start <= s.start and s.end <= h.end and s.end > s.start]
        assert inside, h  # nothing is heard that holds no speech
        assert h.start >= min(s.start for s in inside) - ENGINE_PAD_S - 1e-9
        assert h.end <= max(s.end for s in inside) + ENGINE_PAD_S + 1e-9
    # Stretches closer than ENGINE_JOIN_S are one; those further apart keep a silence.
    assert all(b.start - a.end > 0 for a, b in itertools.pairwise(heard))


def test_close_spans_are_joined_and_padding_never_crosses_half_a_silence() -> None:
    spans = [Span(1.0, 2.0), Span(2.3, 3.0), Span(3.6, 5.0), Span(9.0, 9.9)]
    heard = heard_stretches(spans, 10.0)
    # 2.0-2.3 is under half a second: one stretch; 3.0-3.6 is 0.6 s, padded 0.2 either side.
    assert heard == [Span(0.8, 3.2), Span(3.4, 5.2), Span(8.8, 10.0)]


def test_the_heard_audio_is_the_stretches_joined() -> None:
    samples = np.arange(10 * RATE, dtype=np.float32)
    audio = heard_audio(samples, [Span(1.0, 2.0), Span(5.0, 6.0)])
    assert audio.size == int(1.4 * RATE) * 2
    assert audio[0] == int(0.8 * RATE)
    assert heard_audio(samples, []).size == 0
    assert within([Span(1.0, 2.0), Span(5.0, 6.0)], 1.5, 5.5) == [Span(0.0, 0.5), Span(3.5, 4.0)]
