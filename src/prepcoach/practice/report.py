"""Turning a stored analysis into what the report page draws: the transcript as marked-up
pieces and the pace chart's geometry. It judges nothing: the analysis already did."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from prepcoach.coach.answer import thresholds
from prepcoach.coach.answer_story import evidence_spans
from prepcoach.coach.content import sentences_of
from prepcoach.coach.delivery import DeliverySettings, filler_spans, tokens_of
from prepcoach.coach.stories import PARTS
from prepcoach.coach.term_not_done import stored_not_done
from prepcoach.coach.trends import PARTS_OUT_OF


@dataclass
class Piece:
    text: str
    filler: bool = False
    pause_s: float | None = None  # a pause marker, not a word: its length (`text.seconds`)
    start: float | None = None
    lost: tuple[float, float] | None = None  # speech that produced no words: (start, end) s
    space_after: bool = True  # False when the next word is written on to it ("35" "%")


@dataclass
class Sentence:
    """A sentence of the transcript, or a piece of one the reader placed in other parts than
    the rest (`split_by_part`), with the STAR parts it carries."""

    parts: list[str]  # STAR parts this sentence carries
    pieces: list[Piece] = field(default_factory=list)


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def transcript_pieces(data: dict[str, Any]) -> list[Sentence]:
    """Sentences with their STAR parts, a sentence the reader read in pieces of different parts
    cut between them (`split_by_part`); words flagged as fillers; long pauses in place."""
    result, sentences = _pieces(data)
    evidence = _evidence(data)
    return [
        cut
        for sentence, text in zip(result, sentences, strict=False)
        for cut in split_by_part(sentence, text, evidence)
    ]


def _evidence(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    star = data.get("star") or {}
    return {
        part: tuple(dict.fromkeys(s.strip() for s in star.get(part, {}).get("evidence", [])))
        for part in PARTS
    }


def split_by_part(
    sentence: Sentence, text: str, evidence: dict[str, tuple[str, ...]]
) -> list[Sentence]:
    """`sentence` (the words of `text`) cut where the reader's evidence (`evidence`: each part's
    pieces) places a piece of it in other parts than the words before (`answer_story.
    evidence_spans`, where the story kept from the answer cuts it too): the words before the
    first piece go with it, and a pause stays with the words before it. Unchanged when its words
    cannot be laid on `text` word for word (a transcript whose words were changed since)."""
    spans: list[tuple[int, list[str]]] = []
    for start, carried in evidence_spans(text, evidence):
        parts = [p for p in PARTS if p in carried]
        if not spans or spans[-1][1] != parts:
            spans.append((start, parts))
    if len(spans) < 2:
        return [sentence]
    offsets = [m.start() for m in re.finditer(r"\S+", text)]
    words = [p for p in sentence.pieces if p.pause_s is None and p.lost is None]
    if len(words) != len(offsets):
        return [sentence]
    starts = [0] + [start for start, _ in spans[1:]]
    out = [Sentence(parts) for _, parts in spans]
    at, index = 0, 0
    for piece in sentence.pieces:
        if piece.pause_s is None and piece.lost is None:
            at = max(bisect.bisect_right(starts, offsets[index]) - 1, 0)
            index += 1
        out[at].pieces.append(piece)
    return [cut for cut in out if cut.pieces]


def _pieces(data: dict[str, Any]) -> tuple[list[Sentence], list[str]]:
    """The transcript's sentences with every part they carry, and their texts."""
    evidence = {part: set(found) for part, found in _evidence(data).items()}
    long_pause = thresholds(data)["long_pause_s"]
    sentences = sentences_of(data.get("transcript", ""))
    result = [Sentence([p for p, found in evidence.items() if _carries(s, found)])
              for s in sentences]  # fmt: skip
    words = data.get("words")
    if words:
        markers = _markers(data, words, long_pause)
        filler_words = _timed_fillers(data, words)
        joined = _written_on(data.get("transcript", ""), words)
        index = 0
        last: Piece | None = None
        for n, word in enumerate(words):
            target = result[min(index, len(result) - 1)] if result else None
            while markers and markers[0].start is not None and markers[0].start <= word["start"]:
                if target is not None:
                    target.pieces.append(markers.pop(0))
                else:
                    markers.pop(0)
            if target is not None:
                if n in joined and last is not None and target.pieces[-1:] == [last]:
                    last.space_after = False
                last = Piece(word["w"], filler=n in filler_words, start=word["start"])
                target.pieces.append(last)
            if re.search(r"[.!?]$", word["w"]) and index < len(result) - 1:
                index += 1
        if result:
            result[-1].pieces.extend(markers)  # after the last word
        return result, sentences
    # A typed answer has no times: its fillers are found again in its words, by the rule that
    # counted them (`delivery.filler_spans`), so the words marked are the ones counted ("you
    # know" and "kind of" too, and never the "like" of "I like data").
    placed: list[tuple[int, int]] = []  # each token's (sentence, word)
    tokens = []
    for k, text in enumerate(sentences):
        for j, word in enumerate(text.split()):
            for token in tokens_of(None, word):
                tokens.append(token)
                placed.append((k, j))
    marked = {placed[i + n] for i, count in filler_spans(tokens) for n in range(count)}
    if (data.get("fillers") or {}).get("count", 0) is None:
        marked = set()  # not counted: another language's "um" is one of its words
    for k, (sentence, text) in enumerate(zip(result, sentences, strict=False)):
        for j, word in enumerate(text.split()):
            sentence.pieces.append(Piece(word, filler=(k, j) in marked))
    return result, sentences


