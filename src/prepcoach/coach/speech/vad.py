"""Where speech is, with Silero VAD (bundled with faster-whisper as an ONNX model). Pauses are
the gaps between speech: Whisper's own word gaps understate them."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import RATE, window_cuts


@dataclass(frozen=True, slots=True)
class Span:
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def speech_spans(samples: NDArray[np.float32], min_silence_ms: int = 300) -> list[Span]:
    """The stretches of speech. faster-whisper runs Silero over 10,000 windows of 32 ms at once
    (a 10-minute answer took 230 MB more while it ran): a recording longer than
    `audio.WINDOW_S` is read in windows cut at pauses (`audio.window_cuts`, as the speech
    engine does), and a stretch a cut fell inside is joined again."""
    spans: list[Span] = []
    for begin, end in itertools.pairwise(window_cuts(samples)):
        shift = begin / RATE
        found = [
            Span(round(start + shift, 2), round(stop + shift, 2))
            for start, stop in _stamps(samples[begin:end], min_silence_ms)
        ]
        if spans and found and found[0].start - spans[-1].end < min_silence_ms / 1000:
            spans[-1] = Span(spans[-1].start, found.pop(0).end)  # one stretch, cut in two
        spans += found
    return spans


def _stamps(samples: NDArray[np.float32], min_silence_ms: int) -> list[tuple[float, float]]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    # No padding: Silero's default pads each stretch of speech, which shortened every pause
    # by about 0.12 s, so a 1 s silence read as 0.88 s and was not counted.
    options = VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=0)
    stamps = get_speech_timestamps(samples, options, sampling_rate=RATE)
    return [(s["start"] / RATE, s["end"] / RATE) for s in stamps]


def gaps(spans: list[Span]) -> list[Span]:
    """The silences between stretches of speech (not before the first or after the last)."""
    return [Span(a.end, b.start) for a, b in itertools.pairwise(spans) if b.start > a.end]


# What the speech engine hears of an answer whose speech is already found: stretches closer
# than ENGINE_JOIN_S are one, and each is heard with up to ENGINE_PAD_S of the silence either
# side (half the silence when two are closer than twice that), so Whisper hears each word's
# onset and fade. These are the settings its own voice filter ran with before it was given our
# spans (faster-whisper's Silero padding rule), so it hears what it heard then; its filter no
# longer runs, and voice activity is found once per answer (issue 15).
ENGINE_JOIN_S = 0.5
ENGINE_PAD_S = 0.2


def heard_stretches(spans: Sequence[Span], length_s: float) -> list[Span]:
    """The stretches of audio (seconds, within 0 and `length_s`) the speech engine is given for
    `spans`: joined across short silences and padded, in order, never overlapping."""
    joined: list[Span] = []
    # An empty span holds no speech: padded, it would give Whisper silence, which it fills.
    for span in sorted((s for s in spans if s.end > s.start), key=lambda s: s.start):
        if joined and span.start - joined[-1].end < ENGINE_JOIN_S:
            joined[-1] = Span(joined[-1].start, max(joined[-1].end, span.end))
        else:
            joined.append(span)
    heard: list[Span] = []
    for index, span in enumerate(joined):
        before = span.start - joined[index - 1].end if index else float("inf")
        after = joined[index + 1].start - span.end if index + 1 < len(joined) else float("inf")
        start = max(0.0, span.start - min(ENGINE_PAD_S, before / 2))
        end = min(length_s, span.end + min(ENGINE_PAD_S, after / 2))
        if end > start:
            heard.append(Span(start, end))
    return heard


def heard_chunks(spans: Sequence[Span], samples: int) -> list[tuple[int, int]]:
    """`heard_stretches` as sample indexes into audio of `samples` samples, none empty."""
    chunks = []
    for stretch in heard_stretches(spans, samples / RATE):
        start, end = int(stretch.start * RATE), min(samples, int(stretch.end * RATE))
        if end > start:
            chunks.append((start, end))
    return chunks


def heard_audio(samples: NDArray[np.float32], spans: Sequence[Span]) -> NDArray[np.float32]:
    """What the speech engine hears of `samples` for `spans`: the heard stretches, joined."""
    chunks = heard_chunks(spans, samples.size)
    if not chunks:
        return np.zeros(0, np.float32)
    return np.concatenate([samples[start:end] for start, end in chunks])


def within(spans: Sequence[Span], start: float, end: float) -> list[Span]:
    """The parts of `spans` between `start` and `end` (seconds), in seconds from `start`."""
    return [
        Span(max(s.start, start) - start, min(s.end, end) - start)
        for s in spans
        if s.end > start and s.start < end
    ]
