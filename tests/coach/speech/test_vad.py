"""Pauses are the silences a listener hears: measured to within a few hundredths of a second."""

from pathlib import Path

import numpy as np
import pytest

from prepcoach.coach.speech.audio import RATE
from prepcoach.coach.speech.vad import gaps, speech_spans
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
