"""A mock answer's figures (`Figures`, `figures_of`) and the short report shown after it
(`short_report`): the few figures and the first tip of one answer's stored analysis (the full
report is the answer's own page). A plan's STAR parts are counted of those a plan is judged on
(`PLAN_PARTS`, its action) and no number in its result is asked, as its report says. An answer
to a question asking for neither a story nor a plan (`relevance.asked_for`: "Where do you see
yourself in five years?") is counted on no STAR part and no number, has no measured figure
(`answer.measured_rating` weighs STAR parts and a number: a trial's good answer measured "1 of
5 · 0 of 4 STAR parts · no number") and no tip asking for a story's parts
(`tips.asks_for_story_parts`), here or in the next steps (`mock_next_steps`). A part the reader
can't tell about (`present` None with its nearest sentence, `unsure`) is named as such beside
the parts found ("3 of 4 STAR parts (prepcoach can't tell about the result)"), never counted
found or missing; a part not heard (`present` None without it) leaves the parts uncounted, and
the row says why. Each answer's figures carry the relevance verdict with its quote
(`verdict_of`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prepcoach.coach.answer import asks_for_plan, unmeasured_for
from prepcoach.coach.fillers_said import (
    NOT_COUNTED,
    TYPED_NOT_WEIGHED,
    FillersSaid,
    fillers_said,
)
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up, measured_of
from prepcoach.coach.relevance import NOT_IN_A_PLAN, Asks, cant_tell_said, comes_near
from prepcoach.coach.tips import asks_for_story_parts

STAR_PARTS = ("situation", "task", "action", "result")
# The parts a plan is judged on (`relevance.NOT_IN_A_PLAN`: a plan has no situation, task or
# result of its own), as `answer.measured_rating` and the report's STAR card judge it.
PLAN_PARTS = tuple(p for p in STAR_PARTS if p not in NOT_IN_A_PLAN)


def _parts_listed(parts: Sequence[str], article: str, last: str) -> str:
    """STAR parts in words, each after `article` and the last after `last`: "the task and the
    result", "its situation or its result"; the one part alone."""
    named = [f"{article} {part}" for part in parts]
    return f"{', '.join(named[:-1])} {last} {named[-1]}" if len(named) > 1 else named[0]


