"""How an answer's figures move over the weeks: one mean per week for each metric.

A plan (an answer to a question asking what the user would do, `answer.asks_for_plan`: the
report's rule) is counted of the parts a plan is judged on (`mock_interview.PLAN_PARTS`, its
action), as its report and the mock count it, on a line of its own: counted of 4, a good plan
was a story missing three parts, and pulled the STAR line down."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean

from prepcoach.coach.answer import asks_for_plan
from prepcoach.coach.mock_interview import PLAN_PARTS, STAR_PARTS

METRICS = {
    "wpm": "Pace (words a minute)",
    "fillers_per_min": "Fillers a minute",
    "long_pauses": "Pauses of 3 s or more",
    "star_parts": f"STAR parts present (of {len(STAR_PARTS)})",
    "plan_parts": f"A plan's {' and '.join(PLAN_PARTS)} present (of {len(PLAN_PARTS)})",
    "duration_s": "Answer length (seconds)",
}
# The most each count of parts can be, for the chart's fixed scale.
PARTS_OUT_OF = {"star_parts": len(STAR_PARTS), "plan_parts": len(PLAN_PARTS)}


@dataclass(frozen=True, slots=True)
class Trend:
    metric: str
    label: str
    points: tuple[tuple[dt.date, float], ...]  # (Monday of the week, mean that week)

    @property
    def change(self) -> float | None:
        """Last week against the first, when there are two weeks to compare."""
        if len(self.points) < 2:
            return None
        return round(self.points[-1][1] - self.points[0][1], 2)


def figures(analysis: Mapping[str, object]) -> dict[str, float]:
    """The trend figures of one stored analysis (version 2 or 3); those it lacks or could not
    measure are left out."""
    out: dict[str, float] = {}
    withheld = analysis.get("withheld") or ()
    if isinstance(analysis.get("wpm"), (int, float)) and "pace" not in withheld:  # type: ignore[operator]
        out["wpm"] = float(analysis["wpm"])  # type: ignore[arg-type]
    fillers = analysis.get("fillers")
    if (
        isinstance(fillers, Mapping)
        and isinstance(fillers.get("per_min"), (int, float))
        and "fillers" not in withheld  # type: ignore[operator]
    ):
        out["fillers_per_min"] = float(fillers["per_min"])
    pauses = analysis.get("pauses")
    if isinstance(pauses, Mapping):
        out["long_pauses"] = float(pauses.get("long_count", 0))
    star = analysis.get("star")
    # A plan's parts are those a plan is judged on, counted on their own line.
    metric, parts = (
        ("plan_parts", PLAN_PARTS) if asks_for_plan(analysis) else ("star_parts", STAR_PARTS)
    )
    # A part that was not heard (None: speech lost or garbled) is unknown, not missing, so an
    # answer with one says nothing about the STAR trend.
    if (
        isinstance(star, Mapping)
        and "situation" in star
        and all(star[p]["present"] is not None for p in parts)
    ):
        out[metric] = float(sum(bool(star[p]["present"]) for p in parts))
    if isinstance(analysis.get("duration_s"), (int, float)):
        out["duration_s"] = float(analysis["duration_s"])  # type: ignore[arg-type]
    return out


def weekly(answers: Sequence[tuple[dt.date, Mapping[str, object]]]) -> list[Trend]:
    by_week: dict[str, dict[dt.date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for day, analysis in answers:
        monday = day - dt.timedelta(days=day.weekday())
        for metric, value in figures(analysis).items():
            by_week[metric][monday].append(value)
    return [
        Trend(
            metric,
            label,
            tuple(
                (week, round(mean(values), 2)) for week, values in sorted(by_week[metric].items())
            ),
        )
        for metric, label in METRICS.items()
        if by_week.get(metric)
    ]
