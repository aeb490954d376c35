"""A mock interview that coaches: how it is set up from the job and the profile, the short
report shown after each answer, and the summary at its end.

- `mock_setup`: field, level, company and role, from the job when there is one, else from the
  profile's target role and industry; each says where it came from.
- `short_report`: the few figures and the first tip of one answer's stored analysis (the full
  report is the answer's own page). A plan's STAR parts are counted of those a plan is judged
  on (`PLAN_PARTS`, its action) and no number in its result is asked, as its report says. An
  answer to a question asking for neither a story nor a plan (`relevance.asked_for`: "Where do
  you see yourself in five years?") is counted on no STAR part and no number, has no measured
  figure (`answer.measured_rating` weighs STAR parts and a number: a trial's good answer
  measured "1 of 5 · 0 of 4 STAR parts · no number") and no tip asking for a story's parts
  (`tips.asks_for_story_parts`), here or in the next steps. A part the reader can't tell
  about (`present` None with its nearest sentence, `unsure`) is named as such beside the parts
  found ("3 of 4 STAR parts (prepcoach can't tell about the result)"), never counted found or
  missing; a part not heard (`present` None without it) leaves the parts uncounted, and the
  row says why.
- `question_state`: where a question of the mock stands from the answers given to it: its
  answer is the latest first answer that did not fail (one given again after a failure stands,
  even once the failed one is analysed again), so a failed one (an empty recording, a failed
  analysis) leaves the question, or its follow-up, to answer again, the failed answer kept;
  `questions_answered` counts for the progress bar the questions so answered.
- `answer_label`: what an answer is, for the link to it ("typed answer, 84 words", "recorded
  answer, 1:42"), so the summary's links can be told apart.
- `summarise_mock`: each answer once, in the order given (follow-ups under their question),
  with its figures; every question not answered listed as such; the answer that went best and
  why (never one the relevance verdict says missed its question); and the next things to
  practise: the improvement rules (`coach.improvement`) over this mock's answers, led by
  "answer the question that was asked" when the relevance verdict says an answer missed it,
  then the tips its answers share (less those an area already says), then the questions left
  unanswered. Each answer's figures carry the verdict with its quote. A part a follow-up of
  the same mock asked for and got (`follow_up_answer.FollowUpAnswer.given`: "What changed, in
  numbers?" answered with one) is credited where a step asks for it of the answer it followed
  up (`given_when_asked`, `_credited`): the step says it came only when asked and quotes the
  follow-up's words, never "Put a number on the result" as if no number was ever given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prepcoach.coach.answer import asks_for_plan, unmeasured_for
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.feedback import clock
from prepcoach.coach.fillers_said import (
    NOT_COUNTED,
    TYPED_NOT_WEIGHED,
    FillersSaid,
    fillers_said,
)
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up, measured_of
from prepcoach.coach.improvement import ASKED_AREAS, RULES, improvement_areas
from prepcoach.coach.questions import field_for_role
from prepcoach.coach.relevance import NOT_IN_A_PLAN, Asks, asked_for, cant_tell_said, comes_near
from prepcoach.coach.text import clip, closing_stop
from prepcoach.coach.tips import asks_for_story_parts

# Words of a job title that say its level, checked in this order ("Senior lead" is lead).
# A seniority word beats a role noun: "Senior Product Manager" is senior, "Junior account
# manager" junior. "Manager" alone says no level: a product, account or customer success
# manager often manages no one (a trial's "Customer Success Manager (Mid-Market)" was set up
# as "Lead or manager"), so the title leaves it open ("any") for the user to set.
LEVEL_WORDS = (
    ("lead", r"lead|head of|principal|director|chief"),
    # "Staff" is a level in tech ("Staff engineer"), not in a "Staff nurse" (a ward's nurse).
    ("senior", r"senior|sr\.?|staff (?:[\w-]+ ){0,2}(?:engineer|scientist|designer|developer|"
               r"architect|manager)"),
    ("junior", r"junior|jr\.?|graduate|entry[- ]level|intern|trainee|apprentice|assistant"),
    ("mid", r"mid[- ]level|intermediate"),
)  # fmt: skip
LEVEL_RES = tuple(
    (level, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for level, words in LEVEL_WORDS
)
NEXT_STEPS = 3  # things to practise named at the end
STAR_PARTS = ("situation", "task", "action", "result")
# The parts a plan is judged on (`relevance.NOT_IN_A_PLAN`: a plan has no situation, task or
# result of its own), as `answer.measured_rating` and the report's STAR card judge it.
PLAN_PARTS = tuple(p for p in STAR_PARTS if p not in NOT_IN_A_PLAN)


def level_for_role(role: str) -> str:
    """The bank's level for a job title ("Senior data analyst" → "senior"), "any" if unsaid."""
    return next((level for level, words in LEVEL_RES if words.search(role)), "any")


