"""How an answer was said: pace, fillers, pauses, length, repeats and restarts, pitch and
loudness. Every figure keeps the words and times it came from.

Thresholds are named settings with their sources, and users can change them (DeliverySettings).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.speech.engine import Word
from prepcoach.coach.speech.vad import Span
from prepcoach.coach.text import FILLER_PHRASES, HESITATIONS


@dataclass(frozen=True, slots=True)
class DeliverySettings:
    # 130–160 wpm: the range presentation coaches and the National Center for Voice and Speech
    # give for clear conversational speech in English (about 150 wpm on average).
    pace_low: int = 130
    pace_high: int = 160
    # Fillers: under about 3 a minute go unnoticed by most listeners (a common threshold in
    # public-speaking feedback, e.g. Toastmasters' "ah-counter" reports).
    fillers_per_min_high: float = 3.0
    # A silence of 1 s or more is a pause a listener notices; 3 s or more reads as being stuck.
    pause_s: float = 1.0
    long_pause_s: float = 3.0
    # Pitch spread under 2 semitones sounds flat; lively speech spreads over 3 or more.
    monotone_semitones: float = 2.0
    window_s: float = 15.0  # pace over time is measured in windows this long
    # Answer length (seconds) by kind of question: 1–3 minutes is the usual advice for a STAR
    # story; motivation questions want less.
    length_bands: dict[str, tuple[int, int]] = field(
        default_factory=lambda: {
            "behavioral": (60, 180),
            "situational": (45, 150),
            "role-specific": (45, 180),
            "motivation": (30, 120),
        }
    )


# Counted as fillers wherever they stand: the sounds of hesitation and the filler phrases
# (`text.HESITATIONS`, `text.FILLER_PHRASES`); "like" by where it stands (`_like_is_filler`).
SINGLE_FILLERS = HESITATIONS
PHRASE_FILLERS = FILLER_PHRASES
# "like" is a verb or a comparison after these words: "I like data", "looks like rain".
LIKE_NOT_FILLER_BEFORE = frozenset(
    """i you we they he she it would 'd i'd we'd you'd they'd he'd she'd do don't didn't does
    doesn't really also to not
    feel feels felt look looks looked sound sounds sounded seem seems seemed something
    things stuff people someone anyone everyone nothing much just more less""".split()
)
NOUN_BEFORE_OF = frozenset(
    {"a", "the", "this", "that", "what", "some", "any", "which", "same", "one"}
)
# A whole word of an amount: "like twenty", "like 40", "like loads" (not "like tennis", "like
# TensorFlow", "like 5S": a review).
NUMBER_RE = re.compile(
    r"^(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|hundred|loads|lots|tons|hundreds|thousands|dozens|half)$"
)
# "like a hundred people" is an approximation; "like a puzzle" a comparison.
A_NUMBER_AFTER = frozenset({"hundred", "thousand", "million", "dozen", "couple", "few", "lot"})
# After a comma, "like" opens examples ("high-risk drugs, like warfarin") unless a clause or a
# stress follows it: "I was nervous, like I knew nobody", "it was hard, like really hard".
CLAUSE_OR_STRESS = frozenset(
    """i i'm i'd i've we we're we'd you you're they they're he she it it's there there's
    that's this nobody everyone everybody someone somebody really so very totally super
    literally just actually honestly basically completely kind sort""".split()
)
# "like" right before these stresses a filler wherever it stands: "I pick it up like really
# quickly", "a system that like nobody knew".
STRESSED_AFTER = frozenset({"really", "so", "very", "totally", "super", "literally", "nobody"})
WORD_RE = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # lower-case, no punctuation
    raw: str  # as transcribed
    start: float | None
    comma_after: bool


@dataclass(frozen=True, slots=True)
class Filler:
    text: str
    start: float | None


@dataclass(frozen=True, slots=True)
class Delivery:
    duration_s: float | None
    speech_s: float | None
    words: int
    wpm: float | None
    pace: str | None  # "slow", "in band", "fast"
    pace_over_time: tuple[tuple[float, float], ...]  # (window start s, wpm)
    fillers: tuple[Filler, ...]
    fillers_per_min: float | None
    pauses: tuple[Span, ...]  # every pause of pause_s or more
    long_pauses: tuple[Span, ...]
    repeats: tuple[Filler, ...]  # "the the", "I I": the second word and its time
    restarts: tuple[Filler, ...]  # "we were – we had": the word where the speaker started over
    length_band: tuple[int, int] | None
    length_verdict: str | None  # "short", "in band", "long"
    pitch_semitones: float | None  # spread of pitch (standard deviation)
    loudness_db: float | None  # mean loudness of speech, dBFS
    monotone: bool | None
    # How long the answer lasted, to its last word: the figure its length is judged by and
    # shown as (silence after the last word is not part of the answer).
    answer_s: float | None = None


def tokens_of(words: tuple[Word, ...] | list[Word] | None, text: str = "") -> list[Token]:
    """Word tokens with their times (None for typed text) and whether a comma follows."""
    pieces: list[tuple[str, float | None]] = (
        [(w.w, w.start) for w in words] if words else [(piece, None) for piece in text.split()]
    )
    tokens = []
    for raw, start in pieces:
        for part in re.split(r"(?<=[a-z0-9'])-(?=[a-z])", raw.strip(), flags=re.IGNORECASE):
            # A curly apostrophe is an apostrophe: "I’m" is "i'm", as typed on a phone.
            clean = "".join(WORD_RE.findall(part.lower().replace("’", "'")))
            if clean:
                tokens.append(Token(clean, part, start, bool(re.search(r"[,;:.!?…]$", part))))
    return tokens


def find_fillers(tokens: list[Token]) -> list[Filler]:
    return [
        Filler(" ".join(t.text for t in tokens[i : i + n]), tokens[i].start)
        for i, n in filler_spans(tokens)
    ]


def filler_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Where the fillers are: (index of the first token, number of tokens), in order. The
    report marks these very tokens in a typed answer, so what it marks is what it counts."""
    found: list[tuple[int, int]] = []
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if token.text in SINGLE_FILLERS:
            found.append((i, 1))
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i > 0 else None
        pair = (token.text, nxt.text) if nxt else None
        if (
            pair in PHRASE_FILLERS
            and nxt is not None
            and _phrase_is_filler(pair, prev, nxt, tokens[i + 2] if i + 2 < len(tokens) else None)
        ):
            found.append((i, 2))
            skip = 1
            continue
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        earlier = tokens[i - 2] if i > 1 else None
        if token.text == "like" and _like_is_filler(prev, token, nxt, after, earlier):
            found.append((i, 1))
    return found


