"""The speech engine reads the same answer the same way every time, hears the speech spans it is
given without a voice filter of its own, and judges the language on that same reading."""

from __future__ import annotations

import difflib
from pathlib import Path

import faster_whisper
import faster_whisper.transcribe
import numpy as np
import pytest

from prepcoach.coach.speech.audio import RATE, decode
from prepcoach.coach.speech.engine import WhisperEngine
from prepcoach.coach.speech.vad import Span, heard_audio, heard_stretches, speech_spans
from prepcoach.coach.speech.window import FULL_FRAMES, MIN_FRAMES
from tests.coach.speech.conftest import ANSWER, speak


def text_of(engine: WhisperEngine, samples: object) -> str:
    return " ".join(w.w.strip() for w in engine.words(samples))  # type: ignore[arg-type]


def test_an_answer_said_twice_is_read_word_for_word_and_the_same_each_time(
    engine: WhisperEngine, tmp_path: Path
) -> None:
    # Said twice, the answer's text compresses so well that Whisper's fallback took it for a
    # loop and sampled it at temperature 0.8: "I will to checklist", and on CI lost words.
    samples = decode(speak(f"{ANSWER} {ANSWER}", tmp_path / "twice.wav")).samples
    first, again = text_of(engine, samples), text_of(engine, samples)
    assert first == again
    assert first.count("I built a checklist") == 2, first
    assert first.count("earlier.") == 2, first


def test_given_the_speech_found_the_engine_runs_no_voice_filter_of_its_own(
    engine: WhisperEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Voice activity runs once per answer (issue 15): ours finds the spans, and the engine hears
    # them, so faster-whisper's own Silero pass must not run. Made to fail if it does.
    samples = decode(speak(ANSWER, tmp_path / "answer.wav")).samples
    spans = speech_spans(samples)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("the engine ran its own voice filter")

    monkeypatch.setattr(faster_whisper.transcribe, "get_speech_timestamps", refused)
    words, guess = engine.first_pass(samples, spans)
    text = " ".join(w.w.strip() for w in words)
    assert "I built a checklist" in text, text
    assert "earlier." in text, text
    assert guess.language == "en"
    assert guess.english_probability > 0.5
    # Times are the answer's, not the joined stretches': every word lies in a heard stretch.
    heard = heard_stretches(spans, samples.size / RATE)
    assert all(
        any(h.start - 0.05 <= w.start <= w.end <= h.end + 0.05 for h in heard) for w in words
    )
    with pytest.raises(AssertionError, match="voice filter"):
        engine.words(samples)  # without spans, the engine's own filter runs (and is refused)


def test_the_first_pass_judges_the_language_on_the_speech_it_heard(
    engine: WhisperEngine, tmp_path: Path
) -> None:
    # A long silence before the answer: the language is judged on the speech (the first pass's
    # own encoder reading), as a separate check of the heard audio judges it.
    said = decode(speak(ANSWER, tmp_path / "answer.wav")).samples
    samples = np.concatenate([np.zeros(12 * RATE, np.float32), said])
    spans = speech_spans(samples)
    _, guess = engine.first_pass(samples, spans)
    alone = engine.detect_language(heard_audio(samples, spans))
    assert guess.language == alone.language == "en"
    # The same audio, but its features are scaled by the loudest of the whole window read, so
    # the two readings differ a little (measured: 0.01-0.02).
    assert guess.english_probability == pytest.approx(alone.english_probability, abs=0.05)


def test_no_speech_given_means_no_words_and_a_language_of_the_samples(
    engine: WhisperEngine,
) -> None:
    samples = np.zeros(3 * RATE, np.float32)
    words, guess = engine.first_pass(samples, [])
    assert words == ()
    assert guess == engine.detect_language(samples)  # nothing was transcribed: on the samples
    assert engine.words(samples, [Span(1.0, 1.0)]) == ()  # an empty span is no speech


def test_the_language_costs_no_encoder_pass_of_its_own(
    engine: WhisperEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What first_pass exists for: the words and the language from the encoder passes the words
    # need alone, where asking the language apart takes one more.
    samples = decode(speak(ANSWER, tmp_path / "answer.wav")).samples
    spans = speech_spans(samples)
    passes: list[int] = []
    encode = faster_whisper.WhisperModel.encode

    def counted(self: faster_whisper.WhisperModel, features: np.ndarray) -> object:
        passes.append(1)
        return encode(self, features)

    monkeypatch.setattr(faster_whisper.WhisperModel, "encode", counted)
    engine.words(samples, spans)
    alone = len(passes)
    passes.clear()
    engine.first_pass(samples, spans)
    assert alone >= 1
    assert len(passes) == alone
    passes.clear()
    engine.detect_language(samples)
    assert len(passes) == 1  # what the language cost before
    assert "encode" not in vars(engine.model)  # the kept-output hook is gone after the pass


def answer_with_encoder_widths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[np.ndarray, list[Span], list[int]]:
    """The spoken answer, its speech spans, and the width, in frames, of every window the
    model's encoder is given from now on."""
    samples = decode(speak(ANSWER, tmp_path / "answer.wav")).samples
    widths: list[int] = []
    encode = faster_whisper.WhisperModel.encode

    def measured(self: faster_whisper.WhisperModel, features: np.ndarray) -> object:
        widths.append(features.shape[-1])
        return encode(self, features)

    monkeypatch.setattr(faster_whisper.WhisperModel, "encode", measured)
    return samples, speech_spans(samples), widths


def test_the_encoder_reads_the_answer_not_thirty_seconds_of_padding(
    engine: WhisperEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 12 s answer was read in Whisper's 30 s window, padded with zeros; the encoder's cost is
    # the window's, so it now reads the floor (`window.fitted_window`), and the same words.
    samples, spans, widths = answer_with_encoder_widths(tmp_path, monkeypatch)
    fitted = engine.words(samples, spans)
    assert widths
    assert all(MIN_FRAMES <= width < FULL_FRAMES for width in widths), widths
    widths.clear()
    monkeypatch.setattr("prepcoach.coach.speech.engine.fitted_window", lambda features: features)
    full = engine.words(samples, spans)
    assert widths
    assert widths == [FULL_FRAMES] * len(widths)  # the baseline read the whole window
    # The same reading, to a word: the two windows' int8 arithmetic may part on one somewhere.
    said = difflib.SequenceMatcher(a=[w.w for w in full], b=[w.w for w in fitted], autojunk=False)
    matched = [
        (full[block.a + k], fitted[block.b + k])
        for block in said.get_matching_blocks()
        for k in range(block.size)
    ]
    assert len(matched) >= len(full) - 1, (full, fitted)
    assert max(abs(a.start - b.start) + abs(a.end - b.end) for a, b in matched) < 0.2


def test_the_language_is_judged_on_the_whole_window(
    engine: WhisperEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fitted window made a held-out sentence of English sound less English (0.21 -> 0.16;
    # under 0.15 is "another language"): the window the language is judged on stays whole.
    samples, spans, widths = answer_with_encoder_widths(tmp_path, monkeypatch)
    _, guess = engine.first_pass(samples, spans)
    assert widths == [FULL_FRAMES]  # one window: read whole, for its words and the language
    assert guess.language == "en"
    widths.clear()
    assert engine.detect_language(samples).language == "en"
    assert widths == [FULL_FRAMES]
    assert "encode" not in vars(engine.model)  # the whole window was for that call only
    widths.clear()
    engine.words(samples, spans)
    assert widths
    assert all(width < FULL_FRAMES for width in widths), widths