@dataclass(frozen=True, slots=True)
class MockSetup:
    company: str
    role: str
    field: str  # a bank field, "general" when the role names none
    seniority: str  # a bank level, "any" when the role names none
    source: str  # "job", "profile" or "" (nothing to go on)


def mock_setup(
    job_company: str = "", job_role: str = "", profile_role: str = "", profile_industry: str = ""
) -> MockSetup:
    """The job's company and role when there is a job, else the profile's target role; the
    field from the role (else the industry), the level from the role's words."""
    if job_role.strip() or job_company.strip():
        role, company, source = job_role.strip(), job_company.strip(), "job"
    elif profile_role.strip():
        role, company, source = profile_role.strip(), "", "profile"
    else:
        role, company, source = "", "", ""
    field = field_for_role(role) or field_for_role(profile_industry) or "general"
    return MockSetup(company, role, field, level_for_role(role), source)


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


def short_report(
    analysis: Mapping[str, Any] | None,
    asks: Asks | None = None,
    follow_up: str | None = None,
    first: Mapping[str, Any] | None = None,
    spoken: bool | None = None,
) -> Figures | None:
    """The short report shown inside the mock after an answer: its figures and first tip
    (`figures_of`, by what its question asks for, and a follow-up's by what it asked for;
    `spoken`: recorded, not typed)."""
    return figures_of(analysis, asks, follow_up, first, spoken)


@dataclass(frozen=True, slots=True)
class MockAnswer:
    """One answer of a mock: `number` the question it belongs to (1-based; 0 when it matches
    none), `follow_up` whether it answers a follow-up, `status` the answer's state."""

    ref: Hashable
    number: int
    question: str
    follow_up: bool
    status: str
    analysis: Mapping[str, Any] | None = None
    when: dt.date | None = None
    # What its question asks for (`relevance.asked_for`; a follow-up's, its question's, as
    # `feedback.subjects.answer_asks` says); None: by `asked_for` of its own question and
    # analysis, or for a follow-up as its analysis alone reads it (`figures_of`).
    asks: Asks | None = None
    # A follow-up's: the stored analysis of the answer it follows up (None when not read), over
    # which with its own the story's parts are read (`follow_up_answer.judge_follow_up`).
    first: Mapping[str, Any] | None = None
    # A follow-up's: the ref of the answer it follows up (the attempt's `follow_up_to`); None:
    # deleted, when it follows up no answer of the mock (`_first_answers`).
    follows: Hashable | None = None
    # The words of a typed answer; 0 for a recording, which has no typed text (one that failed
    # before any of it arrived has no file either: it is still a recording).
    typed_words: int = 0
    # It could not be saved or read (nothing of the recording arrived, it ran too long, the
    # analysis failed): kept, but it answers nothing (`question_state`).
    failed: bool = False
    # Anything of it arrived (a recording's file, a typed answer's words); False for a
    # recording nothing of which arrived, which is said so, never "analysis failed".
    arrived: bool = True
    # Recorded, not typed; None: as its analysis reads it (a recording keeps its length). Its
    # fillers are said by it (`fillers_said`), never by whether a rate was stored.
    spoken: bool | None = None


NOTHING_ARRIVED = "recording (nothing arrived)"


def answer_label(answer: MockAnswer) -> str:
    """What an answer is, for the link to it, so two links never read alike for want of
    saying: "typed answer, 84 words", "recorded answer, 1:42" (the recording's length, as its
    player shows it, once read), "recorded answer" (not read yet, or failed). The summary's
    links read "typed answer" or "recording" whatever they were, a tester could not tell them
    apart. A recording nothing of which arrived says so: "recording (nothing arrived)" (it was
    "recorded answer" beside "analysis failed", though there was nothing to analyse)."""
    if answer.failed and not answer.arrived and not answer.typed_words:
        return NOTHING_ARRIVED
    if answer.typed_words:
        return f"typed answer, {answer.typed_words} word{'s' * (answer.typed_words != 1)}"
    seconds = (answer.analysis or {}).get("duration_s")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        return f"recorded answer, {clock(float(seconds))}"
    return "recorded answer"


