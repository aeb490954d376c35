"""A transcript that accounts for all the speech: one pass over the whole answer, then every
stretch of speech that the voice-activity detector heard but no word covers is transcribed again
on its own, with context either side, and merged in time order. A first pass that loops
("worst worst worst…") is redone in windows cut at pauses.

Why: Whisper reads audio in 30 s windows and sometimes skips what follows a pause, depending on
where the pause falls in its window; the report must not build figures on words that were lost
without saying so. What is still uncovered afterwards is stated as the transcript's coverage.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import RATE
from prepcoach.coach.speech.coverage import (
    WORD_REACH_S,
    looks_looped,
    looping_stretches,
    measure_coverage,
    merge_words,
)
from prepcoach.coach.speech.engine import LanguageGuess, SpeechEngine, Transcript, Word
from prepcoach.coach.speech.vad import Span, heard_audio, within

# Seconds of audio either side of a lost stretch given to the second pass: enough for Whisper
# to hear the sentence around it, which it transcribes better than an isolated fragment.
CONTEXT_S = 1.5
# Windows for a redo after a loop: consecutive speech spans, at most this long, cut in silences.
WINDOW_S = 20.0


def transcribe(
    engine: SpeechEngine, samples: NDArray[np.float32], spans: Sequence[Span]
) -> Transcript:
    """Words for all the speech in samples (16 kHz mono), with their coverage of spans. The
    engine hears the spans found (voice activity runs once), and judges the language on the
    same pass (`SpeechEngine.first_pass`)."""
    words, guess = engine.first_pass(samples, spans)
    return complete(engine, samples, spans, words, guess)


def language_of(
    engine: SpeechEngine, samples: NDArray[np.float32], spans: Sequence[Span]
) -> LanguageGuess:
    """The language as the first pass judges it: on the first 30 s of the speech the engine
    hears (`vad.heard_audio`), or on the samples when no speech was found."""
    heard = heard_audio(samples, spans)
    return engine.detect_language(heard[: 30 * RATE] if heard.size else samples)


def complete(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    spans: Sequence[Span],
    words: tuple[Word, ...],
    guess: LanguageGuess,
    *,
    streamed: bool = False,
    passes_apart: bool | None = None,
) -> Transcript:
    """The transcript of the whole answer from a first pass's words (of the whole file, or
    gathered while it was recorded: `coach.speech.streaming`): a looping pass redone in
    windows, then every lost stretch read again with context, and the coverage stated.

    Words gathered while recording come from passes over separate stretches (`passes_apart`,
    by default `streamed`), so a loop in one of them says nothing of the others: only where it
    loops is read again (a held-out answer's last 15 s looped when read at Stop, and reading
    the whole answer again for it took 9 s against about 1.5 s). A whole-file pass is one
    decode, redone whole."""
    windowed = False
    if looks_looped(words):
        apart = streamed if passes_apart is None else passes_apart
        looping = looping_stretches(words) if apart else []
        if looping:
            words = redone(engine, samples, spans, words, looping)
        else:
            words = by_windows(engine, samples, spans)
        windowed = True
    reread: list[Span] = []
    lost = measure_coverage(spans, words).uncovered
    # Lost stretches close together are read again in one window: one more pass of the model
    # instead of one per stretch, and each stretch is heard with its neighbours as context.
    for window in windows(lost):
        start = max(0.0, window.start - CONTEXT_S)
        end = min(samples.size / RATE, window.end + CONTEXT_S)
        found = offset(words_between(engine, samples, spans, start, end), start)
        if looks_looped(found):
            continue  # a second loop would only add noise; the stretch stays uncovered
        for piece in (p for p in lost if window.start <= p.start and p.end <= window.end):
            words = merge_words(words, found, _gap_around(words, piece))
            reread.append(piece)
    return Transcript(
        words,
        guess.language,
        guess.probability,
        guess.english_probability,
        coverage=measure_coverage(spans, words),
        reread=tuple(reread),
        windowed=windowed,
        streamed=streamed,
    )


def words_between(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    spans: Sequence[Span],
    start: float,
    end: float,
) -> tuple[Word, ...]:
    """The words from `start` to `end` (seconds), in seconds from `start`: the engine hears
    the speech spans found there, with no voice filter of its own."""
    return engine.words(samples[int(start * RATE) : int(end * RATE)], within(spans, start, end))


def _gap_around(words: Sequence[Word], piece: Span) -> Span:
    """Where the second pass's words may go for a lost piece: the piece widened by a word's
    reach (a lost piece is measured with each word's reach, so the words lost with it can lie
    just outside it), but never past the kept words either side of it."""
    before = [w.end for w in words if w.end <= piece.start + 0.2]
    after = [w.start for w in words if w.start >= piece.end - 0.2]
    return Span(
        max(max(before, default=0.0), piece.start - WORD_REACH_S),
        min(min(after, default=float("inf")), piece.end + WORD_REACH_S),
    )


def offset(words: Sequence[Word], seconds: float) -> tuple[Word, ...]:
    return tuple(Word(w.w, round(w.start + seconds, 2), round(w.end + seconds, 2)) for w in words)


def windows(spans: Sequence[Span], limit: float = WINDOW_S) -> list[Span]:
    """Consecutive speech spans grouped into windows of at most `limit` seconds (a single span
    longer than that is its own window), each cut in a silence between spans."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and span.end - groups[-1][0].start <= limit:
            groups[-1].append(span)
        else:
            groups.append([span])
    return [Span(group[0].start, group[-1].end) for group in groups]


def redone(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    spans: Sequence[Span],
    words: Sequence[Word],
    looping: Sequence[Span],
) -> tuple[Word, ...]:
    """`words` with the speech spans that reach into each `looping` stretch read again
    (`by_windows` over those spans alone) in place of their words: a word is a span's when that
    span is the nearest to its middle, so the words of a span just beside one read again (the
    voice detector leaves gaps of 0.3 s) are kept; a word found that overlaps one kept is not
    added."""
    if not spans:
        return tuple(words)
    again = {
        i
        for i, s in enumerate(spans)
        if any(s.end > lo.start and s.start < lo.end for lo in looping)
    }
    if not again:
        return tuple(words)

    def nearest(word: Word) -> int:
        middle = (word.start + word.end) / 2
        return min(
            range(len(spans)),
            key=lambda i: max(spans[i].start - middle, middle - spans[i].end, 0.0),
        )

    kept = [w for w in words if nearest(w) not in again]
    found = by_windows(engine, samples, [s for i, s in enumerate(spans) if i in again])
    added = [w for w in found if not any(k.start < w.end and w.start < k.end for k in kept)]
    return tuple(sorted([*kept, *added], key=lambda w: (w.start, w.end)))


def by_windows(
    engine: SpeechEngine, samples: NDArray[np.float32], spans: Sequence[Span]
) -> tuple[Word, ...]:
    words: list[Word] = []
    for window in windows(spans):
        start = max(0.0, window.start - 0.3)
        end = min(samples.size / RATE, window.end + 0.3)
        found = offset(words_between(engine, samples, spans, start, end), start)
        if looks_looped(found):
            continue  # left uncovered, and said so, rather than kept as words
        words += [w for w in found if not words or w.start >= words[-1].end]
    return tuple(words)
