"""What the recording itself lets prepcoach measure: clipped sound garbles the transcript, a
very quiet one hides the voice's level and pitch, and channels that cancelled were replaced by
one. The report warns about each and holds back the tips such audio makes unreliable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from prepcoach.coach.speech.audio import RATE, Audio
from prepcoach.coach.speech.vad import Span

# Share of samples at full scale above which the sound is audibly distorted. A clean recording
# clips a few peaks at most (well under 0.1 %); hard clipping from a gain set too high clips
# several percent, and Whisper then mishears words.
CLIPPED_SHARE_WARN = 0.005

# Tips resting on what the words say: a part, a number, a term "not found" could be in speech
# that was lost or misheard.
CONTENT_TIPS = frozenset(
    {
        "situation",
        "task",
        "result",
        "action",
        "quantified",
        "hedges",
        "keywords",
        "short",
        "weakness_steps",
        "weakness_disguise",
        "short_point",
    }
)
# Tips resting on rates over the words (a minute of speech): lost speech skews them.
RATE_TIPS = frozenset({"fillers", "pace"})
WORD_TIPS = CONTENT_TIPS | RATE_TIPS


@dataclass(frozen=True, slots=True)
class AudioQuality:
    channels: str  # "mono", "mixed", "louder channel"
    clipped_share: float  # 0–1 of all samples
    level_db: float | None  # loudness of the speech as recorded, dBFS (before any gain)
    gain_db: float  # amplification applied before reading (0 for normal recordings)

    @property
    def clipped(self) -> bool:
        return self.clipped_share >= CLIPPED_SHARE_WARN

    @property
    def warnings(self) -> tuple[str, ...]:
        notes = []
        if self.clipped:
            notes.append(
                f"The sound is distorted: {self.clipped_share:.1%} of it hit the microphone's "
                "limit (clipping), so some words may be misheard. Lower the input level or sit "
                "a little further from the microphone."
            )
        if self.gain_db > 0:
            level = f" (speech at {self.level_db:.0f} dBFS)" if self.level_db is not None else ""
            notes.append(
                f"The recording is very quiet{level}: it was amplified to be read, and its "
                "loudness and pitch are not judged. Speak closer to the microphone or raise "
                "its level."
            )
        if self.channels == "louder channel":
            notes.append(
                "The two sound channels cancelled each other when mixed (one is inverted, a "
                "wiring or driver fault), so only the louder channel was used."
            )
        return tuple(notes)

    @property
    def withheld(self) -> frozenset[str]:
        """Names of the tip rules this audio makes unreliable (see coach.tips.RULES)."""
        held: set[str] = set()
        if self.clipped:
            held |= WORD_TIPS | {"monotone"}
        if self.gain_db > 0:
            held.add("monotone")
        return frozenset(held)


def audio_quality(audio: Audio, spans: Sequence[Span]) -> AudioQuality:
    """Clipping, level and channel handling of a decoded recording, given its speech spans."""
    speech = [audio.samples[int(s.start * RATE) : int(s.end * RATE)] for s in spans]
    joined = np.concatenate(speech) if speech else np.zeros(0, dtype=np.float32)
    level = None
    if joined.size:
        rms = float(np.sqrt(np.mean(joined.astype(np.float64) ** 2)))
        level = round(20 * float(np.log10(max(rms, 1e-9))) - audio.gain_db, 1)
    return AudioQuality(audio.channels, audio.clipped_share, level, audio.gain_db)
