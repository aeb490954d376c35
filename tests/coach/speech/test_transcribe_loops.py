"""A loop in a transcript is read again where it is: words gathered while the answer was
recorded come from separate passes, so only the window that loops is read again; a whole-file
pass (one decode) is redone whole, as before."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.speech.audio import RATE
from prepcoach.coach.speech.coverage import looks_looped, looping_stretches
from prepcoach.coach.speech.engine import LanguageGuess, Word
from prepcoach.coach.speech.transcribe import complete
from prepcoach.coach.speech.vad import Span

ENGLISH = LanguageGuess("en", 0.99, 0.99)
STORY = (
    "our night shift kept leaving orders half finished so I sat with them for a week and we "
    "made a sheet that travels with every unfinished order and the mistakes stopped within a "
    "month because everyone could see what was left to do and who had started it"
).split()
LOOP = "i'm going to make sure that you're going to make sure that you're going".split()


def _spoken(start: float, end: float, offset: int = 0) -> list[Word]:
    """A word every 0.5 s from `start` to `end`, from STORY on, never repeating itself soon."""
    count = int((end - start) / 0.5)
    return [
        Word(f" {STORY[(offset + i) % len(STORY)]}", start + i * 0.5, start + i * 0.5 + 0.3)
        for i in range(count)
    ]


def _looped(start: float, end: float) -> list[Word]:
    count = int((end - start) / 0.5)
    return [
        Word(f" {LOOP[i % len(LOOP)]}", start + i * 0.5, start + i * 0.5 + 0.3)
        for i in range(count)
    ]


class ReadAgain:
    """A speech engine that hears what it is given: a distinct word every 0.5 s over the speech
    spans, and remembers each stretch it was asked to read (start and end, in seconds of the
    answer, from the spans it was given)."""

    def __init__(self) -> None:
        self.asked: list[float] = []  # seconds of audio per call

    def words(self, samples: np.ndarray, spans: Sequence[Span] | None = None) -> tuple[Word, ...]:
        self.asked.append(samples.size / RATE)
        found: list[Word] = []
        for span in spans or [Span(0.0, samples.size / RATE)]:
            found += _spoken(span.start, span.end, offset=len(found) + 7)
        return tuple(found)


SPANS = [Span(0.5, 29.5), Span(30.5, 59.5), Span(60.5, 89.5), Span(90.5, 107.5)]
SAMPLES = np.zeros(int(108 * RATE), dtype=np.float32)


def _streamed_with_a_looping_end() -> list[Word]:
    return [
        *_spoken(0.5, 29.5),
        *_spoken(30.5, 59.5, 3),
        *_spoken(60.5, 89.5, 5),
        *_looped(90.5, 107.5),  # the rest read at Stop looped
    ]


def test_a_streamed_loop_is_read_again_only_where_it_loops() -> None:
    words = _streamed_with_a_looping_end()
    engine = ReadAgain()
    transcript = complete(engine, SAMPLES, SPANS, tuple(words), ENGLISH, streamed=True)
    assert engine.asked, "the loop was not read again"
    assert max(engine.asked) < 20, f"read {engine.asked} s: more than the looping window"
    assert transcript.words[: len(words) - 34] == tuple(words[: len(words) - 34])
    assert not looks_looped(transcript.words)
    assert not any(w.w.strip() in {"i'm", "you're"} for w in transcript.words if w.start > 90)
    assert transcript.windowed


def _spans_every(seconds: float, gap: float, end: float) -> list[Span]:
    spans, start = [], 0.5
    while start + seconds <= end:
        spans.append(Span(start, start + seconds))
        start += seconds + gap
    return spans


def _heard(spans: list[Span], loop: Span | None = None) -> list[Word]:
    """A word every 0.5 s over each span, as the engine hears it; looping inside `loop`."""
    words: list[Word] = []
    for span in spans:
        for word in _spoken(span.start, span.end, len(words)):
            inside = loop is not None and loop.start <= word.start < loop.end
            looped = LOOP[len(words) % len(LOOP)]
            words.append(Word(f" {looped}", word.start, word.end) if inside else word)
    return words


def test_a_loop_in_the_middle_across_a_window_edge_is_read_again_whole() -> None:
    # Spans of 5 s 0.35 s apart (the detector leaves gaps of 0.3 s); the loop runs from 70 s to
    # 100 s, across the edge of the words' 30 s windows.
    spans = _spans_every(5.0, 0.35, 140.0)
    words = _heard(spans, Span(70.0, 100.0))
    assert looks_looped(words)
    engine = ReadAgain()
    transcript = complete(engine, np.zeros(int(141 * RATE), np.float32), spans, tuple(words),
                          ENGLISH, streamed=True)  # fmt: skip
    assert not any(w.w.strip() in {"i'm", "you're", "going"} for w in transcript.words)
    assert sum(engine.asked) < 60, f"read {engine.asked} s: more than the loop and its spans"
    # The looping windows, widened over the loop's own words on either side, are read again;
    # every word outside their spans is kept as it was, the words of the spans just beside
    # them (0.35 s away) included, and the words read again fill the spans.
    (looping,) = looping_stretches(words)
    assert looping.start <= 70.0
    assert looping.end >= 99.5
    again = [s for s in spans if s.end > looping.start and s.start < looping.end]
    outside = [w for w in words if w.end < again[0].start or w.start > again[-1].end]
    assert all(w in transcript.words for w in outside)
    inside = [w for w in transcript.words if again[0].start <= w.start <= again[-1].end]
    assert len(inside) >= 9 * len(again)  # a word every 0.5 s of each 5 s span, read again
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(transcript.words))


def test_a_fresh_whole_pass_at_stop_is_redone_whole() -> None:
    words = _streamed_with_a_looping_end()
    engine = ReadAgain()
    complete(engine, SAMPLES, SPANS, tuple(words), ENGLISH, streamed=True, passes_apart=False)
    assert sum(engine.asked) > 100, f"read {engine.asked} s: not the whole answer"


def test_a_whole_file_loop_is_still_redone_whole() -> None:
    words = _streamed_with_a_looping_end()
    engine = ReadAgain()
    transcript = complete(engine, SAMPLES, SPANS, tuple(words), ENGLISH, streamed=False)
    assert sum(engine.asked) > 100, f"read {engine.asked} s: not the whole answer"
    assert not looks_looped(transcript.words)


def test_a_loop_is_found_in_its_window_and_nowhere_else() -> None:
    words = _streamed_with_a_looping_end()
    assert looks_looped(words)
    assert looping_stretches(words) == [Span(90.5, 107.3)]
    assert looping_stretches(_spoken(0.5, 100.0)) == []


def test_a_run_of_one_word_is_a_loop_in_its_window() -> None:
    words = [*_spoken(0.0, 40.0), *(Word(" worst", 40 + i * 0.4, 40.3 + i * 0.4) for i in range(5))]
    assert looping_stretches(words) == [Span(words[60].start, words[-1].end)]


@given(st.lists(st.sampled_from(STORY), min_size=0, max_size=300), st.floats(0.2, 1.0))
def test_every_loop_found_is_one_looks_looped_sees(tokens: list[str], pace: float) -> None:
    words = [Word(f" {t}", i * pace, i * pace + 0.15) for i, t in enumerate(tokens)]
    stretches = looping_stretches(words)
    assert not stretches or looks_looped(words)
    assert stretches == sorted(stretches, key=lambda s: s.start)