def _phrase_is_filler(
    pair: tuple[str, str], prev: Token | None, second: Token, after: Token | None
) -> bool:
    if pair in {("kind", "of"), ("sort", "of")}:
        # "a kind of tool", "what sort of person": a noun, not a hedge.
        return prev is None or prev.text not in NOUN_BEFORE_OF
    if pair == ("you", "know") and prev is not None and prev.text == "as" and not prev.comma_after:
        return False  # "as you know, …" says what the listener knows
    # "you know" and "I mean" are fillers when they stand apart: "it was, you know, hard".
    if second.comma_after or after is None:
        return True
    if pair == ("i", "mean"):
        # "I mean we had no time": a filler before a new clause; "I mean it": a verb.
        return after.text in {
            "i",
            "we",
            "they",
            "he",
            "she",
            "you",
            "there",
            "the",
            "that's",
            "it's",
            "like",
            "so",
        }
    # "you know what I mean", "you know the answer": a verb, unless set off by commas.
    return prev is not None and prev.comma_after and not prev.raw.endswith((".", "!", "?"))


def _like_is_filler(
    prev: Token | None,
    token: Token,
    nxt: Token | None,
    after: Token | None = None,
    earlier: Token | None = None,
) -> bool:
    """Whether this "like" is a filler, by the words around it: `prev` and `earlier` before it,
    `nxt` and `after` after it."""
    if prev is not None and prev.text in LIKE_NOT_FILLER_BEFORE and not prev.comma_after:
        return False
    if token.comma_after:
        return True  # "it was, like, hard"
    if nxt is not None and (
        NUMBER_RE.match(nxt.text) or (nxt.text == "a" and after and after.text in A_NUMBER_AFTER)
    ):
        return True  # "like twenty people": an approximation said as a filler
    if nxt is not None and nxt.text in STRESSED_AFTER:
        return True
    if prev is not None and prev.text == "of" and not prev.comma_after:
        # "kind of like a puzzle": a comparison after the hedge
        return earlier is None or earlier.text not in {"kind", "sort"}
    if prev is not None and prev.raw.endswith((",", ";")):
        # "the messy stuff, like free text fields": examples, not a filler.
        return nxt is None or nxt.text in CLAUSE_OR_STRESS or nxt.text in HESITATIONS
    if prev is not None and prev.comma_after:
        return True  # a sentence opened with "like": "Like the whole team was off."
    if prev is not None and prev.text in {
        "was",
        "were",
        "is",
        "it's",
        "and",
        "but",
        "so",
        "just",
        "it",
        "that's",
    }:
        return nxt is not None and nxt.text in {
            "really",
            "so",
            "very",
            "totally",
            "super",
            "literally",
            "kind",
            "the",
            "a",
            "we",
            "i",
            "my",
            "our",
            "no",
            "not",
            "all",
        }
    return False