@dataclass(frozen=True, slots=True)
class Figures:
    """What one answer's analysis measured, for a row of the summary or the short report."""

    # 1-5 (`answer.measured_rating`: at most 2 off the question); None for an answer to a
    # question asking for neither a story nor a plan, which that figure would weigh on STAR
    measured: int | None
    # found, of the parts judged (`star_judged`); None when not read, when part of the answer
    # was not heard (`unread`), or when no story or plan is asked. A part the reader can't tell
    # about (`star_unsure`) is counted neither found nor missing.
    star_parts: int | None
    number: bool | None  # a result with a number; None when not read, for a plan, or neither
    fillers_per_min: float | None
    wpm: float | None
    words: int
    tip: str  # the first thing to work on, "" when nothing stands out
    # The relevance verdict: "addresses", "does not address", "can't tell" or "" (no question
    # or an analysis from before it), and the words it rests on (what ties it, or what the
    # answer talks about instead).
    relevance: str = ""
    relevance_quote: str = ""
    # The STAR parts the answer is judged on: all four, a plan's (`PLAN_PARTS`) when its
    # question asks what the user would do (`answer.asks_for_plan`, the report's rule), none
    # when it asks for neither a story nor a plan.
    star_judged: tuple[str, ...] = STAR_PARTS
    asks: Asks = "story"  # what its question asks for (`relevance.asked_for`)
    # The delivery figures `measured` weighs (`delivery_weighed`): none for a typed answer,
    # whose figure is its content alone.
    weighed: tuple[str, ...] = ()
    spoken: bool = False  # recorded, not typed
    # The judged parts the reader can't tell about (`present` None with the sentence nearest
    # to it, `unsure`): said as "can't tell", never counted found or missing.
    star_unsure: tuple[str, ...] = ()
    # Why no STAR parts are counted though a story or plan is asked, "" when they are: a part
    # lost with the speech (`present` None with no `unsure`: the report's "not heard"), or an
    # answer the reader could not read at all (`cannot_tell`: the report's "can't tell").
    unread: str = ""
    # The parts the reader can't tell about on which `measured` turns, so it gives no figure
    # (`answer.unmeasured_for`): said rather than leaving the row without one and without why.
    unmeasured: tuple[str, ...] = ()
    # For the answer to a follow-up, how it is judged (`follow_up_answer.judge_follow_up`): one
    # asking for a part is judged on that part, its STAR parts counted over the first answer
    # and this one together, with no measured figure; None for a first answer.
    follow_up: FollowUpAnswer | None = None
    # How "can't tell" is said after "Answers the question: " (`relevance.cant_tell_said`, as
    # the report says it: a follow-up's or a short answer's named why), "" for a verdict.
    relevance_said: str = ""
    # Its fillers as the answer's report says them (`fillers_said`): a recording's a minute, a
    # typed answer's counted in the text; None when the analysis keeps none.
    fillers: FillersSaid | None = None

    @property
    def fillers_words(self) -> str:
        """Its fillers in words, as its report's Fillers card says them ("0 fillers in the
        text" for a typed answer, "2.1 fillers a minute" for a recording), "" when they were
        not counted (the row says why the answer was not read) or not stored."""
        if self.fillers is None or self.fillers.unit == NOT_COUNTED:
            return ""
        return self.fillers.words

    @property
    def asked_words(self) -> str:
        """What the follow-up asked for and whether it was given ("Asked for: a result with a
        number — given: “…”"), "" for an answer to no follow-up asking for a part."""
        return self.follow_up.words if self.follow_up else ""

    @property
    def over_both(self) -> bool:
        """Its STAR parts are counted over the first answer and this one together."""
        return self.follow_up is not None and self.follow_up.story is not None

    @property
    def plan(self) -> bool:
        return self.asks == "plan"

    @property
    def not_counted(self) -> str:
        """Why no STAR parts (or number) are counted, "" when they are."""
        if self.asks == "neither":
            return (
                "no STAR parts or number counted: the question asks for neither a story nor a plan"
            )
        return f"no STAR parts counted: {self.unread}" if self.unread else ""

    @property
    def unsure_words(self) -> str:
        """The parts the reader can't tell about, in words ("prepcoach can't tell about the
        result"), "" for none."""
        if not self.star_unsure:
            return ""
        listed = _parts_listed(self.star_unsure, "the", "and")
        return f"prepcoach can't tell about {listed}"

    @property
    def unmeasured_words(self) -> str:
        """Why there is no measured figure where a part it can't tell about decides it: "no
        measured figure: prepcoach can't tell whether it has its result"; "" when there is one,
        or none for another reason (said by `not_counted`)."""
        if self.measured is None and self.follow_up and self.follow_up.asks_part:
            return self.follow_up.unmeasured
        if self.measured is not None or not self.unmeasured:
            return ""
        listed = _parts_listed(self.unmeasured, "its", "or")
        return f"no measured figure: prepcoach can't tell whether it has {listed}"

    @property
    def star_words(self) -> str:
        """The STAR parts found, counted of those judged: "3 of 4 STAR parts", or of a plan
        "the action (the one STAR part a plan is judged on)" (never "1 of 4 STAR parts"); the
        parts the reader can't tell about named after them, "3 of 4 STAR parts (prepcoach
        can't tell about the result)": neither found nor missing (the row had said nothing of
        STAR at all)."""
        unsure = f" ({self.unsure_words})" if self.unsure_words else ""
        both = " over the first answer and this one together" if self.over_both else ""
        if not self.plan:
            return f"{self.star_parts} of {len(STAR_PARTS)} STAR parts{both}{unsure}"
        if len(self.star_judged) == 1:
            if self.star_unsure:
                return f"{self.unsure_words} (the one STAR part a plan is judged on){both}"
            said = "the" if self.star_parts else "no"
            return f"{said} {self.star_judged[0]} (the one STAR part a plan is judged on){both}"
        return (
            f"{self.star_parts} of the {len(self.star_judged)} STAR parts a plan is judged on"
            f"{both}{unsure}"
        )

    @property
    def row_words(self) -> tuple[str, ...]:
        """The figures of a row of the summary, each in words, those not read left out."""
        said = [f"{self.measured} of 5"] if self.measured else []
        if self.asked_words:
            said.append(self.asked_words)
        if self.unmeasured_words:
            said.append(self.unmeasured_words)
        if self.not_counted:
            said.append(self.not_counted)
        if self.star_parts is not None:
            said.append(self.star_words)
        if self.number is not None:
            said.append("a number" if self.number else "no number")
        if self.fillers_words:
            said.append(self.fillers_words)
        if self.wpm is not None:
            said.append(f"{self.wpm:.0f} words a minute")
        return tuple(said)

    @property
    def measured_from(self) -> str:
        """What `measured` weighs, in words: a plan's steps, never a number in its result; the
        delivery figures it weighed, or that it weighed none (a trial's typed answer said
        "fillers and pace"). A typed answer has no pace, and its fillers are counted in its
        text, as its report's Fillers card says ("0 in the text"), but not weighed
        (`fillers_said.TYPED_NOT_WEIGHED`; the mock had said it had no fillers to measure)."""
        content = "the steps of the plan" if self.plan else "STAR parts and a number in the result"
        if self.weighed:
            listed = ", ".join(self.weighed[:-1])
            last = f"{listed} and {self.weighed[-1]}" if listed else self.weighed[-1]
            return f"{content}, and its {last}"
        if not self.spoken:
            return f"{content} alone: {TYPED_NOT_WEIGHED}"
        return f"{content} alone: too little of the recording was heard to measure its delivery"


