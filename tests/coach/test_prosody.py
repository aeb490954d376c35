"""Pitch spread and loudness of the speech in an answer (`delivery.measure` with its samples):
a steady voice is monotone, a voice that moves is not, loudness is the speech's level, and the
autocorrelation behind the pitch is the direct one, computed for every frame at once."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from prepcoach.coach.delivery import autocorrelation, measure
from prepcoach.coach.speech.engine import Word
from prepcoach.coach.speech.vad import Span

RATE = 16_000


def voice(pitches_hz: list[float], seconds_each: float = 0.5, amplitude: float = 0.1) -> np.ndarray:
    """A buzz with harmonics at each pitch in turn, as a voiced vowel is."""
    parts = []
    for hz in pitches_hz:
        t = np.arange(int(seconds_each * RATE)) / RATE
        parts.append(sum(amplitude / k * np.sin(2 * np.pi * hz * k * t) for k in (1, 2, 3)))
    return np.concatenate(parts).astype(np.float32)


def delivery_of(samples: np.ndarray, spans: list[Span] | None = None):  # type: ignore[no-untyped-def]
    length = samples.size / RATE
    words = tuple(Word(" la", i * 0.5, i * 0.5 + 0.4) for i in range(int(length / 0.5)))
    return measure(
        words=words, text="", duration_s=length, spans=spans or [Span(0.0, length)], samples=samples
    )


def test_a_steady_voice_has_no_pitch_spread_and_a_moving_one_has_some() -> None:
    steady = delivery_of(voice([150.0] * 8))
    moving = delivery_of(voice([120.0, 180.0, 240.0, 160.0, 130.0, 200.0, 150.0, 220.0]))
    assert steady.pitch_semitones is not None
    assert moving.pitch_semitones is not None
    assert steady.pitch_semitones < 0.5
    assert steady.monotone
    assert moving.pitch_semitones > 3.0  # an octave's range: several semitones of spread
    assert not moving.monotone


def test_loudness_is_the_level_of_the_speech_in_dbfs() -> None:
    quiet, loud = delivery_of(voice([150.0] * 8, amplitude=0.01)), delivery_of(voice([150.0] * 8))
    assert quiet.loudness_db is not None
    assert loud.loudness_db is not None
    assert loud.loudness_db - quiet.loudness_db == pytest.approx(20.0, abs=0.5)  # 10x: 20 dB


def test_silence_and_spans_without_sound_give_no_pitch_and_no_level() -> None:
    silent = delivery_of(np.zeros(4 * RATE, np.float32))
    assert silent.pitch_semitones is None
    assert silent.loudness_db is None
    short = delivery_of(voice([150.0] * 8), spans=[Span(0.0, 0.02)])  # under one 40 ms frame
    assert short.pitch_semitones is None


@given(
    arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(2, 64)), elements=st.floats(-1, 1))
)
def test_the_autocorrelation_is_the_direct_one(frames: np.ndarray) -> None:
    direct = np.array([np.correlate(row, row, mode="full")[row.size - 1 :] for row in frames])
    assert np.allclose(autocorrelation(frames), direct, atol=1e-9)


def test_a_ten_minute_answer_is_read_in_blocks_not_all_frames_at_once() -> None:
    # Every 40 ms frame of a 10-minute answer at once took 0.6 GB beside the speech model.
    samples = np.tile(voice([150.0, 180.0]), 600)  # 600 s
    tracemalloc.start()
    try:
        reading = delivery_of(samples)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reading.pitch_semitones is not None
    assert peak < 100 * 2**20, f"{peak / 2**20:.0f} MB"
