"""Which speech the transcript covers. The voice-activity detector says where someone spoke;
the words say what was understood. Speech with no word over it was lost (Whisper skips text
after some pauses, or loops), and every figure built on the words must know it.

All times are seconds from the start of the recording.
"""

from __future__ import annotations

import itertools
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from prepcoach.coach.speech.engine import Word
from prepcoach.coach.speech.vad import Span

# Whisper's word times are approximate: a word is taken to cover this much speech either side
# of its own interval, so the gaps between words inside a sentence never count as lost.
WORD_REACH_S = 0.5
# Uncovered stretches shorter than this are breaths and word-timing jitter, not lost words.
MIN_LOST_S = 0.6
# zlib compression ratio above which a transcript is repetitive rather than speech; 2.4 is the
# threshold OpenAI's Whisper uses to reject a looping decode (whisper/transcribe.py).
LOOP_COMPRESSION = 2.4
# The same word this many times in a row ("worst worst worst…") is a decoding loop.
LOOP_RUN = 4
# A word said this often in a looping window belongs to the loop: the words either side of the
# window that are all such words carry the loop on (`looping_stretches`).
LOOP_WORD_COUNT = 3


@dataclass(frozen=True, slots=True)
class SpeechCoverage:
    """How much of the detected speech has words: speech_s and covered_s in seconds,
    uncovered the stretches of speech with no word (each at least MIN_LOST_S long)."""

    speech_s: float
    covered_s: float
    uncovered: tuple[Span, ...]

    @property
    def ratio(self) -> float:
        """Seconds of speech with words ÷ seconds of speech; 1.0 when there was no speech."""
        return round(self.covered_s / self.speech_s, 3) if self.speech_s > 0 else 1.0

    @property
    def lost_s(self) -> float:
        return round(sum(span.length for span in self.uncovered), 2)


def _subtract(span: Span, holes: Iterable[tuple[float, float]]) -> list[Span]:
    """The parts of span that none of the (sorted) holes overlap."""
    pieces, cursor = [], span.start
    for start, end in holes:
        if end <= cursor or start >= span.end:
            continue
        if start > cursor:
            pieces.append(Span(cursor, start))
        cursor = max(cursor, end)
    if cursor < span.end:
        pieces.append(Span(cursor, span.end))
    return pieces


def measure_coverage(
    spans: Sequence[Span], words: Sequence[Word], reach: float = WORD_REACH_S
) -> SpeechCoverage:
    """SpeechCoverage of the speech spans by the words' intervals (each widened by reach)."""
    reached = sorted((w.start - reach, w.end + reach) for w in words)
    speech = sum(span.length for span in spans)
    lost = [
        Span(round(piece.start, 2), round(piece.end, 2))
        for span in spans
        for piece in _subtract(span, reached)
        if piece.length >= MIN_LOST_S
    ]
    lost_s = sum(piece.length for piece in lost)
    return SpeechCoverage(round(speech, 2), round(max(speech - lost_s, 0.0), 2), tuple(lost))


def _norm(word: Word) -> str:
    return word.w.strip().lower().strip(".,!?;:")


def merge_words(kept: Sequence[Word], found: Sequence[Word], into: Span) -> tuple[Word, ...]:
    """Words from a second pass over `into`, added to kept in time order. Only found words whose
    middle lies in `into` are taken, and none that overlaps a kept word (a zero-length word
    overlaps any word at its instant) or repeats a kept word said within WORD_REACH_S of it:
    the second pass heard some context either side, which the first pass had already
    transcribed, and Whisper shifts word times by a few tenths at the edges of a clip."""

    def known(w: Word) -> bool:
        return any(
            (k.start < w.end and w.start < k.end)
            or (k.start <= w.start <= k.end)
            or (w.start <= k.start <= w.end)
            or (_norm(k) == _norm(w) and abs(k.start - w.start) <= WORD_REACH_S)
            for k in kept
        )

    taken = [w for w in found if into.start <= (w.start + w.end) / 2 <= into.end and not known(w)]
    return tuple(sorted([*kept, *taken], key=lambda w: (w.start, w.end)))


def looks_looped(words: Sequence[Word], window_s: float = 30.0) -> bool:
    """A decode that repeats itself: a long run of one word, or a stretch of window_s seconds
    whose text compresses far better than speech does. Judged per window, as Whisper does per
    30 s segment: an answer that tells the same story twice is repetitive over its whole
    length, not a loop."""
    tokens = _tokens(words)
    run = 1
    for previous, token in itertools.pairwise(tokens):
        run = run + 1 if token and token == previous else 1
        if run >= LOOP_RUN:
            return True
    return any(_compresses_like_a_loop(tokens[a:b]) for a, b in _windows(words, window_s))


def looping_stretches(words: Sequence[Word], window_s: float = 30.0) -> list[Span]:
    """Where `looks_looped` finds the loop: each window of `window_s` seconds (the same windows)
    holding a run of LOOP_RUN of one word or compressing like a loop, widened over the words
    either side that carry on its loop (a loop does not stop at a window's edge: while the
    neighbouring words are all words the window says again and again, LOOP_WORD_COUNT times
    or more), from the first word's start to the last one's end, in time order. Empty when
    there is no loop, and also when the only run lies across two windows: the caller then
    cannot tell where the loop is."""
    tokens = _tokens(words)
    stretches: list[Span] = []
    for a, b in _windows(words, window_s):
        run, looped = 1, _compresses_like_a_loop(tokens[a:b])
        for previous, token in itertools.pairwise(tokens[a:b]):
            run = run + 1 if token and token == previous else 1
            looped = looped or run >= LOOP_RUN
        if not looped:
            continue
        counts = Counter(tokens[a:b])
        said_again = {t for t, n in counts.items() if n >= LOOP_WORD_COUNT}
        while a > 0 and tokens[a - 1] in said_again:
            a -= 1
        while b < len(words) and tokens[b] in said_again:
            b += 1
        if stretches and words[a].start <= stretches[-1].end:
            stretches[-1] = Span(stretches[-1].start, max(stretches[-1].end, words[b - 1].end))
        else:
            stretches.append(Span(words[a].start, words[b - 1].end))
    return stretches


def _tokens(words: Sequence[Word]) -> list[str]:
    return [w.w.strip().lower().strip(".,!?;:") for w in words]


def _windows(words: Sequence[Word], window_s: float) -> list[tuple[int, int]]:
    """The words cut into windows of under `window_s` seconds by their starts, as index ranges."""
    ranges, start = [], 0
    for end in range(len(words) + 1):
        if end < len(words) and words[end].start - words[start].start < window_s:
            continue
        if end > start:
            ranges.append((start, end))
        start = end
    return ranges


def _compresses_like_a_loop(tokens: Sequence[str]) -> bool:
    text = " ".join(tokens).encode()
    # Short texts compress badly whatever they say, so the ratio only speaks for longer ones.
    return len(text) >= 120 and len(text) / len(zlib.compress(text)) > LOOP_COMPRESSION