def _written_on(transcript: str, words: list[dict[str, Any]]) -> set[int]:
    """The indexes of the timed words the transcript writes with no space before them: the
    engine's "%" after "35" and ",000" after "$40" (the words are kept without their spaces, and
    a trial's report showed "35 %" and "$40 ,000" where the text says "35%" and "$40,000")."""
    joined: set[int] = set()
    cursor = 0
    for n, word in enumerate(words):
        text = str(word["w"])
        at = transcript.find(text, cursor) if text else -1
        if at < 0:
            continue  # not written as read (should not happen): spaced as before
        if n and at == cursor and cursor > 0:
            joined.add(n)
        cursor = at + len(text)
    return joined


def _timed_fillers(data: dict[str, Any], words: list[dict[str, Any]]) -> set[int]:
    """The indexes of the timed words that make the fillers the analysis counted: each counted
    filler from the word it starts at through as many words as it has tokens ("you know" marks
    "you" and "know,"; a trial's report marked only "you", matched by its start time alone)."""
    marked: set[int] = set()
    for item in (data.get("fillers") or {}).get("items", []):
        start, said = item.get("start"), tokens_of(None, str(item.get("text", "")))
        at = [i for i, w in enumerate(words) if w["start"] == start and i not in marked]
        if start is None or not at or not said:
            continue
        # Of words sharing the start time, the one the filler's first token is.
        first = next((i for i in at if _tokens(words[i])[:1] == [said[0].text]), at[0])
        left, i = len(said), first
        while left > 0 and i < len(words):
            marked.add(i)
            left -= max(len(_tokens(words[i])), 1)
            i += 1
    return marked


def _tokens(word: dict[str, Any]) -> list[str]:
    return [t.text for t in tokens_of(None, str(word["w"]))]


def _carries(sentence: str, evidence: set[str]) -> bool:
    """Whether a transcript sentence is one of a part's evidence or holds one: the reader reads
    a run-on or spliced sentence clause by clause (`coach.clauses`, `coach.splices`), so its
    evidence may be a piece of what the transcript shows as one sentence ("I'm a result, the
    reports went out two days earlier." holds "the reports went out two days earlier.")."""
    return any(piece and piece in sentence for piece in evidence)


def _markers(data: dict[str, Any], words: list[dict[str, Any]], long_pause: float) -> list[Piece]:
    """Long pauses and lost speech, in time order, as the analysis measured them: the pause
    markers are the Pauses card's own pauses (from the voice detector), never gaps between
    words, which also open where speech produced no words."""
    lost = [tuple(span) for span in (data.get("coverage") or {}).get("uncovered", [])]
    pauses = (data.get("pauses") or {}).get("items")
    if pauses is None:  # analyses saved before pauses were stored: gaps between words
        pauses = [
            {"start": a["end"], "end": b["start"]}
            for a, b in itertools.pairwise(words)
            if b["start"] - a["end"] >= long_pause
        ]
    found = [
        Piece("", pause_s=p["end"] - p["start"], start=p["start"])
        for p in pauses
        if p["end"] - p["start"] >= long_pause
    ]
    found += [Piece("", start=start, lost=(start, end)) for start, end in lost]
    return sorted(found, key=lambda piece: piece.start or 0.0)