def figures_of_answer(answer: MockAnswer) -> Figures | None:
    """An answer's figures (`figures_of`): a follow-up's judged on what it asked for."""
    follow_up = answer.question if answer.follow_up else None
    return figures_of(answer.analysis, asks_of(answer), follow_up, answer.first, answer.spoken)


def row_status(answer: MockAnswer) -> str:
    """An answer's state on its row of the summary: its `status`, "" for a recording nothing of
    which arrived, whose label says so (`answer_label`), never "analysis failed"."""
    return "" if answer_label(answer) == NOTHING_ARRIVED else answer.status


def asks_of(answer: MockAnswer) -> Asks | None:
    """What `answer`'s question asks for, as `MockAnswer.asks` says."""
    if answer.asks is not None or answer.follow_up:
        return answer.asks
    return asked_for(answer.question, answer.analysis)


def questions_answered(answers: Iterable[tuple[int, bool] | tuple[int, bool, bool]]) -> int:
    """How many of a mock's questions are answered, for its progress bar: the questions with
    an answer that is not a follow-up's and did not fail. `answers`: each answer's question
    number (1-based; 0 when it matches no question of the mock, never counted), whether it
    answers a follow-up, which is more said to its question, not another answered, and
    (optional, False) whether it failed, which leaves its question to answer again
    (`question_state`). A skipped question has no answer; one answered twice counts once.
    (The bar showed the question's number less one: "0 of 3" after question 1 was answered,
    "2 of 3" after all three and a follow-up.)"""
    counted = set()
    for number, follow_up, *failed in answers:
        if number > 0 and not follow_up and not any(failed):
            counted.add(number)
    return len(counted)


@dataclass(frozen=True, slots=True)
class Given:
    """One answer given to a question of a mock, as its page weighs it: `follows` the ref of
    the answer it follows up (None for a first answer, or one whose first answer is gone),
    `failed` that it could not be saved or read (nothing of the recording arrived, it ran too
    long, the analysis failed). The answer is kept either way."""

    ref: Hashable
    follow_up: bool = False
    follows: Hashable | None = None
    failed: bool = False


@dataclass(frozen=True, slots=True)
class QuestionState:
    """Where one question of a mock stands (`question_state`): `answer` its answer, the latest
    of its first answers that did not fail (None: the question is open, to answer, or to
    answer again); `follow_up_answered` whether that answer's follow-up has an answer that did
    not fail; `again` the failed answer to answer again, where one is: the last failed first
    answer of an open question, else the last failed answer to the open follow-up."""

    answer: Hashable | None
    follow_up_answered: bool
    again: Hashable | None

    @property
    def open(self) -> bool:
        return self.answer is None


def question_state(given: Sequence[Given]) -> QuestionState:
    """Where a question stands from the answers given to it, oldest first (see
    `QuestionState`). A failed answer never closes its question nor its follow-up: a tester's
    empty recording, once the page was reloaded, stood as the question's answer, with no way
    to answer it again (only the recorder's Retake, gone with the page) and a follow-up asked
    of an answer nothing of which was heard."""
    firsts = [g for g in given if not g.follow_up]
    # The LATEST first answer that did not fail stands, not the first: the forms to answer
    # again are offered only once the question's answer failed, so an answer given after a
    # failure is the one the user chose to stand. A failed answer analysed again later ("Analyse
    # again" on its report) is kept, and read, but does not take over from the answer given
    # after it (a review found it did, its follow-up asked again of the old answer, the follow-up
    # already answered of the new one left aside).
    answer = next((g.ref for g in reversed(firsts) if not g.failed), None)
    if answer is None:
        failed = [g.ref for g in firsts if g.failed]
        return QuestionState(None, False, failed[-1] if failed else None)
    to_it = [g for g in given if g.follow_up and g.follows == answer]
    if any(not g.failed for g in to_it):
        return QuestionState(answer, True, None)
    failed = [g.ref for g in to_it if g.failed]
    return QuestionState(answer, False, failed[-1] if failed else None)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    number: int
    question: str
    ref: Hashable | None  # None: not answered
    follow_up: bool
    status: str  # the answer's state, or "not answered"
    figures: Figures | None
    label: str = ""  # what the answer is, for the link to it (`answer_label`); "" for none


