"""How an answer's figures move over the weeks: one mean per week for each metric.

A plan (an answer to a question asking what the user would do, `answer.asks_for_plan`: the
report's rule) is counted of the parts a plan is judged on (`mock_interview.PLAN_PARTS`, its
action), as its report and the mock count it, on a line of its own: counted of 4, a good plan
was a story missing three parts, and pulled the STAR line down. An answer to a question asking
for neither a story nor a plan (`relevance.asked_for`: "Where do you see yourself in five
years?") is on neither line, and the STAR line says how many it left out (`Trend.left_out`):
it had counted such answers 0 of 4. An answer with a part of its line unknown (`present` None)
is on neither line either, and its line says how many it left out and why (`Trend.unsure`,
`Trend.not_heard`, `Trend.unread`: prepcoach can't tell whether it has the part, part of its
speech was not heard, or it could not be read at all), as `answer.measured_rating` gives it no
figure; they had been dropped without a word."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import cast

from prepcoach.coach.answer import asks_for_plan, thresholds
from prepcoach.coach.mock_interview import PLAN_PARTS, STAR_PARTS
from prepcoach.coach.relevance import Asks

# A plan's one part, its action, said as a person says it: its line is the share of the week's
# plans that give it (a trial's page said "A plan's action present (of 1)").
PLAN_LINE = (
    "Plans that say what you would do (share of the week's plans)"
    if PLAN_PARTS == ("action",)
    else f"Parts of a plan present (of {len(PLAN_PARTS)})"
)
METRICS = {
    "wpm": "Pace (words a minute)",
    "fillers_per_min": "Fillers a minute",
    # Named by the answers' own long-pause threshold (`pauses_label`), which the user sets.
    "long_pauses": "Long pauses",
    "star_parts": f"STAR parts present (of {len(STAR_PARTS)})",
    "plan_parts": PLAN_LINE,
    "duration_s": "Answer length (seconds)",
}
# The most each count of parts can be, for the chart's fixed scale.
PARTS_OUT_OF = {"star_parts": len(STAR_PARTS), "plan_parts": len(PLAN_PARTS)}
# Lines that count one part of each answer: a week's mean is the share of the week's answers
# that give it, said in percent (`percent`), as every other share is: the progress page said
# "Plans that say what you would do (share of the week's plans): 1".
SHARES = frozenset({"plan_parts"}) if PLAN_PARTS == ("action",) else frozenset()


def percent(share: float) -> str:
    """A share (0 to 1) in percent: "100 %", "67 %"."""
    return f"{round(share * 100)} %"


@dataclass(frozen=True, slots=True)
class Trend:
    metric: str
    label: str
    points: tuple[tuple[dt.date, float], ...]  # (Monday of the week, mean that week)
    # Answers this line leaves out by what their question asks (the STAR line: those asking for
    # neither a story nor a plan), said beside it as the areas page says its own.
    left_out: int = 0
    # Answers this line leaves out as a part it counts is unknown (`unknown_part`): one the
    # reader can't tell about, one not heard, or an answer that could not be read at all.
    unsure: int = 0
    not_heard: int = 0
    unread: int = 0
    # Answers to follow-ups that asked for one part ("What changed, in numbers?"): judged on
    # that part (`follow_up_answer`), so on no parts line, as the areas and the mock count them.
    part_asked: int = 0

    @property
    def left_out_words(self) -> str:
        """The answers the line leaves out and why, "" for none: "1 answer to a question asking
        for neither a story nor a plan; 2 answers, as prepcoach can't tell whether they have
        every part; 1 answer, as part of its speech was not heard"."""
        said = []
        if self.left_out == 1:
            said.append("1 answer to a question asking for neither a story nor a plan")
        elif self.left_out:
            said.append(
                f"{self.left_out} answers to questions asking for neither a story nor a plan"
            )
        if self.unsure:
            one = self.unsure == 1
            # A plan's line counts its action alone: whether it says what the user would do.
            whole = (
                f"{'it says' if one else 'they say'} what you would do"
                if self.metric == "plan_parts"
                else f"{'it has' if one else 'they have'} every part"
            )
            said.append(f"{_answers(self.unsure)}, as prepcoach can't tell whether {whole}")
        if self.not_heard:
            its = "its" if self.not_heard == 1 else "their"
            said.append(f"{_answers(self.not_heard)}, as part of {its} speech was not heard")
        if self.unread:
            said.append(f"{_answers(self.unread)} prepcoach could not read")
        if self.part_asked:
            to = "a follow-up" if self.part_asked == 1 else "follow-ups"
            said.append(f"{_answers(self.part_asked)} to {to} that asked for one part")
        return "; ".join(said)

    @property
    def share(self) -> bool:
        """Whether its points are shares of the week's answers (`SHARES`), said in percent."""
        return self.metric in SHARES

    @property
    def change(self) -> float | None:
        """Last week against the first, when there are two weeks to compare."""
        if len(self.points) < 2:
            return None
        return round(self.points[-1][1] - self.points[0][1], 2)


def _answers(count: int) -> str:
    return "1 answer" if count == 1 else f"{count} answers"


def _line(analysis: Mapping[str, object], asks: Asks | None) -> tuple[str, tuple[str, ...]]:
    """The parts line an answer is counted on and the parts it counts there: a plan's parts on
    their own line (`plan_parts`), else a story's (`star_parts`)."""
    plan = asks == "plan" if asks is not None else asks_for_plan(analysis)
    return ("plan_parts", PLAN_PARTS) if plan else ("star_parts", STAR_PARTS)