@dataclass(frozen=True)
class TermsSince:
    """How the job's key terms now differ from those a report read its answer with, for the
    key-terms card to say so (a trial removed a term from the job and an older answer's report
    still showed it used, with nothing saying the report was out of date). The report keeps
    the terms it read with as its `keywords.terms` (since 2026-12-06); an analysis stored before
    keeps them as used, missed and unsure together, and where speech was lost no missed ones
    (`answer.AnswerAnalysis.as_dict`), so there a term added since cannot be told from one not
    listed, and only the ones it kept that are gone are named."""

    removed: tuple[str, ...]  # as the report wrote them
    added: tuple[str, ...]  # as the job writes them now


def filler_words(data: dict[str, Any]) -> list[tuple[str, int]]:
    """The fillers counted, each said once with how often, the commonest first: the Fillers
    card named only their number, and a browser check's user could not tell which of their
    words were counted. Odd stored items are left out."""
    fillers = data.get("fillers")
    items = _list(fillers.get("items")) if isinstance(fillers, dict) else []
    said = [i.get("text") for i in items if isinstance(i, dict)]
    counts: dict[str, int] = {}
    for text in said:
        if isinstance(text, str) and text:
            counts[text] = counts.get(text, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def terms_since(data: dict[str, Any], now: list[str]) -> TermsSince | None:
    """What changed in the job's key terms (`now`, `jobs.Opportunity.key_terms`) since the
    analysis `data` read its answer, or None when nothing did (or it read no job's terms).
    Terms are one term whatever their case, as the job keeps them."""
    keywords = data.get("keywords")
    if not isinstance(keywords, dict):
        return None
    unsure = _strings([u.get("term") for u in _list(keywords.get("unsure")) if isinstance(u, dict)])
    named = _strings(keywords.get("terms"))  # every term it read with, kept since 2026-12-06
    old = [*_strings(keywords.get("used")), *_strings(keywords.get("missed")), *unsure]
    kept = named or old
    complete = bool(named) or "keywords" not in _strings(data.get("withheld"))
    current = {t.casefold() for t in now}
    then = {t.casefold() for t in kept}
    removed = tuple(dict.fromkeys(t for t in kept if t.casefold() not in current))
    added = tuple(t for t in now if t.casefold() not in then) if complete else ()
    return TermsSince(removed, added) if removed or added else None


def readable_keywords(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with its key-terms lists as the report's card loops over them: lists of terms,
    and of dicts with a term, anything else left out (a stored `"unsure": 5` gave a 500)."""
    keywords = data.get("keywords")
    if not isinstance(keywords, dict):
        return data
    clean = {
        **keywords,
        **{k: _strings(keywords.get(k)) for k in ("used", "missed", "bearing") if k in keywords},
        **{
            k: [
                d
                for d in _list(keywords.get(k))
                if isinstance(d, dict) and _strings([d.get("term")])
            ]
            for k in ("evidence", "unsure")
            if k in keywords
        },
    }
    if "not_done" in keywords:
        # Each quoted with its sentence and said by its why (`term_not_done.Why`), and only of a
        # term still listed as not used: one missing any is left out, as the card could say
        # nothing true of it.
        clean["not_done"] = stored_not_done(keywords)
    return {**data, "keywords": clean}


def _list(value: object) -> list[Any]:
    """A stored list as it is; anything else (a number, None, a string) as an empty one."""
    return list(value) if isinstance(value, list | tuple) else []


def _strings(value: object) -> list[str]:
    """The strings of a stored list, anything else ignored: odd JSON ("unsure": 5, a term
    None) had raised TypeError, or named a term "None"."""
    return [t for t in _list(value) if isinstance(t, str) and t]


@dataclass(frozen=True)
class PaceChart:
    """The pace chart: words a minute (the y axis, labelled in wpm from 0) in each stretch the
    analysis measured, drawn as a flat step across the stretch it covers, over a time axis
    from 0:00 to the answer's length (the Length card's figure: to the last word). A trial's
    chart had no value labels, began at "0:01" and ended at 0:45 for a 69 s answer: it put
    each stretch's figure at its start and ended the axis at the last stretch's start."""

    width: int
    height: int
    line: str  # an SVG path: one flat step per stretch
    band_low_y: float
    band_high_y: float
    labels: list[tuple[float, str]]  # the time axis: x, "m:ss"
    low: int = 130
    high: int = 160
    y_ticks: list[tuple[float, str]] = field(default_factory=list)  # the wpm axis: y, value
    left: int = 44
    right: int = 464
    top: int = 30
    bottom: int = 162

    @property
    def band_height(self) -> float:
        return round(self.band_low_y - self.band_high_y, 1)

    @property
    def plot_width(self) -> int:
        return self.right - self.left


# The drawing and its margins: room on the left for the wpm labels, above for "wpm", below
# for the times (tests/e2e/test_pace_chart.py looks at it at a phone's width and a laptop's).
PACE_WIDTH, PACE_HEIGHT, PACE_LEFT, PACE_RIGHT, PACE_TOP, PACE_BOTTOM = 480, 190, 44, 16, 30, 28
# Time-axis steps in seconds: the smallest that leaves at most six steps over the answer.
TIME_STEPS = (15, 30, 60, 120, 300, 600)


def answer_length(data: dict[str, Any]) -> float | None:
    """The answer's length as its Length card shows it: to the last word (`length.seconds`),
    else the recording's length."""
    seconds = (data.get("length") or {}).get("seconds")
    return float(seconds) if seconds is not None else data.get("duration_s")


def whole_seconds(seconds: float) -> int:
    """Seconds to the nearest whole one, a half rounded up, as the Length card writes them
    (Django's `floatformat:0`)."""
    from decimal import ROUND_HALF_UP, Decimal

    return int(Decimal(repr(float(seconds))).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class LengthCard:
    """The Length card: the figure the answer's length is judged by, in whole seconds, and
    what it measures. A recorded answer's length runs from the start of the recording to its
    last word (`delivery.Delivery.answer_s`: the silence before the stop button is not the
    answer; the pace and the "short" verdict use the same words), so it can read 57 s where
    the player shows the file's 1:01: `recording` is the file's length, as the player writes
    it, when it runs a whole second or more past it (a trial read "57 s · short" beside 1:01
    and took it for a fault)."""

    seconds: int
    to_last_word: bool
    recording: str | None = None


def length_card(data: dict[str, Any]) -> LengthCard | None:
    duration = data.get("duration_s")
    if duration is None:
        return None
    to_last_word = (data.get("length") or {}).get("seconds")
    if to_last_word is None:  # analysed before the length was measured to the last word
        return LengthCard(whole_seconds(float(duration)), to_last_word=False)
    seconds = whole_seconds(float(to_last_word))
    longer = int(float(duration)) > seconds
    return LengthCard(seconds, True, clock(float(duration)) if longer else None)


def pace_chart(data: dict[str, Any]) -> PaceChart | None:
    low, high = thresholds(data)["pace"]
    windows = (data.get("pace") or {}).get("over_time") or []
    if len(windows) < 2:
        return None
    words = data.get("words") or []
    spoken_to = float(words[-1]["end"]) if words else float(windows[-1][0])
    starts = [float(t) for t, _ in windows]
    gaps = [b - a for a, b in itertools.pairwise(starts) if b > a]
    step = min(gaps, default=DeliverySettings().window_s)
    end = answer_length(data) or spoken_to
    end = max(end, starts[-1] + 1.0)  # the stretches measured lie inside it
    left, right = PACE_LEFT, PACE_WIDTH - PACE_RIGHT
    top, bottom = PACE_TOP, PACE_HEIGHT - PACE_BOTTOM
    most = max(220.0, max(float(v) for _, v in windows) + 10)
    most = float(math.ceil(most / 50) * 50)

    def x(t: float) -> float:
        return round(left + (right - left) * min(max(t, 0.0), end) / end, 1)

    def y(v: float) -> float:
        return round(bottom - (bottom - top) * min(v, most) / most, 1)

    path, drawn_to = [], None
    for start, value in windows:
        stop = min(float(start) + step, spoken_to) if spoken_to > start else float(start) + step
        move = "L" if drawn_to is not None and abs(drawn_to - float(start)) < 0.05 else "M"
        path.append(f"{move}{x(float(start))},{y(value)} L{x(stop)},{y(value)}")
        drawn_to = stop
    tick = next((s for s in TIME_STEPS if end / s <= 6), TIME_STEPS[-1])
    ticks = [t for t in range(0, int(end), tick) if end - t >= tick * 0.4]
    labels = [(x(t), clock(t)) for t in ticks] + [(x(end), clock(whole_seconds(end)))]
    values = range(0, int(most) + 1, 100 if most > 300 else 50)
    return PaceChart(
        PACE_WIDTH, PACE_HEIGHT, " ".join(path), y(low), y(high), labels, low, high,
        [(y(v), str(v)) for v in values], left, right, top, bottom,
    )  # fmt: skip


@dataclass(frozen=True)
class TrendChart:
    """One figure week by week, readable without hovering: a value axis (its lowest and highest
    values), the weeks under it, and the first and last weeks' values written by their dots;
    one week alone is one labelled dot in the middle, said in words too."""

    label: str
    line: str
    dots: list[tuple[float, float, str]]  # x, y, what it is (the dot's tooltip)
    first: str
    last: str
    change: float | None
    y_ticks: list[tuple[float, str]]  # y, value
    values: list[tuple[float, float, str]]  # x, y, value written beside its dot
    latest: str  # "41 in the week of 30 Nov"
    weeks: int
    left_out: str = ""  # the answers the line leaves out (`coach.trends.Trend.left_out_words`)
    width: int = 340
    height: int = 140
    left: int = 44  # room for the value axis's labels


def _figure(value: float) -> str:
    return f"{round(value, 1):g}"


def _value_range(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high > low:
        return low, high
    if high > 0:  # one value (or the same every week): it sits mid-height on a 0-based axis
        return 0.0, high * 2
    return (high - 1, high + 1) if high < 0 else (0.0, 1.0)


TREND_WIDTH, TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 340, 44, 24, 16, 116


def _trend_coords(values: list[float], low: float, high: float) -> list[tuple[float, float]]:
    step = (TREND_WIDTH - TREND_LEFT - TREND_RIGHT) / max(len(values) - 1, 1)
    middle = (TREND_WIDTH + TREND_LEFT - TREND_RIGHT) / 2
    return [
        (
            round(middle if len(values) == 1 else TREND_LEFT + i * step, 1),
            round(TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * (v - low) / (high - low), 1),
        )
        for i, v in enumerate(values)
    ]


# Figures with a fixed scale are drawn on it: "STAR parts present (of 4)" runs 0 to 4, never
# to 4.6 because the weeks' means happened to be 2.3; a plan's parts 0 to the parts it is
# judged on (1: its action).
FIXED_SCALES = {metric: (0.0, float(most)) for metric, most in PARTS_OUT_OF.items()}


def trend_charts(trends: list[Any]) -> list[TrendChart]:
    charts = []
    for trend in trends:
        if not trend.points:  # every answer was left off the line: nothing to draw
            charts.append(
                TrendChart(trend.label, "", [], "", "", None, [], [], "no answer counted yet", 0,
                           trend.left_out_words)
            )  # fmt: skip
            continue
        values = [v for _, v in trend.points]
        low, high = FIXED_SCALES.get(trend.metric) or _value_range(values)
        coords = _trend_coords(values, low, high)
        labelled = sorted({0, len(values) - 1})
        week, value = trend.points[-1]
        charts.append(
            TrendChart(
                label=trend.label,
                line=" ".join(f"{x},{y}" for x, y in coords),
                dots=[
                    (x, y, f"{_figure(v)} in the week of {w:%-d %b}")
                    for (x, y), (w, v) in zip(coords, trend.points, strict=True)
                ],
                first=f"{trend.points[0][0]:%-d %b}",
                last=f"{week:%-d %b}",
                change=trend.change,
                y_ticks=[(float(TREND_BOTTOM), _figure(low)), (float(TREND_TOP), _figure(high))],
                values=[(coords[i][0], coords[i][1] - 8, _figure(values[i])) for i in labelled],
                latest=f"{_figure(value)} in the week of {week:%-d %b}",
                weeks=len(values),
                left_out=trend.left_out_words,
            )
        )
    return charts