def find_repeats(tokens: list[Token]) -> tuple[list[Filler], list[Filler]]:
    """Immediate repeats ("the the") and restarts (a two-word phrase said again at once)."""
    repeats, restarts = [], []
    for i in range(1, len(tokens)):
        if (
            tokens[i].text == tokens[i - 1].text
            and tokens[i].text not in SINGLE_FILLERS
            and tokens[i].text not in {"very", "really", "so", "no", "bye"}
        ):
            repeats.append(Filler(tokens[i].text, tokens[i].start))
        if (
            i >= 3
            and (tokens[i - 1].text, tokens[i].text) == (tokens[i - 3].text, tokens[i - 2].text)
            and tokens[i].text != tokens[i - 1].text
        ):
            restarts.append(Filler(f"{tokens[i - 1].text} {tokens[i].text}", tokens[i - 1].start))
    return repeats, restarts


def measure(
    *,
    words: tuple[Word, ...] | None,
    text: str,
    duration_s: float | None,
    spans: list[Span] | None,
    samples: NDArray[np.float32] | None = None,
    category: str = "behavioral",
    settings: DeliverySettings | None = None,
    lost: tuple[Span, ...] = (),
) -> Delivery:
    """Delivery figures. With typed text (no words, no audio) the timing figures are None.

    lost: stretches of speech that produced no words (coach.speech.coverage). Pace and fillers
    a minute are measured over the speech that has words only, so a lost stretch never reads as
    slow speech; pace windows that are mostly lost are left out."""
    settings = settings or DeliverySettings()
    tokens = tokens_of(words, text)
    fillers = find_fillers(tokens)
    repeats, restarts = find_repeats(tokens)
    count = len(tokens)
    band = settings.length_bands.get(category)
    if not words or duration_s is None:
        return Delivery(
            None,
            None,
            count,
            None,
            None,
            (),
            tuple(fillers),
            None,
            (),
            (),
            tuple(repeats),
            tuple(restarts),
            band,
            None,
            None,
            None,
            None,
        )
    spans = spans or []
    first, last = words[0].start, words[-1].end
    lost_inside = sum(max(0.0, min(s.end, last) - max(s.start, first)) for s in lost)
    speaking_min = max(last - first - lost_inside, 1e-6) / 60
    wpm = round(count / speaking_min, 1)
    speech_s = round(sum(s.length for s in spans), 2) if spans else round(last - first, 2)
    pauses = [
        Span(a.end, b.start)
        for a, b in itertools.pairwise(spans)
        if b.start - a.end >= settings.pause_s
    ]
    long_pauses = [p for p in pauses if p.length >= settings.long_pause_s]
    pitch, loudness = _prosody(samples, spans) if samples is not None else (None, None)
    return Delivery(
        duration_s=round(duration_s, 2),
        speech_s=speech_s,
        words=count,
        wpm=wpm,
        pace="slow"
        if wpm < settings.pace_low
        else "fast"
        if wpm > settings.pace_high
        else "in band",
        pace_over_time=_pace_windows(words, settings.window_s, lost),
        fillers=tuple(fillers),
        fillers_per_min=round(len(fillers) / speaking_min, 2),
        pauses=tuple(pauses),
        long_pauses=tuple(long_pauses),
        repeats=tuple(repeats),
        restarts=tuple(restarts),
        length_band=band,
        length_verdict=None
        if band is None
        else "short"
        if max(last, spans[-1].end if spans else last) < band[0]
        else "long"
        if max(last, spans[-1].end if spans else last) > band[1]
        else "in band",
        pitch_semitones=pitch,
        loudness_db=loudness,
        monotone=None if pitch is None else pitch < settings.monotone_semitones,
        # To the end of the speech, heard or not: lost last words must not shorten the answer.
        answer_s=round(max(last, spans[-1].end if spans else last), 1),
    )


