"""Speech to text with word timings, behind one small interface. The default engine is
faster-whisper with the packaged Whisper base model; another model is a setting away."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

ENGINE_VERSION = "faster-whisper/base/1"
# Whisper tends to write clean prose and drop "um" and "uh". A disfluent prompt tells it that
# this transcript keeps them, which is what a delivery report needs.
DISFLUENT_PROMPT = (
    "Um, so, uh, I was, like, working on the, um, the project. Uh, I mean, you know, it was hard."
)


@dataclass(frozen=True, slots=True)
class Word:
    w: str
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Transcript:
    words: tuple[Word, ...]
    language: str  # the language the speech most sounds like
    language_probability: float
    english_probability: float = 1.0  # how much it sounds like English (the model reads English)

    @property
    def text(self) -> str:
        return "".join(word.w for word in self.words).strip()


class SpeechEngine(Protocol):
    name: str

    def transcribe(self, samples: NDArray[np.float32]) -> Transcript: ...


class WhisperEngine:
    """faster-whisper on the CPU. Load it once per process: it takes seconds and memory."""

    name = ENGINE_VERSION

    def __init__(
        self, model_dir: Path, threads: int = 0, prompt: str | None = DISFLUENT_PROMPT
    ) -> None:
        # Never reach for a model hub: the model is a local folder, and this makes sure of it.
        os.environ["HF_HUB_OFFLINE"] = "1"
        from faster_whisper import WhisperModel

        self.model = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads
        )
        self.prompt = prompt  # None: Whisper's own habits, for measuring what the prompt adds
        self._lock = threading.Lock()  # one transcription at a time per loaded model

    def transcribe(self, samples: NDArray[np.float32]) -> Transcript:
        with self._lock:
            language, probability, ranked = self.model.detect_language(samples)
            english = dict(ranked).get("en", 0.0)
            segments, _ = self.model.transcribe(
                samples,
                language="en",
                word_timestamps=True,
                initial_prompt=self.prompt,
                condition_on_previous_text=False,
                vad_filter=True,  # long silences otherwise make Whisper skip what follows them
                vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
                beam_size=1,
            )
            words = tuple(
                Word(w.word, round(float(w.start), 2), round(float(w.end), 2))
                for segment in segments
                for w in (segment.words or [])
            )
        return Transcript(words, language, float(probability), float(english))


_engines: dict[Path, WhisperEngine] = {}
_engines_lock = threading.Lock()


def whisper_engine(model_dir: Path) -> WhisperEngine:
    """The engine for a model folder, loaded the first time and kept for the process."""
    with _engines_lock:
        if model_dir not in _engines:
            _engines[model_dir] = WhisperEngine(model_dir)
        return _engines[model_dir]
