"""Speech to text with word timings, behind one small interface. The default engine is
faster-whisper with the packaged Whisper base model; another model is a setting away."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.cores import whisper_threads
from prepcoach.coach.speech.audio import RATE, window_cuts
from prepcoach.coach.speech.vad import Span, heard_audio, heard_chunks, within
from prepcoach.coach.speech.window import fitted_window

if TYPE_CHECKING:
    from prepcoach.coach.speech.coverage import SpeechCoverage

# 3: the engine hears the speech spans found (no voice filter of its own) and judges the
# language on that same reading (issue 15). 4: the encoder reads the frames that hold audio,
# not a 30 s window padded with zeros (`window.py`).
ENGINE_VERSION = "faster-whisper/base/4"
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
    # Its first pass made while the answer was recorded (coach.speech.streaming), not at the end.
    streamed: bool = False

    @property
    def text(self) -> str:
        return "".join(word.w for word in self.words).strip()


class SpeechEngine(Protocol):
    """What prepcoach needs of a speech-to-text engine. Samples are 16 kHz mono float32."""

    name: str

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess: ...

    def words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None = None
    ) -> tuple[Word, ...]:
        """The words said, with times in seconds from samples[0]. `speech`: where the speech is
        (seconds from samples[0]) when voice activity has been found already; the engine then
        hears just those stretches (`vad.heard_stretches`) and runs no voice filter of its own."""
        ...

    def first_pass(
        self, samples: NDArray[np.float32], speech: Sequence[Span]
    ) -> tuple[tuple[Word, ...], LanguageGuess]:
        """`words(samples, speech)` and the language spoken, from the same pass."""
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
        # Whisper's fallback redecodes a window whose text compresses too well (over 2.4) by
        # sampling at rising temperatures, which is random: an answer that repeats itself
        # (ANSWER said twice, the shared-server test) was sampled at 0.8 and read "I will to
        # checklist", and another run, on CI, lost "earlier" and read "my task was nothing".
        # Greedy beam search alone is the same every time; loops are found and read again in
        # windows by `coverage.looks_looped` instead. Measured on the completeness set
        # (bench/bench_analysis.py, "decoding settings").
        fallback: bool = False,
        # The encoder reads the frames that hold audio (`window.fitted_window`); False gives
        # Whisper's full 30 s window, the baseline the benches measure it against.
        fitted: bool = True,
    ) -> None:
        # Never reach for a model hub: the model is a local folder, and this makes sure of it.
        os.environ["HF_HUB_OFFLINE"] = "1"
        self.model = _model_class(fitted)(
            str(model_dir),
            device="cpu",
            compute_type="int8",
            cpu_threads=whisper_threads(threads),  # 0: CTranslate2's default, within the cores
        )
        self.threads = threads  # as asked: 0 for the default
        self.prompt = prompt
        self.beam_size = beam_size
        self.temperatures: tuple[float, ...] = (
            (0.0, 0.2, 0.4, 0.6, 0.8, 1.0) if fallback else (0.0,)
        )
        self._lock = threading.Lock()  # one transcription at a time per loaded model

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess:
        with self._lock:
            # On Whisper's whole window, as `first_pass` judges it (`_keep_first_encoding`).
            self.model.encode = getattr(self.model, "encode_whole", self.model.encode)
            try:
                _, _, ranked = self.model.detect_language(samples)
            finally:
                self.model.__dict__.pop("encode", None)
        return _guess([(language, float(p)) for language, p in ranked])

    def words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None = None
    ) -> tuple[Word, ...]:
        """The words in `samples` (see `SpeechEngine.words`). faster-whisper computes the
        features of its whole input at once, and its voice filter's windows: a 10-minute answer
        took a worker to 0.93 GB read in one piece. A long answer is read in windows cut at
        pauses (`audio.window_cuts`), so the memory it takes stays that of one window; up to 2
        minutes it is one window."""
        return self._read(samples, speech, None)

    def first_pass(
        self, samples: NDArray[np.float32], speech: Sequence[Span]
    ) -> tuple[tuple[Word, ...], LanguageGuess]:
        """The words and the language from one reading. Whisper judges the language on its
        encoder's reading of 30 s of audio, and the transcription makes that reading of the
        first 30 s of speech anyway: it is kept and asked, so the language costs one step of
        the decoder instead of a pass of the encoder (about 1 s of a 2-minute answer's 5 s;
        bench/bench_analysis.py, "speed"). The language is judged on speech, not on the
        silence before it."""
        first: list[Any] = []
        words = self._read(samples, speech, first)
        if not first:  # no speech was given to the model
            return words, self.detect_language(samples)
        with self._lock:
            ranked = self.model.model.detect_language(first[0])[0]
        return words, _guess([(str(token)[2:-2], float(p)) for token, p in ranked])

    def _read(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None, first: list[Any] | None
    ) -> tuple[Word, ...]:
        cuts = window_cuts(samples)
        found: list[Word] = []
        for start, end in itertools.pairwise(cuts):
            shift = start / RATE
            part = None if speech is None else within(speech, shift, end / RATE)
            found += [
                Word(w.w, round(w.start + shift, 2), round(w.end + shift, 2))
                for w in self._words(samples[start:end], part, first)
            ]
        return tuple(found)

    def _words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None, first: list[Any] | None
    ) -> tuple[Word, ...]:
        from faster_whisper.transcribe import restore_speech_timestamps

        chunks: list[dict[str, int]] = []
        if speech is not None:
            chunks = [{"start": a, "end": b} for a, b in heard_chunks(speech, samples.size)]
            if not chunks:
                return ()
            samples = heard_audio(samples, speech)
        with self._lock:
            if first is not None and not first:
                self._keep_first_encoding(first)
            try:
                segments, _ = self.model.transcribe(
                    samples,
                    language="en",
                    word_timestamps=True,
                    initial_prompt=self.prompt,
                    condition_on_previous_text=False,
                    # Without our spans, Whisper's own filter: long silences otherwise make it
                    # skip what follows them.
                    vad_filter=speech is None,
                    vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
                    beam_size=self.beam_size,
                    temperature=list(self.temperatures),
                )
                if chunks:  # times in the joined stretches back to times in the answer
                    segments = restore_speech_timestamps(segments, chunks, RATE)
                return tuple(
                    Word(w.word, round(float(w.start), 2), round(float(w.end), 2))
                    for segment in segments
                    for w in (segment.words or [])
                )
            finally:
                self.model.__dict__.pop("encode", None)

    def _keep_first_encoding(self, first: list[Any]) -> None:
        """Until the transcription ends, the model's first encoder output is put in `first`
        (an instance attribute over faster-whisper's `encode` method, removed after). That
        first window is read whole: the language is judged on it, and a fitted window lowered
        how English a short clip of English sounded (a held-out clip of one sentence, 0.21 →
        0.16, where under 0.15 is "another language"), so the language check is as before."""
        encode = self.model.encode  # the class's method: no instance attribute is set now
        whole = getattr(self.model, "encode_whole", encode)

        def keeping(features: Any) -> Any:
            if first:
                return encode(features)
            first.append(whole(features))
            return first[0]

        self.model.encode = keeping


def _model_class(fitted: bool) -> Any:
    """faster-whisper's model, or the same with its encoder given `fitted_window`'s frames.
    Imported here: a web process that never transcribes does not load CTranslate2."""
    from faster_whisper import WhisperModel

    if not fitted:
        return WhisperModel

    class FittedWhisperModel(WhisperModel):
        def encode(self, features: NDArray[np.float32]) -> Any:
            return super().encode(fitted_window(features))

        def encode_whole(self, features: NDArray[np.float32]) -> Any:
            return super().encode(features)

    return FittedWhisperModel


def _guess(ranked: Sequence[tuple[str, float]]) -> LanguageGuess:
    language, probability = ranked[0]
    return LanguageGuess(language, probability, dict(ranked).get("en", 0.0))


_engines: dict[Path, WhisperEngine] = {}
_engines_lock = threading.Lock()


def whisper_engine(model_dir: Path) -> WhisperEngine:
    """The engine for a model folder, loaded the first time and kept for the process."""
    with _engines_lock:
        if model_dir not in _engines:
            _engines[model_dir] = WhisperEngine(model_dir)
        return _engines[model_dir]
