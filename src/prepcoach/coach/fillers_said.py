"""How an answer's fillers are said, in one set of words for every face that says them: a
recording's as a rate ("2.1 fillers a minute"), a typed answer's as a count in its text ("0
fillers in the text": typed words have fillers to count, "um" typed as "um", but no time to
divide them by), and none for an answer that does not read as English (its "um" is no filler:
`answer.AnswerAnalysis.fillers_uncounted`). The answer's report says the same on its Fillers
card (the count over "in the text", or over "2.1 a minute"); the mock's short report said "a
typed answer has no pace or fillers to measure" of the answer whose report counted "Fillers 0
in the text".

Whether the answer was spoken is said by the caller (`spoken`), never guessed from a rate
missing: a recording's analysis without one (an older or partial analysis) said its fillers
were "in the text". Its count is then said as heard "in the recording".

Counted is not weighed: `answer.measured_rating` weighs fillers only as a rate, so a typed
answer's 1-5 figure weighs none (`TYPED_NOT_WEIGHED`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

A_MINUTE = "a minute"  # a recording's fillers: a rate over its speech
IN_THE_TEXT = "in the text"  # a typed answer's: a count, with no time to divide by
IN_THE_RECORDING = "in the recording"  # a recording's whose rate was not stored: a count
NOT_COUNTED = "not counted: the answer does not read as English"
# What a typed answer's 1-5 figure leaves out, after "the STAR parts … alone: ".
TYPED_NOT_WEIGHED = (
    f"a typed answer has no pace to measure, and its fillers are counted {IN_THE_TEXT}, not weighed"
)


@dataclass(frozen=True, slots=True)
class FillersSaid:
    """An answer's fillers as they are said: `count` None when not counted (not English),
    `per_min` None for a typed answer (no time) or where the rate was not measured, `spoken`
    that the answer was recorded (its count without a rate is "in the recording")."""

    count: int | None
    per_min: float | None
    spoken: bool = False

    @property
    def unit(self) -> str:
        """What the figure is of, after the count or the rate: "a minute", "in the text" ("in
        the recording" for a recording with no rate stored), or why there is no figure ("not
        counted: …")."""
        if self.per_min is not None:
            return A_MINUTE
        if self.count is None:
            return NOT_COUNTED
        return IN_THE_RECORDING if self.spoken else IN_THE_TEXT

    @property
    def words(self) -> str:
        """The figure in a line of its own: "2.1 fillers a minute", "0 fillers in the text", "1
        filler in the text", "3 fillers in the recording", "fillers not counted: the answer does
        not read as English"."""
        if self.per_min is not None:
            return f"{tenths(self.per_min)} fillers {A_MINUTE}"
        if self.count is None:
            return f"fillers {NOT_COUNTED}"
        return f"{self.count} filler{'s' * (self.count != 1)} {self.unit}"


def tenths(value: float) -> str:
    """A rate to one decimal, rounded half up as the report's `floatformat:1` rounds it (2.25
    is "2.3" on both, where Python's format gives "2.2")."""
    return str(Decimal(repr(float(value))).quantize(Decimal("0.1"), ROUND_HALF_UP))


def fillers_said(analysis: Mapping[str, Any] | None, spoken: bool = False) -> FillersSaid | None:
    """The fillers of a stored analysis as they are said, `spoken` whether the answer was
    recorded (not typed); None when it keeps none (an analysis from before fillers were
    stored, or none at all)."""
    fillers = (analysis or {}).get("fillers")
    if not isinstance(fillers, Mapping):
        return None
    count, per_min = fillers.get("count"), fillers.get("per_min")
    return FillersSaid(
        int(count) if isinstance(count, int | float) else None,
        float(per_min) if isinstance(per_min, int | float) else None,
        spoken,
    )
