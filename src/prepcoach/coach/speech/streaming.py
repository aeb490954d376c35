"""Transcribing an answer while it is recorded, so that only its last seconds are left when it
ends. The recording grows every 2 s; each time, `advance` transcribes the stretch of speech
that is finished: everything up to a pause of at least CUT_PAUSE_S that lies wholly inside the
audio received, never within the last EDGE_S seconds (speech may still be arriving there),
heard with CONTEXT_S of the audio before it. `finish` transcribes the rest once the answer
ends and then runs the same completeness pass as the whole-file path (`transcribe.complete`:
a looping pass redone in windows, every stretch of speech with no words read again, coverage
stated), over the whole answer, so what issue 14 promises holds unchanged.

The state is a plain value, stored between steps (JSON: `to_json`/`from_json`). It carries the
speech spans already settled, so voice activity runs only over the seconds not settled yet
(a settled stretch is never looked at again, and the end adds only the rest's), and the
language guess, made once: Whisper judges the language on the first 30 s of the speech it
hears, so it is asked as soon as those are settled, the speech the whole file's guess reads. It
also carries each settled second's level, so a state made from other audio (a recording that
decoded differently, a quiet one amplified by another gain) is never used: `matches`.

Where the talk holds no pause that leaves a stretch of MIN_STRETCH_S (a 1 s pause every 13 s,
say), a stretch waits for the next one, and up to 34 s were left to read at stop (ninth
session). So once AHEAD_AFTER_S of it are not settled, the stretch up to its latest pause is
read ahead (`StreamState.ahead`: the state as if it were settled there) without settling it: a
stretch is still read whole when the answer goes on, and the part read ahead is kept only when
the answer ends with more than STOP_TAIL_S left (`at_stop`), so what is read at the end is
bounded by the speech after that pause.

The answer's last words are what a step cannot settle: the speech after the last stretch is
read at stop, a pass of the model (its 30 s window costs about 1.4 s of CPU whatever is in
it). So when the audio received ends in QUIET_S of silence (the browser sends a piece as soon
as its level meter hears the speaker stop), a step reads that rest as the end would
(`Closing`: from the same settled time, the same speech spans, heard alike), and the end,
finding no other speech since, takes its words instead of reading them again (`finish`). If
the speaker goes on, the next step's spans differ and the closing is not used.

A step needs the recording only from `resume_from(state)` on (a second before the settled
time), so it may be given just that part (`offset`, in whole seconds; `audio.decode_from`
decodes only it): a late step of a long answer then costs what an early one does. The seconds
given that are settled are checked by their levels; the end (`finish`, in the pipeline) checks
every settled second against the whole recording.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import RATE
from prepcoach.coach.speech.coverage import looks_looped, merge_words
from prepcoach.coach.speech.engine import LanguageGuess, SpeechEngine, Transcript, Word
from prepcoach.coach.speech.transcribe import by_windows, complete, language_of
from prepcoach.coach.speech.transcribe import offset as shift
from prepcoach.coach.speech.vad import Span, heard_audio, speech_spans, within

# A cut needs a pause at least this long (seconds): a breath inside a sentence is shorter, so
# a stretch ends between sentences, where Whisper loses nothing by starting afresh.
CUT_PAUSE_S = 0.8
# Someone who talks on with no pause of CUT_PAUSE_S leaves all of it for the end: after this
# long the stretch is cut at its longest shorter pause (any silence the VAD marks: 0.3 s or
# more), so what is left at stop (this and a step's 6 s) fits the one 30 s window a pass at
# the end costs anyway. Not sooner: cut at 12 s, a 2-minute answer at 140 wpm read WER 0.179
# against 0.145 for 0.26 s less at the end (shorter stretches, less context; bench A/B,
# 2026-12-01).
LONG_STRETCH_S = 24.0
# The last second of what arrived may hold speech the detector has not seen the end of yet.
EDGE_S = 1.0
# Audio before a stretch given to the engine with it (of the pause before it), so its first
# word is not heard as the clip's very first sound.
CONTEXT_S = 1.0
# A stretch shorter than this waits for more: each pass of the model costs a 30 s window, and
# Whisper reads a stretch better with more of the answer around it. Measured A/B (2026-12-01,
# development: bench_streaming's three 2-minute answers and the 47 completeness clips): at 15 s
# the answers read WER 0.071, 0.074, 0.145 against 0.096, 0.117, 0.145 at 5 s (the whole file:
# 0.071, 0.074, 0.130) and the clips a mean of 0.099 against 0.104 (17 better, 9 worse), for
# 1.29 s median from stop to report against 1.00 s (worst 1.78 against 1.66; at 20 s the worst
# was 2.73 s, 36 s left at stop). 24 s since the read-ahead bounds what is left at stop
# (twenty-fourth session, by a rule set before the run: the lower mean of streamed less whole
# file WER over the 8 development 2-minute answers of bench_streaming.py, each of its voices
# and the first held-out set's: +0.0040 at 24 s against +0.0052 at 15 s, 4 and 3 answers
# worse; what was left at stop went from 21-24 s to 8-9 s on four of them, the part read
# ahead kept; a difference within the noise of one answer's reading, taken by the rule).
MIN_STRETCH_S = 24.0
# At most this much (seconds) is left to read at stop when the talk allows it: a tail of about
# 21 s took 1.7-1.9 s from stop to report on a quiet machine (eighth and ninth sessions), 32 s
# (two of Whisper's 30 s windows) 3.1 s, against the aim of 2 s. A tail up to this long is read
# whole at the end, as every stretch is; only a longer one is read on from a part read ahead.
STOP_TAIL_S = 24.0
# Left unread this long (seconds), a stretch is read ahead up to its latest pause: it has had
# time to reach a pause leaving MIN_STRETCH_S (and a second of EDGE_S) and did not, so the next
# may be far. A step comes every 6 s and the last piece with stop, so what is left at stop past
# the part read ahead stays within STOP_TAIL_S.
AHEAD_AFTER_S = STOP_TAIL_S - 8.0
# A part read ahead is at least this long (each is a pass of the model): the stretches of 5 s
# the eighth session started with.
AHEAD_MIN_S = 5.0
# The audio received ends in this much silence (seconds) after speech: the speaker has
# stopped, perhaps for good, so a step reads the rest as the end would (`Closing`). The
# browser sends a piece once its level meter has heard this long a quiet; a pause between
# sentences is shorter (CUT_PAUSE_S is where a stretch may be cut).
QUIET_S = 1.0
# Whisper judges the language on 30 s of audio; the first pass of the whole file judges it on
# the first 30 s of the speech it hears (`SpeechEngine.first_pass`), and so does a stream.
LANGUAGE_WINDOW_S = 30.0
# An answer no longer than this is read whole at stop, as the whole-file path reads it: it is
# one of Whisper's 30 s windows, whose encoder pass costs the same for a tail of a few seconds,
# and a stretch settled or read ahead only cut it in two, the second part heard without the
# first. Measured on the 47 completeness clips (25-35 s, bench_analysis.py, development), with
# every clip cut: streamed less joined WER +0.0108 [-0.0020, +0.0236], 20 clips worse and 12
# better, not shown as accurate; read whole up to 30 s: +0.0036 [-0.0011, +0.0088], 8 worse
# (the clips over 30 s, still cut) and 4 better, within the margin of 0.02 set before the run
# (twenty-fifth session; these clips are development: the rule is by construction, the whole
# file's reading, not tuned on them). Stop to report on four 24-27 s answers, interleaved:
# 2.64-3.09 s read whole against 2.65-2.89 s cut (bench_streaming.short_rows, load 2-3).
ONE_WINDOW_S = 30.0
# Two decodes of the same audio agree to the sample; this only absorbs float printing.
LEVEL_TOLERANCE = 1e-5


@dataclass(frozen=True, slots=True)
class Closing:
    """The rest of an answer read while its speaker was quiet (`QUIET_S`), as `finish` would
    read it: from the settled time `start_s` of the state it continues, hearing the speech
    `spans` after it (seconds from the recording's start). `words`: that state's words and the
    rest's; `language`: the answer's, when that state had none yet."""

    start_s: float
    spans: tuple[Span, ...]
    words: tuple[Word, ...]
    language: LanguageGuess | None = None


@dataclass(frozen=True, slots=True)
class StreamState:
    """What is settled of an answer being recorded: its words, the time up to which its audio
    is transcribed (`settled_s`, in a pause), the speech spans before it, the language guess
    once made, and the level of each whole second before it (to recognise the same audio)."""

    words: tuple[Word, ...] = ()
    settled_s: float = 0.0
    spans: tuple[Span, ...] = ()
    language: LanguageGuess | None = None
    levels: tuple[float, ...] = ()
    passes: int = 0  # passes of the model made while recording
    # The state as if the stretch were settled at its latest pause, read while waiting for a
    # pause that leaves MIN_STRETCH_S (see AHEAD_AFTER_S); kept at stop only by `at_stop`.
    ahead: StreamState | None = None
    # The rest read while the speaker was quiet, used at stop if nothing was said since.
    closing: Closing | None = None


def latest_words(state: StreamState) -> tuple[Word, ...]:
    """The most of the answer read so far: the closing's words, else those read ahead, else
    the settled ones (what the report at stop will most likely read)."""
    if state.closing is not None:
        return state.closing.words
    return (state.ahead or state).words


def levels_of(samples: NDArray[np.float32], seconds: int) -> tuple[float, ...]:
    """The mean absolute level of each of the first `seconds` whole seconds."""
    whole = samples[: seconds * RATE].reshape(-1, RATE) if seconds else np.zeros((0, RATE))
    return tuple(round(float(level), 6) for level in np.abs(whole).mean(axis=1))


def matches(state: StreamState, samples: NDArray[np.float32], offset: int = 0) -> bool:
    """Whether `state` was made from the audio these samples are (the same audio, decoded the
    same way): each settled second they hold has its level. `offset`: the samples begin that
    many seconds into the recording; they must hold at least one settled second then."""
    seconds = len(state.levels)
    if offset and not offset < seconds:
        return False
    if (
        offset * RATE + samples.size < seconds * RATE
        or state.settled_s > offset + samples.size / RATE
    ):
        return False
    found = levels_of(samples, seconds - offset)
    kept = state.levels[offset:]
    return all(abs(a - b) <= LEVEL_TOLERANCE for a, b in zip(found, kept, strict=True))


def resume_from(state: StreamState | None) -> int:
    """The whole second from which the next step needs the recording: the start until the
    language is asked (it is judged on the first 30 s), else a second before the settled time
    (the context a stretch is heard with, CONTEXT_S, and the settled second `matches` checks)."""
    if state is None or state.language is None:
        return 0
    return max(0, int(state.settled_s - max(CONTEXT_S, 1.0)))


def _shifted(spans: Sequence[Span], seconds: float) -> list[Span]:
    return [Span(round(s.start + seconds, 2), round(s.end + seconds, 2)) for s in spans]


def spans_after(samples: NDArray[np.float32], seconds: float, offset: int = 0) -> list[Span]:
    """Speech spans of the audio from `seconds` on (voice activity over that part only);
    the samples begin `offset` seconds into the recording."""
    return _shifted(speech_spans(samples[int(seconds * RATE) - offset * RATE :]), seconds)


def pauses(spans: Sequence[Span], start: float, end: float) -> list[tuple[float, float]]:
    """(length, middle) of each pause between `spans` after `start` that lies wholly inside the
    audio received, the speech after it starting at least EDGE_S before `end` (seconds)."""
    found = []
    previous = start
    for span in spans:
        if span.start > previous > start and span.start <= end - EDGE_S:
            found.append((span.start - previous, (previous + span.start) / 2))
        previous = max(previous, span.end)
    return found


def cut_point(spans: Sequence[Span], start: float, end: float) -> float | None:
    """Where the finished speech ends: the middle of the latest pause of at least CUT_PAUSE_S
    between `start` and `end` (seconds) that ends at least EDGE_S before `end`, or that lasts
    from the last speech to `end` with EDGE_S to spare. Failing that, once LONG_STRETCH_S have
    gone by since the first speech after `start`, the middle of the longest (then latest)
    shorter pause at least MIN_STRETCH_S after `start`. None when there is no such pause."""
    inside = pauses(spans, start, end)
    longs = [middle for length, middle in inside if length >= CUT_PAUSE_S]
    cut = longs[-1] if longs else None
    # A shorter one too early would be refused every time.
    shorter = [p for p in inside if p[0] < CUT_PAUSE_S and p[1] - start >= MIN_STRETCH_S]
    last = max([start, *(span.end for span in spans)])
    if spans and end - last >= CUT_PAUSE_S + EDGE_S:
        cut = last + CUT_PAUSE_S / 2
    # LONG_STRETCH_S of talk, from its first word: a silence before it is not talk.
    if cut is None and shorter and end - spans[0].start >= LONG_STRETCH_S:
        cut = max(shorter)[1]
    return None if cut is None else round(cut, 2)


def _read(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    state: StreamState,
    spans: Sequence[Span],
    end: float,
    offset: int = 0,
) -> tuple[Word, ...]:
    """The state's words with those of the stretch from its `settled_s` to `end` (seconds),
    heard from up to CONTEXT_S before: the pause before the stretch, never the last stretch's
    speech (Whisper heard a word cut in half at a clip's start as the next one, mistimed, and
    dropped that: measured on the streaming test's answer)."""
    spoken = max((s.end for s in state.spans), default=0.0)
    heard = max(0.0, state.settled_s - CONTEXT_S, spoken)
    base = offset * RATE  # samples[0] is this sample of the recording
    stretch = samples[int(heard * RATE) - base : int(end * RATE) - base]
    found = shift(engine.words(stretch, within(spans, heard, end)), heard)
    if looks_looped(found):
        found = shift(by_windows(engine, samples, _shifted(spans, -offset)), offset)
    kept_end = max((w.end for w in state.words), default=0.0)
    return merge_words(state.words, found, Span(max(kept_end, heard), end))


def advance(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    state: StreamState | None = None,
    offset: int = 0,
) -> StreamState:
    """The state after the recording has grown to `samples` (16 kHz mono, from its start, or
    from `offset` seconds into it, at most `resume_from(state)`): the finished stretch since
    the last one transcribed, if there is one long enough; else, once AHEAD_AFTER_S are
    neither settled nor read ahead, the stretch to its latest pause read ahead (after what was
    read ahead before). A state that does not match the
    samples (`matches`) is started afresh; from an offset, that raises ValueError (the caller
    gives the whole recording instead). When the audio ends in QUIET_S of silence, the rest
    after the settled time the end would continue from is read too (`Closing`), once for the
    same speech."""
    after = _advanced(engine, samples, state, offset)
    return _closed(engine, samples, after, offset)


def _advanced(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    state: StreamState | None,
    offset: int,
) -> StreamState:
    """`advance` without the closing."""
    if offset and (
        state is None or offset > resume_from(state) or not matches(state, samples, offset)
    ):
        raise ValueError("only a state that matches can be continued from part of the recording")
    state = state if state is not None and matches(state, samples, offset) else StreamState()
    if state.ahead is not None and not matches(state.ahead, samples, offset):
        state = _without_ahead(state)  # made from other audio past the settled time
    end = offset + samples.size / RATE
    fresh = spans_after(samples, state.settled_s, offset)
    cut = cut_point(fresh, state.settled_s, end)
    if cut is not None and cut - state.settled_s >= MIN_STRETCH_S:
        return _settled(engine, samples, replace(state, ahead=None), fresh, cut, offset)
    # A part read ahead before is kept and the next read from its end: each is read once.
    base = state.ahead if state.ahead is not None else state
    if end - base.settled_s < AHEAD_AFTER_S:
        return state
    unread = [s for s in fresh if s.start >= base.settled_s]
    point = ahead_point(unread, base.settled_s, end)
    if point is None:
        return state
    ahead = _settled(engine, samples, base, unread, point, offset)
    # The language, once asked, is the answer's (the first 30 s of speech it heard).
    return replace(state, ahead=ahead, language=ahead.language, passes=ahead.passes)


def continued(state: StreamState, end: float) -> StreamState:
    """The state the end continues from when the answer stops at `end` (seconds): the part
    read ahead when more than STOP_TAIL_S would be left after the settled time, else the
    state without it; either way the one a closing was read from, if it was (nothing said
    since, the rest it read is the rest: taking the other would only read it again). The
    part read ahead is not checked against the audio here (`at_stop` does)."""
    ahead, closing = state.ahead, state.closing
    if ahead is None:
        return state
    if closing is not None and closing.start_s in (ahead.settled_s, state.settled_s):
        use_ahead = closing.start_s == ahead.settled_s
    else:
        use_ahead = end - state.settled_s > STOP_TAIL_S
    return replace(ahead, closing=closing) if use_ahead else replace(state, ahead=None)


def read_rest(
    engine: SpeechEngine, samples: NDArray[np.float32], state: StreamState, offset: int = 0
) -> StreamState:
    """`state` with the rest of a finished recording read (`Closing`) as `finish` will read
    it, from `samples`: the recording from `offset` seconds on (at most `resume_from(state)`;
    `audio.decode_from`), so the end can read its last seconds while the whole recording is
    still being decoded (`pipeline.analyse_recording`). `finish` takes these words only when
    the rest's speech spans, found in the whole recording, are the ones read here: a closing
    is checked by them, whoever read it. The state unchanged when it does not match the
    samples, when its part read ahead gave the language (the samples from `offset` may not
    hold the 30 s it is asked on), when the answer is read whole at stop (`ONE_WINDOW_S`), or
    when it holds a closing the end will take (`_kept_closing`: read again from another base,
    the rest would cost a pass and be cut elsewhere: review)."""
    if offset > resume_from(state) or not matches(state, samples, offset):
        return state
    if state.ahead is not None and not matches(state.ahead, samples, offset):
        trimmed = _without_ahead(state)
        if offset > resume_from(trimmed):
            return state
        state = trimmed
    if _kept_closing(state, samples, offset):
        return state
    return _closed(engine, samples, state, offset, quiet_s=0.0)


def _kept_closing(state: StreamState, samples: NDArray[np.float32], offset: int) -> bool:
    """Whether the end will take `state`'s closing for a recording that ends with `samples`
    (from `offset` s): read from the settled time or the part read ahead's (`continued`), and
    nothing said since (`at_stop`)."""
    closing = state.closing
    if closing is None:
        return False
    starts = (state.settled_s, *((state.ahead.settled_s,) if state.ahead else ()))
    return closing.start_s in starts and (
        tuple(spans_after(samples, closing.start_s, offset)) == closing.spans
    )


def _closed(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    state: StreamState,
    offset: int,
    quiet_s: float = QUIET_S,
) -> StreamState:
    """`state` with the rest read (`Closing`) when the audio ends in `quiet_s` of silence
    after speech, unless a closing of the same speech is kept; without any once speech goes
    on. `quiet_s` 0: the recording has ended, and the rest is read whatever its end."""
    end = offset + samples.size / RATE
    if end <= ONE_WINDOW_S:
        return state  # read whole at stop (`at_stop`)
    base = _base_for(state, end)
    rest = tuple(spans_after(samples, base.settled_s, offset))
    if not rest or end - rest[-1].end < quiet_s:
        return replace(state, closing=None)  # all settled, or the speaker is not quiet
    kept = state.closing
    if kept is not None and kept.start_s == base.settled_s and kept.spans == rest:
        return state
    language: LanguageGuess | None = None
    if _fresh(base):  # as `finish` reads it; offset is 0 until the language is asked
        words, language = engine.first_pass(samples, rest)
    else:
        words = _read(engine, samples, base, rest, end, offset)
        if base.language is None:  # offset is 0 then too (resume_from)
            language = language_of(engine, samples, (*base.spans, *rest))
    closing = Closing(base.settled_s, rest, words, language)
    return replace(state, closing=closing, passes=state.passes + 1)


def _base_for(state: StreamState, end: float) -> StreamState:
    """The state a closing read now continues: the one the end would continue from if the
    answer stopped now (`continued`, as if no closing were kept)."""
    return continued(replace(state, closing=None), end)


def ahead_point(spans: Sequence[Span], start: float, end: float) -> float | None:
    """Where a stretch not settled yet may be read ahead to: the middle of the latest pause of
    at least CUT_PAUSE_S, else of the longest shorter one (any the detector marks), that lies
    wholly inside the audio received, EDGE_S before `end`, and AHEAD_MIN_S after `start`."""
    inside = [p for p in pauses(spans, start, end) if p[1] - start >= AHEAD_MIN_S]
    longs = [middle for length, middle in inside if length >= CUT_PAUSE_S]
    point = longs[-1] if longs else max(inside)[1] if inside else None
    return None if point is None else round(point, 2)


def _settled(
    engine: SpeechEngine,
    samples: NDArray[np.float32],
    state: StreamState,
    fresh: Sequence[Span],
    cut: float,
    offset: int,
) -> StreamState:
    """The state with the stretch from its `settled_s` to `cut` transcribed and settled."""
    settled = [s for s in fresh if s.end <= cut]
    words, passes = state.words, state.passes
    if settled:
        words = _read(engine, samples, state, settled, cut, offset)
        passes += 1
    language = state.language
    if language is None:  # offset is 0 then (resume_from)
        heard = heard_audio(samples, (*state.spans, *settled))
        if heard.size >= LANGUAGE_WINDOW_S * RATE:  # the first 30 s of speech are settled
            language = engine.detect_language(heard[: int(LANGUAGE_WINDOW_S * RATE)])
    known = len(state.levels)  # each settled second's level, measured once
    levels = (*state.levels, *levels_of(samples[(known - offset) * RATE :], int(cut) - known))
    return StreamState(words, cut, (*state.spans, *settled), language, levels, passes)


def at_stop(state: StreamState, samples: NDArray[np.float32]) -> StreamState | None:
    """The state the end starts from for the whole recording `samples`: None when it was made
    from other audio (`matches`); nothing settled when the answer is ONE_WINDOW_S or shorter
    (it is read whole, as the whole-file path reads it); the part read ahead when more than
    STOP_TAIL_S would be left after the settled time, or when the closing continues it and
    nothing was said since it, and it matches too (`continued`); else the state without it
    (what is left is read whole, as the answer's other stretches were)."""
    if not matches(state, samples):
        return None
    if samples.size / RATE <= ONE_WINDOW_S:
        return StreamState(passes=state.passes)
    closing = state.closing
    if closing is not None and tuple(spans_after(samples, closing.start_s)) != closing.spans:
        # Said since: the closing is not the rest, and the end continues as it would without
        # it (else a stale one could keep a base with more than STOP_TAIL_S left: review).
        state = replace(state, closing=None)
    if state.ahead is not None and not matches(state.ahead, samples):
        return _without_ahead(state)
    return continued(state, samples.size / RATE)


def _without_ahead(state: StreamState) -> StreamState:
    """The state with its part read ahead dropped as made from other audio, and the language
    it may have taken from that part unless the settled speech holds the 30 s it is asked on."""
    heard = sum(span.length for span in state.spans)
    language = state.language if heard >= LANGUAGE_WINDOW_S else None
    return replace(state, ahead=None, language=language)


def all_spans(samples: NDArray[np.float32], state: StreamState) -> list[Span]:
    """The answer's speech spans: those settled while recording and those of the rest."""
    return [*state.spans, *spans_after(samples, state.settled_s)]


def finish(
    engine: SpeechEngine, samples: NDArray[np.float32], state: StreamState, spans: Sequence[Span]
) -> Transcript:
    """The whole answer's transcript from a state that `matches` the samples: the rest after
    `settled_s` transcribed (or the closing's words, when its spans are the rest's: nothing was
    said after it), the language asked if it was not yet, then the whole-file path's
    completeness pass over every span (`all_spans`). With nothing settled and no language
    asked (an answer of one window, `at_stop`), the whole answer is read as the whole-file
    path reads it: the language from the same pass (`SpeechEngine.first_pass`), not another."""
    words, guess = state.words, state.language
    rest = [s for s in spans if s.start >= state.settled_s]
    closing = state.closing
    if closing is not None and closing.start_s == state.settled_s and closing.spans == tuple(rest):
        # Read while the speaker was quiet from the same audio, heard alike: nothing since.
        words, guess = closing.words, guess or closing.language
    elif _fresh(state):
        words, guess = engine.first_pass(samples, spans)
        return complete(engine, samples, spans, words, guess, streamed=True, passes_apart=False)
    elif rest:
        words = _read(engine, samples, state, rest, samples.size / RATE)
    return complete(
        engine, samples, spans, words, guess or language_of(engine, samples, spans), streamed=True
    )


def _fresh(state: StreamState) -> bool:
    """Nothing settled and no language asked: the answer is read as the whole-file path reads
    it, words and language from one pass (`SpeechEngine.first_pass`)."""
    return state.settled_s == 0 and not state.words and state.language is None


def to_json(state: StreamState) -> dict[str, Any]:
    return {
        "ahead": None if state.ahead is None else to_json(state.ahead),
        "words": [[w.w, w.start, w.end] for w in state.words],
        "settled_s": state.settled_s,
        "spans": [[s.start, s.end] for s in state.spans],
        "language": _language_json(state.language),
        "levels": list(state.levels),
        "passes": state.passes,
        "closing": None if state.closing is None else _closing_json(state.closing),
    }


def _language_json(guess: LanguageGuess | None) -> list[Any] | None:
    return None if guess is None else [guess.language, guess.probability, guess.english_probability]


def _language_from(raw: Any) -> LanguageGuess | None:
    if raw is None:
        return None
    name, probability, english = raw
    return LanguageGuess(str(name), float(probability), float(english))


def _closing_json(closing: Closing) -> dict[str, Any]:
    return {
        "start_s": closing.start_s,
        "spans": [[s.start, s.end] for s in closing.spans],
        "words": [[w.w, w.start, w.end] for w in closing.words],
        "language": _language_json(closing.language),
    }


def _closing_from(data: Mapping[str, Any]) -> Closing:
    return Closing(
        float(data["start_s"]),
        tuple(Span(float(s), float(e)) for s, e in data["spans"]),
        tuple(Word(str(w), float(s), float(e)) for w, s, e in data["words"]),
        _language_from(data["language"]),
    )


def from_json(data: Mapping[str, Any]) -> StreamState:
    """The state stored by `to_json`. Raises ValueError, TypeError or KeyError for anything
    else (the caller then takes the whole-file path)."""
    return StreamState(
        tuple(Word(str(w), float(s), float(e)) for w, s, e in data["words"]),
        float(data["settled_s"]),
        tuple(Span(float(s), float(e)) for s, e in data["spans"]),
        _language_from(data["language"]),
        tuple(float(x) for x in data["levels"]),
        int(data["passes"]),
        # States stored before the read-ahead have no "ahead", nor a "closing" before it.
        None if data.get("ahead") is None else from_json(data["ahead"]),
        None if data.get("closing") is None else _closing_from(data["closing"]),
    )
