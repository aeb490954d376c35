"""Where speech is, with Silero VAD (bundled with faster-whisper as an ONNX model). Pauses are
the gaps between speech: Whisper's own word gaps understate them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import RATE


@dataclass(frozen=True, slots=True)
class Span:
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def speech_spans(samples: NDArray[np.float32], min_silence_ms: int = 300) -> list[Span]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    # No padding: Silero's default pads each stretch of speech, which shortened every pause
    # by about 0.12 s, so a 1 s silence read as 0.88 s and was not counted.
    options = VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=0)
    stamps = get_speech_timestamps(samples, options, sampling_rate=RATE)
    return [Span(round(s["start"] / RATE, 2), round(s["end"] / RATE, 2)) for s in stamps]


def gaps(spans: list[Span]) -> list[Span]:
    """The silences between stretches of speech (not before the first or after the last)."""
    return [Span(a.end, b.start) for a, b in itertools.pairwise(spans) if b.start > a.end]