@dataclass(frozen=True, slots=True)
class MockSummary:
    rows: tuple[SummaryRow, ...]
    answered: int  # answers that did not fail (a follow-up's among them)
    # Questions with no answer standing (`question_state`): none given, or all failed; of them,
    # `again` those whose answers all failed, to answer again. The summary counted a failed
    # answer as an answer and its question never "not answered", though the progress bar did
    # not count it and its row offered "Answer it again".
    unanswered: int
    best: SummaryRow | None
    best_why: str
    next_steps: tuple[str, ...]
    failed: int = 0  # answers that could not be saved or read, kept with the mock
    again: int = 0
    follow_ups: int = 0  # of `answered`, those to follow-ups

    @property
    def overview(self) -> str:
        """The count in words: "2 answers (1 to a follow-up) and 1 that could not be read; 1
        question not answered and 1 to answer again." (a trial's 3-question mock read "6
        answers." with nothing saying 3 were follow-ups)."""
        said = f"{self.answered} answer{'s' * (self.answered != 1)}"
        if self.follow_ups:
            said += f" ({self.follow_ups} to follow-up{'s' * (self.follow_ups != 1)})"
        if self.failed:
            said += f" and {self.failed} that could not be read"
        fresh = self.unanswered - self.again
        left = [f"{fresh} question{'s' * (fresh != 1)} not answered"] if fresh else []
        if self.again:
            noun = "" if fresh else f" question{'s' * (self.again != 1)}"
            left.append(f"{self.again}{noun} to answer again")
        return f"{said}; {' and '.join(left)}." if left else f"{said}."


def _why_best(figures: Figures) -> str:
    said = []
    if figures.plan:  # counted of the parts a plan is judged on, as the row says
        if figures.star_parts:
            said.append(figures.star_words)
    elif figures.star_parts == len(STAR_PARTS):
        said.append("all four STAR parts")
    elif figures.star_parts:
        # A part it can't tell about is said as such, never left to read as missing.
        unsure = f" ({figures.unsure_words})" if figures.unsure_words else ""
        said.append(f"{figures.star_parts} of the 4 STAR parts{unsure}")
    if figures.number:
        said.append("a result with a number")
    if not figures.tip:
        said.append("nothing that stood out to fix")
    return ", ".join(said) or "the best measured figure of this mock"


def _measured(row: SummaryRow) -> int:
    return row.figures.measured or 0 if row.figures else 0


def summarise_mock(
    questions: Sequence[str], answers: Sequence[MockAnswer], today: dt.date
) -> MockSummary:
    """The end of a mock (see the module). `questions` are the session's, in order;
    `answers` each appear once, already in the order a reader meets them."""
    once: dict[Hashable, MockAnswer] = {}
    for a in answers:
        once.setdefault(a.ref, a)  # an answer given twice is listed once, where first met
    answers = list(once.values())
    rows: list[SummaryRow] = []
    # Each question answered, not answered, or to answer again as its page says it
    # (`question_state`): an answer that failed answers nothing.
    unanswered: list[tuple[int, str, bool]] = []  # (number, question, to answer again)
    for number, text in enumerate(questions, start=1):
        mine = [a for a in answers if a.number == number]
        if not mine:
            rows.append(SummaryRow(number, text, None, False, "not answered", None))
        rows += [SummaryRow(number, a.question, a.ref, a.follow_up, row_status(a),
                            figures_of_answer(a), answer_label(a)) for a in mine]  # fmt: skip
        state = question_state([Given(a.ref, a.follow_up, a.follows, a.failed) for a in mine])
        if state.open:
            unanswered.append((number, text, any(not a.follow_up for a in mine)))
    rows += [SummaryRow(a.number, a.question, a.ref, a.follow_up, row_status(a),
                        figures_of_answer(a), answer_label(a))
             for a in answers if not 1 <= a.number <= len(questions)]  # fmt: skip
    failed = {a.ref for a in answers if a.failed}
    answered = [r for r in rows if r.ref is not None and r.ref not in failed]
    # An answer the verdict says missed its question did not go best, whatever its figure (at
    # most `answer.OFF_QUESTION_MOST`): its "all four STAR parts" would praise the wrong story.
    scored = [r for r in answered if r.figures is not None and r.figures.measured is not None
              and r.figures.relevance != "does not address"]  # fmt: skip
    best = max(scored, key=lambda r: (_measured(r), -rows.index(r)), default=None)
    best_why = _why_best(best.figures) if best is not None and best.figures else ""
    return MockSummary(
        tuple(rows), len(answered), len(unanswered), best, best_why,
        _next_steps([a for a in answers if not a.failed], unanswered, today),
        len(failed), sum(again for _, _, again in unanswered),
        sum(r.follow_up for r in answered),
    )  # fmt: skip


