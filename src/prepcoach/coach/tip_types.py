"""A tip and what it rests on: the shapes every tip rule returns (`coach.tips`), in a module of
their own so rules kept beside their readings (`coach.weakness_tips`) need not import the rule
table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a tip rests on: words quoted (`said`: the answer's, or the job's own terms), shown
    in quotation marks, or a figure prepcoach measured, shown as it is (a new user read "216
    words a minute from here" in quotation marks as something they were supposed to have
    said). `start`: seconds into the recording, when known."""

    text: str
    start: float | None = None
    said: bool = True


@dataclass(frozen=True, slots=True)
class Tip:
    rule: str  # the rule that fired, in words
    text: str  # what to do
    evidence: tuple[Evidence, ...]
    weight: float  # how much it matters, to rank tips
