"""The STAR story bank: what a story lacks, which competencies, values and job terms the bank
covers, and what changed between two answers to the same reflection prompt."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from prepcoach.coach.content import NUMBER_RE
from prepcoach.coach.text import content_words, stem, words

COMPETENCIES = (
    "leadership", "conflict", "failure", "teamwork", "ownership", "communication", "influence",
    "adaptability", "problem solving", "customer focus", "prioritisation", "ethics",
)  # fmt: skip
PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class StoryCheck:
    missing: tuple[str, ...]  # STAR parts left empty or too thin to count
    result_has_number: bool
    flags: tuple[str, ...]  # what to fix, in words

    @property
    def complete(self) -> bool:
        return not self.missing and self.result_has_number


def check_story(parts: dict[str, str], metrics: str = "") -> StoryCheck:
    missing = tuple(p for p in PARTS if len(words(parts.get(p, ""))) < 3)
    has_number = bool(
        NUMBER_RE.search(parts.get("result", ""))
        or NUMBER_RE.search(metrics)
        or any(ch.isdigit() for ch in metrics)
    )
    flags = [f"Add the {p}: {HINTS[p]}" for p in missing]
    if "result" not in missing and not has_number:
        flags.append(
            "Put a number on the result (how much, how many, how fast), or add it under metrics."
        )
    return StoryCheck(missing, has_number, tuple(flags))


HINTS = {
    "situation": "where you were and what was at stake.",
    "task": "what you were responsible for.",
    "action": "what you did yourself, step by step.",
    "result": "how it ended and what changed.",
}


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: Hashable
    title: str
    text: str  # all its parts together
    competencies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    target: str  # a competency, value or job term
    kind: str  # "competency", "value" or "job term"
    stories: tuple[Hashable, ...]

    @property
    def gap(self) -> bool:
        return not self.stories


def coverage(stories: Sequence[StoryInfo], values: Sequence[str] = (), terms: Sequence[str] = (),
             competencies: Sequence[str] = COMPETENCIES) -> list[CoverageRow]:  # fmt: skip
    """Which stories speak to each competency (tagged, or named in the story), value and term."""
    stems = {s.id: {stem(w) for w in words(s.text.lower())} for s in stories}

    def mentions(story: StoryInfo, target: str) -> bool:
        needed = {stem(w) for w in words(target.lower())} - {"of", "and", "the"}
        return bool(needed) and needed <= stems[story.id]

    rows = [
        CoverageRow(
            c, "competency", tuple(s.id for s in stories if c in s.competencies or mentions(s, c))
        )
        for c in competencies
    ]
    rows += [
        CoverageRow(v, "value", tuple(s.id for s in stories if mentions(s, v)))
        for v in values
        if v.strip()
    ]
    rows += [
        CoverageRow(t, "job term", tuple(s.id for s in stories if mentions(s, t))) for t in terms
    ]
    return rows


@dataclass(frozen=True, slots=True)
class Shift:
    new: tuple[str, ...]  # words the later answer brings in
    dropped: tuple[str, ...]  # words the earlier answer had and the later one lost


def shift(earlier: str, later: str, limit: int = 8) -> Shift:
    before, after = content_words(earlier), content_words(later)
    return Shift(tuple(sorted(after - before))[:limit], tuple(sorted(before - after))[:limit])