# Tips (by the start of their rule) that say what an area of the same answers already says:
# the area is named, the tip left out, so the summary gives each piece of advice once.
SAME_ADVICE = {
    "job_terms": "Job terms", "relevance": "Relevance", "fillers": "Fillers",
    "star_result": "STAR: the answer never says how it ended",
    "quantified": "STAR: the result has no number",
    "star_situation": "STAR: the answer never sets the scene",
    "star_task": "STAR: the answer never says what you had to do",
    "personal_action": "Ownership:",  # the area and the tip say the same: said once
}  # fmt: skip


QUOTE_CHARS = 140  # of a follow-up's words quoted in a next step


@dataclass(frozen=True, slots=True)
class GivenWhenAsked:
    """A part the answers to follow-ups of one mock asked for and got: `area` the improvement
    area of that part (`improvement.ASKED_AREAS`: "quantified" for a result with a number),
    `asked` it in words ("a result with a number"), `quote` the words of the first follow-up
    that gave it, `answers` the refs of the first answers those follow-ups followed up."""

    area: str
    asked: str
    quote: str
    answers: frozenset[Hashable]

    def said(self) -> str:
        """It came only when asked, with the follow-up's words: the evidence a step quotes."""
        quote = f" (“{clip(self.quote, QUOTE_CHARS)}”)" if self.quote else ""
        return f"{self.asked} came only when a follow-up asked for it{quote}"


def _first_answers(answer: MockAnswer, answers: Sequence[MockAnswer]) -> frozenset[Hashable]:
    """The first answer a follow-up follows up, through a follow-up of a follow-up, by its
    `follows` links; none when a link is gone (its first answer deleted) or leads out of
    `answers`. Never the first answers to its question by number: after a deletion the user
    may answer the question again, and that new answer was never followed up (a review found
    its "Put a number on the result" credited with the deleted answer's follow-up)."""
    by_ref = {a.ref: a for a in answers}
    seen: set[Hashable] = set()
    at: MockAnswer | None = answer
    while at is not None and at.follow_up and at.follows is not None and at.ref not in seen:
        seen.add(at.ref)
        at = by_ref.get(at.follows)
    if at is not None and not at.follow_up:
        return frozenset({at.ref})
    return frozenset()


def given_when_asked(
    answers: Sequence[MockAnswer], judged: Mapping[Hashable, FollowUpAnswer | None]
) -> dict[str, GivenWhenAsked]:
    """Each area whose part a follow-up of the mock asked for and got (`judged`: each answer's
    follow-up judgement, None for a first answer), by the area's key (see `GivenWhenAsked`);
    a follow-up that follows up no answer of the mock (`_first_answers`) credits none."""
    out: dict[str, GivenWhenAsked] = {}
    for answer in answers:
        follow = judged.get(answer.ref)
        if follow is None or not follow.asks_part or not follow.given:
            continue
        area = ASKED_AREAS.get(follow.part)
        if area is None:
            continue
        firsts = _first_answers(answer, answers)
        if not firsts:  # it follows up no answer of the mock: it credits none, nor lends words
            continue
        if area in out:
            found = out[area]
            out[area] = GivenWhenAsked(area, found.asked, found.quote, found.answers | firsts)
        else:
            out[area] = GivenWhenAsked(area, follow.asked, follow.quote, firsts)
    return out


TITLES = {rule.key: rule.title for rule in RULES}
# A tip's rule (by its start, `SAME_ADVICE`) to the area of the same part.
TIP_AREAS = {start: key for key, start in SAME_ADVICE.items()}


def _tip_area(rule: str) -> str | None:
    return next((key for start, key in TIP_AREAS.items() if rule.startswith(start)), None)


def _credited(area: str, given: GivenWhenAsked) -> str:
    """The step for a part every answer lacking it gave when a follow-up asked: "Put a number on
    the result before you are asked: a result with a number came only when a follow-up asked
    for it (“…”)"."""
    return f"{TITLES.get(area, given.asked)} before you are asked: {given.said()}"


