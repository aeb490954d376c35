"""Speech to text with word timings, behind one small interface. The default engine is
faster-whisper with the packaged Whisper base model; another model is a setting away."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from prepcoach.coach.speech.coverage import SpeechCoverage
    from prepcoach.coach.speech.vad import Span

ENGINE_VERSION = "faster-whisper/base/2"
# A prompt of disfluent speech ("Um, so, uh, I was, like…") was meant to make Whisper keep "um"
# and "uh". Measured on the completeness set (bench/bench_analysis.py), it made Whisper drop
# whole sentences after a pause, while the plain model kept the fillers as well: it is off by
# default and stays available for measuring.
DISFLUENT_PROMPT = (
    "Um, so, uh, I was, like, working on the, um, the project. Uh, I mean, you know, it was hard."
)


@dataclass(frozen=True, slots=True)
class Word:
    w: str
    start: float  # seconds from the start of the audio given to the engine
    end: float


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # the language the speech most sounds like
    probability: float
    english_probability: float  # how much it sounds like English (the model reads English)


@dataclass(frozen=True, slots=True)
class Transcript:
    words: tuple[Word, ...]
    language: str  # the language the speech most sounds like
    language_probability: float
    english_probability: float = 1.0  # how much it sounds like English (the model reads English)
    # How much of the detected speech the words cover (None when no speech spans were given),
    # and the stretches that were transcribed a second time because the first pass lost them.
    coverage: SpeechCoverage | None = None
    reread: tuple[Span, ...] = ()
    windowed: bool = False  # redone in windows cut at pauses after a looping first pass

    @property
    def text(self) -> str:
        return "".join(word.w for word in self.words).strip()


class SpeechEngine(Protocol):
    """What prepcoach needs of a speech-to-text engine. Samples are 16 kHz mono float32."""

    name: str

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess: ...

    def words(self, samples: NDArray[np.float32]) -> tuple[Word, ...]:
        """The words said, with times in seconds from samples[0]."""
        ...


class WhisperEngine:
    """faster-whisper on the CPU. Load it once per process: it takes seconds and memory."""

    name = ENGINE_VERSION

    def __init__(
        self,
        model_dir: Path,
        threads: int = 0,
        prompt: str | None = None,
        # Beam 5 (Whisper's own default) against greedy decoding, measured on the completeness
        # set: mean WER 0.078 against 0.099, worst clip 0.169 against 0.239, for about 40 %
        # more decoding time (bench/bench_analysis.py, "decoding settings", 2026-11-30).
        beam_size: int = 5,
    ) -> None:
        # Never reach for a model hub: the model is a local folder, and this makes sure of it.
        os.environ["HF_HUB_OFFLINE"] = "1"
        from faster_whisper import WhisperModel

        self.model = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads
        )
        self.threads = threads  # 0: every core
        self.prompt = prompt
        self.beam_size = beam_size
        self._lock = threading.Lock()  # one transcription at a time per loaded model

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess:
        with self._lock:
            language, probability, ranked = self.model.detect_language(samples)
        return LanguageGuess(language, float(probability), float(dict(ranked).get("en", 0.0)))

    def words(self, samples: NDArray[np.float32]) -> tuple[Word, ...]:
        with self._lock:
            segments, _ = self.model.transcribe(
                samples,
                language="en",
                word_timestamps=True,
                initial_prompt=self.prompt,
                condition_on_previous_text=False,
                vad_filter=True,  # long silences otherwise make Whisper skip what follows them
                vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
                beam_size=self.beam_size,
            )
            return tuple(
                Word(w.word, round(float(w.start), 2), round(float(w.end), 2))
                for segment in segments
                for w in (segment.words or [])
            )


_engines: dict[Path, WhisperEngine] = {}
_engines_lock = threading.Lock()


def whisper_engine(model_dir: Path) -> WhisperEngine:
    """The engine for a model folder, loaded the first time and kept for the process."""
    with _engines_lock:
        if model_dir not in _engines:
            _engines[model_dir] = WhisperEngine(model_dir)
        return _engines[model_dir]