def verdict_of(analysis: Mapping[str, Any]) -> tuple[str, str]:
    """The trained verdict of a stored analysis, in words, with its quote (see `Figures`)."""
    found = analysis.get("relevance")
    if not isinstance(found, Mapping):
        return "", ""
    if found.get("probability") is not None and found.get("addresses") is True:
        return "addresses", str(found.get("evidence") or "")
    if found.get("probability") is not None and found.get("addresses") is False:
        return "does not address", str(found.get("gist") or "")
    # Between the cuts a sentence is quoted only when it comes near the question, as the
    # report quotes it (`relevance.comes_near`): one far from it ties nothing.
    near = comes_near(found.get("score"))
    return "can't tell", str(found.get("evidence") or "") if near else ""


def _cant_tell_said(analysis: Mapping[str, Any]) -> str:
    found = analysis.get("relevance")
    withheld = analysis.get("withheld")
    return cant_tell_said(
        found if isinstance(found, Mapping) else {},
        [str(w) for w in withheld] if isinstance(withheld, list | tuple) else (),
    )


def delivery_weighed(analysis: Mapping[str, Any]) -> tuple[str, ...]:
    """The delivery figures `answer.measured_rating` weighs in a stored `analysis`, by the same
    tests, in words: a typed answer has none (no pace, fillers, pauses or length measured)."""
    pace, fillers = analysis.get("pace"), analysis.get("fillers")
    pauses, length = analysis.get("pauses"), analysis.get("length")
    withheld = analysis.get("withheld") or ()
    found = {
        "pace": isinstance(pace, dict) and bool(pace.get("verdict")),
        "fillers": isinstance(fillers, dict)
        and fillers.get("per_min") is not None
        and "fillers" not in withheld,
        "pauses": isinstance(pauses, dict),
        "length": isinstance(length, dict) and bool(length.get("verdict")),
    }
    return tuple(name for name, weighed in found.items() if weighed)