def unknown_part(analysis: Mapping[str, object], asks: Asks | None = None) -> str:
    """Why a stored analysis is left off its parts line, "" when it is counted there or is on
    none for another reason (no STAR parts kept, a question asking for neither a story nor a
    plan): a part its line counts has `present` None. "not_heard" where one was lost with the
    speech, "unread" where the answer could not be read at all (`content.cannot_tell`), both
    `present` None without `unsure`, as `answer.measured_rating` tells them from "unsure", a
    part the reader can't tell about (quoting its nearest sentence), which they outweigh."""
    star = analysis.get("star")
    if asks == "neither" or not isinstance(star, Mapping) or "situation" not in star:
        return ""
    unknown = [star[p] for p in _line(analysis, asks)[1] if star[p]["present"] is None]
    if any("unsure" not in part for part in unknown):
        return "unread" if analysis.get("cannot_tell") else "not_heard"
    return "unsure" if unknown else ""


def figures(analysis: Mapping[str, object], asks: Asks | None = None) -> dict[str, float]:
    """The trend figures of one stored analysis (version 2 or 3); those it lacks or could not
    measure are left out. `asks`: what its question asks for (`relevance.asked_for`; a
    follow-up's, its question's): one asking for neither a story nor a plan has no STAR or plan
    parts counted; None: as the analysis alone reads it (a plan by its kind, else a story)."""
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
    metric, parts = _line(analysis, asks)
    # A part whose `present` is None is unknown, neither found nor missing: not heard (speech
    # lost or garbled, or an answer that could not be read at all) or one the reader can't tell
    # about (`unsure`, quoting its nearest sentence). A count of parts would differ with it read
    # either way, so an answer with one says nothing about the STAR trend, as
    # `answer.measured_rating` gives no figure that would differ and the areas leave it unjudged;
    # its line says it left it out (`unknown_part`).
    if (
        asks != "neither"
        and isinstance(star, Mapping)
        and "situation" in star
        and not unknown_part(analysis, asks)
    ):
        out[metric] = float(sum(bool(star[p]["present"]) for p in parts))
    if isinstance(analysis.get("duration_s"), (int, float)):
        out["duration_s"] = float(analysis["duration_s"])  # type: ignore[arg-type]
    return out


Dated = tuple[dt.date, Mapping[str, object]]


def pauses_label(limits: Sequence[float]) -> str:
    """The long pauses' line named by the thresholds its answers were counted at (each
    analysis keeps the user's own, `answer.thresholds`), oldest first: "Pauses of 2.5 s or
    more", or, when the user changed it, the latest first and the others after (a trial's page
    said "3 s" whatever the user had set)."""
    seen = list(dict.fromkeys(reversed(limits)))  # the latest first
    if not seen:
        return METRICS["long_pauses"]
    if len(seen) == 1:
        return f"Pauses of {seen[0]:g} s or more"
    before = " or ".join(f"{limit:g} s" for limit in seen[1:])
    return f"Long pauses (of {seen[0]:g} s or more; of {before} or more before you changed it)"


def weekly(
    answers: Sequence[
        Dated
        | tuple[dt.date, Mapping[str, object], Asks | None]
        | tuple[dt.date, Mapping[str, object], Asks | None, bool]
    ],
) -> list[Trend]:
    """One mean a week of each figure (`figures`) over `answers`: (day, stored analysis), what
    its question asks for (`figures`' `asks`) where known, and whether it answers a follow-up
    that asked for one part (`follow_up_answer.FollowUpAnswer.asks_part`: on no parts line,
    its pace, fillers and pauses counted as any answer's, not its length). A figure no answer
    gives is left out, unless answers were left off its line (`Trend.left_out_words`): then its
    trend has no points."""
    by_week: dict[str, dict[dt.date, list[float]]] = defaultdict(lambda: defaultdict(list))
    left_out = 0
    # Answers left off a parts line as a part is unknown, by line and why (`unknown_part`).
    unknown: dict[str, Counter[str]] = defaultdict(Counter)
    limits: list[float] = []  # each counted long-pause figure's threshold, oldest first
    for day, analysis, *rest in answers:
        asks = cast("Asks | None", rest[0]) if rest else None
        part_asked = bool(rest[1]) if len(rest) > 1 else False
        line = _line(analysis, asks)[0]
        if part_asked:
            unknown[line]["part_asked"] += 1
        elif asks == "neither" and isinstance(analysis.get("star"), Mapping):
            left_out += 1  # read, and not counted on the STAR line
        elif why := unknown_part(analysis, asks):
            unknown[line][why] += 1
        monday = day - dt.timedelta(days=day.weekday())
        for metric, value in figures(analysis, asks).items():
            # Nor on the length line: a one-sentence answer to "What changed, in numbers?" would
            # pull the answers' length down (a review).
            if part_asked and (metric in PARTS_OUT_OF or metric == "duration_s"):
                continue
            by_week[metric][monday].append(value)
            if metric == "long_pauses":
                limits.append(float(thresholds(dict(analysis))["long_pause_s"]))
    return [
        Trend(
            metric,
            pauses_label(limits) if metric == "long_pauses" else label,
            tuple(
                (week, round(mean(values), 2)) for week, values in sorted(by_week[metric].items())
            ),
            left_out if metric == "star_parts" else 0,
            unsure=unknown[metric]["unsure"],
            not_heard=unknown[metric]["not_heard"],
            unread=unknown[metric]["unread"],
            part_asked=unknown[metric]["part_asked"],
        )
        for metric, label in METRICS.items()
        # A line whose every answer was left out is kept, with no points, so the page says
        # why it has none rather than leaving it off unsaid.
        if by_week.get(metric) or unknown[metric] or (left_out and metric == "star_parts")
    ]