def _next_steps(
    answers: Sequence[MockAnswer], unanswered: Sequence[tuple[int, str, bool]], today: dt.date
) -> tuple[str, ...]:
    # The answer to a follow-up is judged as the areas page judges it (`improvement`,
    # `AnswerFacts.follow_up`): one asking for a part counts for that part and for its delivery
    # (fillers, pace), never for the story's other parts, which are the first answer's. It had
    # been left out altogether, its fillers and pace with it.
    judged = {a.ref: _judged(a) for a in answers}
    facts = [
        AnswerFacts(a.ref, a.when or today, a.question, a.analysis, follow_up=a.follow_up)
        for a in answers
        if a.analysis and isinstance(a.analysis.get("star"), Mapping)
    ]
    missed = [a for a in answers if a.analysis and verdict_of(a.analysis)[0] == "does not address"]
    steps, covered = [], set()
    if missed:  # what was asked comes first: polish on an answer to another question is moot
        said = " and ".join(f"“{a.question}”" for a in missed[:2])
        more = f" (and {len(missed) - 2} more)" if len(missed) > 2 else ""
        steps.append(
            "Answer the question that was asked: prepcoach's check finds your answer"
            f"{'s' * (len(missed) > 1)} to {said}{more} "
            f"{'do not address them' if len(missed) > 1 else 'does not address it'}"
        )
        covered.add("Relevance")
    # A part a follow-up asked for and got: the answers it followed up gave it when asked. The
    # step on that part says so with the follow-up's words (all of its answers were followed
    # up so), or adds it (some were not); a trial's mock ended on "Put a number on the result"
    # after "What changed, in numbers?" was answered with one.
    given = given_when_asked(answers, judged)
    for area in improvement_areas(facts, [], today):
        if area.key == "relevance" and missed:
            continue
        step = f"{area.title}: {area.rule}"
        if (credit := given.get(area.key)) is not None:
            held = {e.ref for e in area.evidence if e.source == "answer"}
            if held and held <= credit.answers:
                step = _credited(area.key, credit)
            elif asked_of := held & credit.answers:
                step += f"; for {len(asked_of)} of them, {credit.said()}"
        steps.append(step)
        covered.add(SAME_ADVICE.get(area.key, area.key))
    # An answer to a question asking for neither a story nor a plan gives no tip asking for a
    # story's parts (`figures_of`): "Finish with the result" was a step from "Where do you see
    # yourself in five years?".
    # A follow-up's are those its judgement keeps (`tips_of`): never "Tell the whole story".
    tips: Counter[str] = Counter()  # each tip, by the answers it is for
    rescued: Counter[str] = Counter()  # of them, those that gave its part when a follow-up asked
    part_of: dict[str, str] = {}  # such a tip's area
    for a in answers:
        for found in tips_of(a.analysis, asks_of(a), judged[a.ref]) if a.analysis else ():
            text, rule = str(found.get("text", "")), str(found.get("rule", ""))
            if not text or rule.startswith(tuple(covered)):
                continue
            tips[text] += 1
            key = _tip_area(rule)
            if key in given and a.ref in given[key].answers:
                rescued[text] += 1
                part_of[text] = key
    for text, count in tips.most_common():
        step = text
        if rescued[text] == count:  # every answer it is for gave its part when asked
            step = _credited(part_of[text], given[part_of[text]])
        elif rescued[text]:  # some of the answers it is for, as an area's step says it
            step = f"{text.rstrip('.')}; for {rescued[text]} of them, {given[part_of[text]].said()}"
        if step not in steps:
            steps.append(step)
    # The question last, whole, in its quotation marks: "…you led.”: you left it" read as
    # stray punctuation to a new user.
    # A question whose answers all failed is to answer again, said so: it was never named.
    steps += [
        f"Answer again the question whose answer could not be read: “{question}”"
        f"{closing_stop(question)}"
        if again
        else f"Answer the question you left unanswered: “{question}”{closing_stop(question)}"
        for _, question, again in unanswered
    ]
    return tuple(_as_sentence(step) for step in steps[:NEXT_STEPS])


def _judged(answer: MockAnswer) -> FollowUpAnswer | None:
    if not answer.follow_up or not answer.analysis:
        return None
    return judge_follow_up(answer.question, answer.analysis, answer.first)


def _as_sentence(step: str) -> str:
    """A step ends as a sentence does (a trial saw some with a full stop and some without):
    with its own closing punctuation, or a full stop."""
    step = step.strip()
    return step if step.endswith((".", "!", "?", ".”", "?”", "!”")) else f"{step}."