def figures_of(
    analysis: Mapping[str, Any] | None,
    asks: Asks | None = None,
    follow_up: str | None = None,
    first: Mapping[str, Any] | None = None,
    spoken: bool | None = None,
) -> Figures | None:
    """None for an answer not analysed (yet, or failed). `asks`: what its question asks for
    (`relevance.asked_for`; a follow-up's, its question's); None: as the analysis alone reads
    it (a plan by the kind it keeps, else a story). `follow_up`: the follow-up it answers
    (its words), with `first` the stored analysis of the answer it follows up (None when not
    read): judged on what it asked for (`follow_up_answer.judge_follow_up`). `spoken`: it was
    recorded, not typed (None: a recording's analysis keeps its length), which says how its
    fillers are said (`fillers_said`)."""
    if not analysis or not isinstance(analysis.get("star"), Mapping):
        return None
    follow = judge_follow_up(follow_up, analysis, first) if follow_up is not None else None
    # A follow-up asking for a part: the story's parts are read over both answers together.
    star: Mapping[str, Any] = follow.story if follow and follow.story else analysis["star"]
    if asks is None:
        asks = "plan" if asks_for_plan(analysis) else "story"
    judged = {"plan": PLAN_PARTS, "neither": ()}.get(asks, STAR_PARTS)
    found: dict[str, Mapping[str, Any]] = {
        p: star[p] if isinstance(star.get(p), Mapping) else {} for p in judged
    }
    # `present` None is "can't tell" where the reader quotes its nearest sentence (`unsure`),
    # else the part was not heard (or the whole answer could not be read): as the report's
    # STAR card tells them apart.
    unsure = tuple(p for p in judged if found[p].get("present") is None and "unsure" in found[p])
    lost = any(found[p].get("present") is None and "unsure" not in found[p] for p in judged)
    unread, why = "", analysis.get("cannot_tell")
    if lost:
        unread = (
            f"prepcoach could not read what the answer says ({why})"
            if why
            else "part of the answer was not heard"
        )
    untold = bool(follow and follow.asks_part and follow.story is None)
    told = asks == "story" and not untold  # a number is judged of the story told
    if untold:
        # Its own parts alone would score it as a whole story (a trial's "2 of 4 STAR parts").
        unread, lost = "the answer it follows up has not been read", True
    parts = None if not judged or lost else sum(bool(f.get("present")) for f in found.values())
    fillers = analysis.get("fillers")
    per_min = fillers.get("per_min") if isinstance(fillers, Mapping) else None
    wpm = analysis.get("wpm")
    tips = tips_of(analysis, asks, follow)
    transcript = analysis.get("transcript")
    relevance, quote = verdict_of(analysis)
    # A follow-up asking for a part has no 1-5 figure: it weighs parts it was not asked for
    # (`measured_of`, the one rule every face gives the figure by).
    measured = measured_of(analysis, asks, follow)
    if spoken is None:
        spoken = isinstance(analysis.get("duration_s"), (int, float))
    return Figures(
        measured, parts,
        star.get("quantified_result", {}).get("present") if told else None,
        float(per_min) if isinstance(per_min, (int, float)) else None,
        float(wpm) if isinstance(wpm, (int, float)) else None,
        len(transcript.split()) if isinstance(transcript, str) else 0,
        str(tips[0].get("text", "")) if tips else "",
        relevance, quote, judged, asks, delivery_weighed(analysis),
        spoken, unsure, unread,
        () if measured is None and follow and follow.asks_part else unmeasured_for(analysis, asks),
        follow, _cant_tell_said(analysis) if relevance == "can't tell" else "",
        fillers_said(analysis, spoken),
    )  # fmt: skip


def tips_of(
    analysis: Mapping[str, Any], asks: Asks | None, judged: FollowUpAnswer | None = None
) -> list[Mapping[str, Any]]:
    """The stored tips an answer keeps, by what its question asks for: none asking for a
    story's parts of an answer to a question asking for neither a story nor a plan; of a
    follow-up's, those its judgement keeps (`FollowUpAnswer.tips`: never "Tell the whole
    story", and for one asking for a part only tips on that part, "Answer what was asked"
    first when it is not given)."""
    tips = [
        tip
        for tip in analysis.get("tips") or []
        if isinstance(tip, Mapping)
        and not (asks == "neither" and asks_for_story_parts(str(tip.get("rule", ""))))
    ]
    if judged is None:
        return tips
    return judged.tips(tips, str(analysis.get("transcript") or ""))


# The short report shown inside the mock after an answer is its figures and first tip, by what
# its question asks for (and a follow-up's by what it asked for): `figures_of` under the name
# the views use.
short_report = figures_of
