"""The body-language section of an answer's page laid out from the stored report: the timeline
lanes as runs of seconds, the cues and tips with their moments as clock times. It judges
nothing (`coach.body_language` did)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from prepcoach.coach.body_language.cues import Moment
from prepcoach.coach.body_language.pipeline import Unavailable, load
from prepcoach.coach.body_language.report import BodyLanguage, Second, clock
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import STUCK_AFTER

STOPPED = (
    "The picture was not read: the reading stopped after the speech report. Use “Analyse "
    "again” to read both again."
)
NOT_READ = (
    "The picture of this answer has not been read. Use “Analyse again” to read it (the "
    "speech report is made again too)."
)
FACE_STATES = {
    "one": ("ok", "one face in frame"),
    "cut": ("warn", "face cut off at the edge"),
    "two": ("warn", "more than one face"),
    "none": ("off", "no face in frame"),
    "unknown": ("unknown", "no picture"),
    "frozen": ("frozen", "the picture froze"),
}
# The legend's order, and what a blank stretch is: every colour is named on the page, not only
# in a hover title a phone cannot show.
LEGEND_ORDER = ("ok", "off", "warn", "mark", "frozen", "unknown", "none")


@dataclass(frozen=True)
class Run:
    start: int
    length: int
    state: str  # css class: ok, warn, off, mark, frozen, unknown, none
    label: str  # "0:12–0:16: looking away"


@dataclass(frozen=True)
class Lane:
    name: str
    runs: list[Run]


@dataclass(frozen=True)
class LegendEntry:
    state: str  # the css class its swatch shows
    words: str  # "the picture froze", "blank: steady, not smiling"


@dataclass(frozen=True)
class MomentLink:
    start: float
    text: str  # "0:12–0:16 looking away"


@dataclass(frozen=True)
class CueView:
    title: str
    observation: str
    moments: list[MomentLink]


@dataclass(frozen=True)
class TipView:
    text: str
    rule: str
    moments: list[MomentLink]


@dataclass(frozen=True)
class BodyView:
    pending: bool  # the picture is still being read
    note: str  # why there is no report
    duration: int = 0
    lanes: tuple[Lane, ...] = ()
    ticks: tuple[str, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    cues: tuple[CueView, ...] = ()
    tips: tuple[TipView, ...] = ()
    notes: tuple[str, ...] = ()
    engine: str = ""
    look_away_s: float = 2.0


def body_view(attempt: Attempt) -> BodyView | None:
    """None for an answer without video; otherwise the report, a note, or "still reading"."""
    if not attempt.with_video or not attempt.recording:
        return None
    found = load(attempt.body_language)
    if found is None:
        if attempt.status != Attempt.Status.ANALYSED:
            return BodyView(pending=False, note="")
        started = attempt.body_language_started_at
        if started is None:
            # Analysed before the picture was read at all (or imported): nothing is reading it.
            return BodyView(pending=False, note=NOT_READ)
        if timezone.now() - started > STUCK_AFTER:
            # The worker stopped while reading the picture: say so instead of waiting forever.
            return BodyView(pending=False, note=STOPPED)
        return BodyView(pending=True, note="")
    if isinstance(found, Unavailable):
        return BodyView(pending=False, note=found.note)
    return _laid_out(found)


def _laid_out(report: BodyLanguage) -> BodyView:
    seconds = report.timeline
    duration = max(len(seconds), 1)
    step = max(duration // 4, 1)
    lanes = (
        Lane("In frame", _runs(seconds, lambda s: FACE_STATES[s.face])),
        Lane("Toward the camera", _runs(seconds, _toward)),
        Lane("Large head movement", _runs(seconds, _moved)),
        Lane("Smiling", _runs(seconds, _smiling)),
    )
    return BodyView(
        pending=False,
        note="",
        duration=duration,
        lanes=lanes,
        ticks=tuple(clock(t) for t in range(0, duration + 1, step)),
        legend=_legend(lanes),
        cues=tuple(CueView(cue.title, cue.observation, _links(cue.moments)) for cue in report.cues),
        tips=tuple(TipView(tip.text, tip.rule, _links(tip.moments)) for tip in report.tips),
        notes=report.notes,
        engine=report.engine,
        look_away_s=report.settings.look_away_s,
    )


def _toward(s: Second) -> tuple[str, str]:
    if s.toward is None:
        return ("unknown", "not known")
    return ("ok", "toward the camera") if s.toward else ("off", "looking away")


def _moved(s: Second) -> tuple[str, str]:
    return ("warn", "a large turn or nod") if s.moved else ("none", "steady")


def _smiling(s: Second) -> tuple[str, str]:
    if s.smile is None:
        return ("unknown", "not known")
    return ("mark", "smiling") if s.smile else ("none", "not smiling")


def _runs(seconds: tuple[Second, ...], judge: Callable[[Second], tuple[str, str]]) -> list[Run]:
    """Seconds of one state joined into runs, each with its times and words."""
    runs: list[Run] = []
    for second in seconds:
        css, words = judge(second)
        begin, length = second.t, 1
        if runs and runs[-1].state == css:
            begin, length = runs[-1].start, runs[-1].length + 1
            runs.pop()
        runs.append(Run(begin, length, css, f"{clock(begin)}–{clock(begin + length)}: {words}"))
    return runs


def _legend(lanes: tuple[Lane, ...]) -> tuple[LegendEntry, ...]:
    """One entry for each colour the lanes show, naming what it meant in them; blank stretches
    (not known, or nothing to mark) share one entry."""
    words: dict[str, list[str]] = {}
    for lane in lanes:
        for run in lane.runs:
            said = run.label.partition(": ")[2]
            key = "none" if run.state == "unknown" else run.state
            if said not in words.setdefault(key, []):
                words[key].append(said)
    return tuple(
        LegendEntry(state, ("blank: " if state == "none" else "") + ", ".join(words[state]))
        for state in LEGEND_ORDER
        if state in words
    )


def _links(moments: tuple[Moment, ...]) -> list[MomentLink]:
    return [MomentLink(m.start, f"{clock(m.start)}–{clock(m.end)} {m.what}") for m in moments]