def _pace_windows(
    words: tuple[Word, ...], window_s: float, lost: tuple[Span, ...] = ()
) -> tuple[tuple[float, float], ...]:
    if not words:
        return ()
    end = words[-1].end
    windows = []
    # From the first word, as the answer's own pace is: silence before it is not slow speech.
    start = words[0].start
    while start < end:
        inside = [w for w in words if start <= w.start < start + window_s]
        length = min(window_s, end - start)
        length -= sum(max(0.0, min(s.end, start + length) - max(s.start, start)) for s in lost)
        if length >= window_s / 3:  # a short (or mostly unheard) window would exaggerate
            windows.append((round(start, 1), round(len(inside) / (length / 60), 1)))
        start += window_s
    return tuple(windows)


# Frames read at once for pitch: 1,000 of 40 ms (40 s of speech, about 10 MB of float64).
PROSODY_BLOCK = 1_000


def autocorrelation(frames: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each row's autocorrelation at lags 0 to its length - 1 (what `np.correlate(row, row,
    "full")[len(row) - 1:]` gives), by FFT with zero padding so no lag wraps around."""
    size = frames.shape[1]
    spectrum = np.fft.rfft(frames, n=2 * size, axis=1)
    return np.fft.irfft(spectrum * np.conj(spectrum), n=2 * size, axis=1)[:, :size]


def _prosody(samples: NDArray[np.float32], spans: list[Span]) -> tuple[float | None, float | None]:
    """Pitch spread (semitones) by autocorrelation over 40 ms frames of speech, and loudness.
    A block of frames at a time, the autocorrelations by FFT (`autocorrelation`): frame by
    frame took a 2-minute answer's report 0.4 s of its end-of-answer time, and every frame at
    once took a 10-minute answer 0.6 GB."""
    rate, frame = 16_000, 640
    frames: list[NDArray[np.float32]] = []
    for span in spans:
        segment = samples[int(span.start * rate) : int(span.end * rate)]
        frames += [segment[i : i + frame] for i in range(0, len(segment) - frame, frame)]
    pitches: list[NDArray[np.float64]] = []
    levels: list[NDArray[np.float64]] = []
    low, high = rate // 400, rate // 75  # 75–400 Hz: the range of speaking voices
    for begin in range(0, len(frames), PROSODY_BLOCK):
        chunks = np.stack(frames[begin : begin + PROSODY_BLOCK]).astype(np.float64)
        rms = np.sqrt(np.mean(chunks**2, axis=1))
        heard = rms >= 1e-3
        chunks = chunks[heard]
        levels.append(20 * np.log10(rms[heard]))
        corr = autocorrelation(chunks - chunks.mean(axis=1, keepdims=True))
        lag = low + np.argmax(corr[:, low:high], axis=1)
        energy, at_lag = corr[:, 0], corr[np.arange(len(lag)), lag]
        voiced = (energy > 0) & (at_lag > 0.45 * energy)  # clearly periodic
        pitches.append(rate / lag[voiced])
    level = np.concatenate(levels) if levels else np.zeros(0)
    loudness = round(float(np.mean(level)), 1) if level.size else None
    pitch = np.concatenate(pitches) if pitches else np.zeros(0)
    if len(pitch) < 10:
        return None, loudness
    semitones = 12 * np.log2(pitch / np.median(pitch))
    return round(float(np.std(semitones)), 2), loudness
