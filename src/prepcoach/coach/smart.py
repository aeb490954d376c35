"""The SMART check: is a goal specific, measurable, attainable, relevant and time-bound?

`check_goal` is a pure function of the text, "today" and optional context. For each criterion
it returns a verdict, a one-sentence reason quoting the words it relied on, and a concrete fix;
it also names the goal's kind, its deadline and quantities, and proposes a rewrite that passes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from prepcoach.coach.deadlines import DateOrder, Deadline, find_deadline
from prepcoach.coach.goal_kind import GoalKind, KindGuess, classify_goal
from prepcoach.coach.goal_models import Prediction, predict, structure
from prepcoach.coach.goal_text import NOT_ENGLISH as GOAL_NOT_ENGLISH
from prepcoach.coach.goal_text import blank, date_words, span_of, unreadable
from prepcoach.coach.quantities import Quantity, find_quantities, without_codes
from prepcoach.coach.smart_fit import attainable, relevant
from prepcoach.coach.smart_rewrite import (
    DEFAULT_HORIZON,
    SET_DATE,
    format_date,
    proposed_date,
    remove_deadline_words,
    rewrite_goal,
)
from prepcoach.coach.smart_types import Criterion, SmartContext, Verdict
from prepcoach.coach.smart_words import (
    ACTION_RE,
    BARE_NUMBER_RE,
    COMPLETION_RE,
    CONCRETE_RE,
    GENERIC_OBJECTS,
    PROPER_NOUN_RE,
    QUALIFIER_RE,
    VAGUE_RE,
)
from prepcoach.coach.text import STOPWORDS, clip, quote, quote_all, words

MAX_GOAL_CHARS = 500  # a goal is a sentence or two; the "why" and the steps hold the rest


@dataclass(frozen=True, slots=True)
class SmartCheck:
    specific: Criterion
    measurable: Criterion
    attainable: Criterion
    relevant: Criterion
    time_bound: Criterion
    kind: GoalKind | None  # None: no kind fits, or prepcoach cannot tell
    kind_evidence: tuple[str, ...]
    deadline: dt.date | None
    deadline_phrase: str | None
    quantities: tuple[Quantity, ...]
    rewrite: str
    notes: tuple[str, ...] = field(default=())  # about the input itself (too long, empty)
    kind_reason: str = ""  # why that kind, or why none, quoting the goal's words
    # The date the rewrite ends with when it gives the goal a new one (a later date that fits,
    # or one where there was none or it passed): what "Use this version" sets the goal's to.
    rewrite_deadline: dt.date | None = None
    original: str = ""  # the goal's text as given, for `offers_rewrite`

    @property
    def criteria(self) -> dict[str, Criterion]:
        return {
            "specific": self.specific,
            "measurable": self.measurable,
            "attainable": self.attainable,
            "relevant": self.relevant,
            "time_bound": self.time_bound,
        }

    @property
    def met_count(self) -> int:
        return sum(c.verdict is Verdict.MET for c in self.criteria.values())

    @property
    def is_smart(self) -> bool:
        return self.met_count == 5

    @property
    def offers_rewrite(self) -> bool:
        """Whether there is a sharper version to offer: not for a SMART goal, one that cannot be
        read (another language, fillers), or one the rewrite only changes in capitals."""
        if self.is_smart or not self.rewrite.strip():
            return False
        if all(c.verdict is Verdict.UNSURE for c in self.criteria.values()):
            return False
        return not _same_words(self.rewrite, self.original)

    @property
    def unreadable(self) -> str | None:
        """Why no criterion could be read, when the one reason holds for all five (a goal in
        another language, only fillers, a web page's markup): said once, not five times under
        "0 of 5 met" (a trial's French goal), or None."""
        reasons = {c.reason for c in self.criteria.values()}
        unsure = all(c.verdict is Verdict.UNSURE for c in self.criteria.values())
        return reasons.pop() if unsure and len(reasons) == 1 else None

    @property
    def wording_misses(self) -> bool:
        """A criterion the goal's words decide is not met: editing the goal can fix it.
        Attainable is left out: its fixes are the week's hours and the plan's steps."""
        words = (self.specific, self.measurable, self.relevant, self.time_bound)
        return any(c.verdict is not Verdict.MET for c in words)

    def as_dict(self) -> dict[str, object]:
        """The JSON contract shared by `prepcoach smart --json` and the API."""
        return {
            **{name: c.as_dict() for name, c in self.criteria.items()},
            "type": self.kind.value if self.kind else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "quantities": [q.as_dict() for q in self.quantities],
            "rewrite": self.rewrite,
        }


def check_goal(
    text: str,
    today: dt.date | None = None,
    tz: str = "UTC",
    context: SmartContext | None = None,
) -> SmartCheck:
    """Judge a goal statement against the five SMART criteria."""
    context = context or SmartContext()
    if today is None:
        today = dt.datetime.now(zoneinfo.ZoneInfo(tz)).date()
    notes: list[str] = []
    original = text
    text = " ".join(text.split())
    if len(text) > MAX_GOAL_CHARS:
        notes.append(
            f"Only the first {MAX_GOAL_CHARS} characters were checked: keep the goal to a "
            "sentence or two and put the details in its steps."
        )
        text = text[:MAX_GOAL_CHARS]
    if not words(text):
        return _empty(original, today, context, notes)
    if (why := unreadable(text)) is not None:
        return _cannot_tell(original, why, today, context, notes)
    found = _assess(text, today, context)
    rewrite = rewrite_goal(
        text, found.deadline, found.feasible_by, today, context.date_order,
        timely=found.time_bound.verdict is Verdict.MET,
        specific=found.specific.verdict is Verdict.MET,
        measurable=found.measurable.verdict is Verdict.MET,
        kind=found.guess.kind, target_role=context.target_role,
    )  # fmt: skip
    if _fails_its_own_check(rewrite, text, found, today, context):
        rewrite = original  # none offered: the criteria's fixes say what to add
    return SmartCheck(
        specific=found.specific,
        measurable=found.measurable,
        attainable=found.attainable,
        relevant=found.relevant,
        time_bound=found.time_bound,
        kind=found.guess.kind,
        kind_evidence=found.guess.evidence,
        deadline=found.deadline.date if found.time_bound.verdict is Verdict.MET else None,
        deadline_phrase=found.deadline.phrase,
        quantities=found.quantities,
        rewrite=_offered(rewrite, original),
        rewrite_deadline=found.feasible_by
        or (
            None
            if found.time_bound.verdict is Verdict.MET
            else proposed_date(found.deadline, None, today, timely=False)
        ),
        notes=tuple(notes),
        kind_reason=found.guess.reason,
        original=original,
    )


def _fails_its_own_check(
    rewrite: str, text: str, found: Assessment, today: dt.date, context: SmartContext
) -> bool:
    """Whether a sharper version that leads with what to do ("Reach out to 3 people to network
    more…", `smart_rewrite`'s lead) still reads as not specific: a browser check used it and
    the panel said "“network more” says what to improve". Such a version is not offered; the
    specific criterion's fix says what to pin down. A version that keeps the goal's own words
    in front claims no more than they say, and is offered as before."""
    if found.specific.verdict is Verdict.MET or _same_words(rewrite, text):
        return False
    first = [w.casefold() for w in (rewrite.split()[:1] + text.split()[:1])]
    if len(first) < 2 or first[0] == first[1]:
        return False
    return _assess(rewrite, today, context).specific.verdict is Verdict.MISSING


def _offered(rewrite: str, original: str) -> str:
    """The rewrite, or the user's own text exactly when the rewrite differs from it only in
    capitals, spaces or a closing full stop: that is no sharper version to offer, and the
    panel offers one only when the two differ (`SmartCheck.offers_rewrite`)."""
    return original if _same_words(rewrite, original) else rewrite


def _same_words(one: str, other: str) -> bool:
    def plain(text: str) -> str:
        return " ".join(text.split()).strip(" .!?").casefold()

    return plain(one) == plain(other)


@dataclass(frozen=True, slots=True)
class Assessment:
    guess: KindGuess
    deadline: Deadline
    quantities: tuple[Quantity, ...]
    specific: Criterion
    measurable: Criterion
    time_bound: Criterion
    attainable: Criterion
    relevant: Criterion
    feasible_by: dt.date | None


def goal_inputs(
    text: str, today: dt.date, date_order: DateOrder | None = None
) -> tuple[str, list[float]]:
    """What the trained models read: the goal without its deadline's words (for the sentence
    embedding) and its structural features (`goal_models.STRUCTURE_NAMES`)."""
    deadline = find_deadline(text, today, date_order)
    skip = span_of(text, deadline.phrase)
    quantities = find_quantities(text, skip=[skip] if skip else [])
    core = _without_deadline(text, deadline)
    return core, structure(core, quantities)


def _without_deadline(text: str, deadline: Deadline) -> str:
    core = text
    for phrase in (deadline.phrase, deadline.vague):
        if phrase and phrase != SET_DATE:
            core = remove_deadline_words(core, phrase)
    return core or text


def _assess(text: str, today: dt.date, context: SmartContext) -> Assessment:
    deadline = find_deadline(text, today, context.date_order)
    words_deadline = deadline
    core = _without_deadline(text, words_deadline)
    guess = classify_goal(core)
    if context.deadline:
        # A saved target date is the goal's deadline: "within two weeks" in its words was
        # read on the day it was written, and must not slide forward every day after.
        problem = None
        if context.deadline < today:
            problem = f"The target date you set, {format_date(context.deadline)}, is in the past."
        deadline = Deadline(context.deadline, SET_DATE, problem)
    skip = span_of(text, words_deadline.phrase)
    read = find_quantities(text, skip=[skip] if skip else [])
    # The models read what they were trained on; the verdicts' words, the target and the
    # estimate leave out a code's number ("PL-300" counts no "300 Power BI exam").
    struct = structure(core, read)
    quantities = tuple(without_codes(text, read))
    fits, feasible_by = attainable(deadline, quantities, today, context)
    return Assessment(
        guess=guess,
        deadline=deadline,
        quantities=quantities,
        specific=_by_model(
            "specific", core, struct, _specific(text, quantities, words_deadline), quantities
        ),
        measurable=_by_model(
            "measurable",
            core,
            struct,
            _measurable(blank(text, skip), quantities, guess.kind),
            quantities,
        ),
        time_bound=_time_bound(deadline, today, words_deadline),
        attainable=fits,
        relevant=relevant(text, context),
        feasible_by=feasible_by,
    )


CLOSE_CALL = 0.65  # a model verdict less sure than this says so


def _by_model(
    name: str, text: str, struct: list[float], by_words: Criterion, quantities: tuple[Quantity, ...]
) -> Criterion:
    """The trained model's verdict, with the reason quoting the words. Where the words alone
    (the old cue lists) agree, their reason stands; where they do not, the reason quotes what
    the model's verdict rests on. Without the model, the words decide."""
    prediction = predict(name, text, struct)
    if prediction is None:
        return by_words
    verdict = Verdict.MET if prediction.label == "met" else Verdict.MISSING
    close = _close(prediction)
    if verdict is by_words.verdict:
        return Criterion(verdict, by_words.reason + close, by_words.fix)
    fix = by_words.fix or FIXES[name]
    if name == "specific":
        if verdict is Verdict.MET:
            return Criterion(
                verdict, f"It names what you will do, and to what: {quote(clip(text))}.{close}"
            )
        return Criterion(
            verdict,
            f"{quote(clip(text))} does not pin down which, how many or about what.{close}",
            fix,
        )
    if verdict is Verdict.MET:
        completion = COMPLETION_RE.search(text)
        said = clip(completion.group(0)) if completion else clip(text)
        return Criterion(verdict, f"It is done or not done: {quote(said)}.{close}")
    counted = [q.text for q in quantities]
    extra = f" ({quote_all(counted)} does not measure the goal itself)" if counted else ""
    return Criterion(
        verdict, f"There is no count or finish line to check it against{extra}.{close}", fix
    )


FIXES = {
    "specific": "Say exactly what you will do, and how many or which.",
    "measurable": "Add a number or a finish line you can tick off.",
}


def _close(prediction: Prediction) -> str:
    if prediction.probability >= CLOSE_CALL:
        return ""
    return f" A close call: prepcoach is {prediction.probability:.0%} sure."


def _empty(text: str, today: dt.date, context: SmartContext, notes: list[str]) -> SmartCheck:
    reason = "There is no goal yet: type what you want to achieve."
    if text.strip():
        reason = f"{quote(clip(text, 20))} has no words to check: describe the goal in words."
    missing = Criterion(
        Verdict.MISSING, reason, "Start with what you will do, e.g. “Do 3 mock interviews”."
    )
    rewrite = f"Do one thing you can count by {format_date(today + DEFAULT_HORIZON)}"
    return SmartCheck(missing, missing, missing, missing, missing, None, (), None, None, (),
                      rewrite, tuple(notes), "There is no goal to read a kind from.",
                      original=text)  # fmt: skip


def _cannot_tell(
    text: str, why: str, today: dt.date, context: SmartContext, notes: list[str]
) -> SmartCheck:
    # Only another language is fixed by writing in English: fillers or a web page's HTML are
    # fixed by saying the goal ("Write the goal in English" was the fix for "um uh um").
    fix = (
        "Write the goal in English, e.g. “Do 3 mock interviews by Friday”."
        if why.endswith(GOAL_NOT_ENGLISH)
        else "Say what you will do and by when, e.g. “Do 3 mock interviews by Friday”."
    )
    unsure = Criterion(Verdict.UNSURE, why, fix)
    # No rewrite: the user's own text, unchanged, so that no "sharper version" is offered
    # (an English one appended "by 3 January 2027" to a goal in French).
    return SmartCheck(unsure, unsure, unsure, unsure, unsure, None, (), None, None, (),
                      text, tuple(notes), why, original=text)  # fmt: skip


# --- the five criteria ---------------------------------------------------------------------


def _specific(text: str, quantities: tuple[Quantity, ...], deadline: Deadline) -> Criterion:
    """Specific: a concrete action on a concrete object, with a detail that pins it down
    (how many, which one, about what). "Solve SQL problems" names the activity but could mean
    anything; "Solve 15 SQL window-function problems" cannot."""
    vague = [m.group(0) for m in VAGUE_RE.finditer(text)]
    actions = [m.group(0) for m in ACTION_RE.finditer(text)]
    concrete = [m.group(0) for m in CONCRETE_RE.finditer(text)]
    counted = [q.text for q in quantities if not q.frequency and q.unit != "%"]
    names = [
        a or b for a, b in PROPER_NOUN_RE.findall(text) if (a or b) not in date_words(deadline)
    ]
    detail = counted + names + _qualifiers(text, deadline)
    fix = (
        "Say exactly what you will do, and how many or which, "
        "e.g. “Write 5 STAR stories about leading a project”."
    )
    if len(words(text)) < 3:
        return Criterion(
            Verdict.MISSING, f"{quote(text)} is too short to say what you will do.", fix
        )
    if vague and not (actions and concrete and detail):
        return Criterion(
            Verdict.MISSING, f"{quote(vague[0])} says what to improve, not what you will do.", fix
        )
    if (actions or counted) and (concrete or counted or names) and detail:
        evidence = [*actions[:1], *counted[:1], *names[:1], *concrete[:1]]
        return Criterion(
            Verdict.MET, f"It says what you will do, and to what: {quote_all(evidence)}.", ""
        )
    if actions and concrete:
        return Criterion(
            Verdict.MISSING,
            f"{quote_all([actions[0], concrete[0]])} names the activity, not which or how many.",
            fix,
        )
    if actions:
        return Criterion(
            Verdict.MISSING,
            f"It says what you will do ({quote(actions[0])}) but not exactly what to.",
            "Name the thing: which questions, company, skill or people.",
        )
    return Criterion(
        Verdict.MISSING,
        f"Nothing in {quote(clip(text))} names an action on something concrete.",
        fix,
    )


def _qualifiers(text: str, deadline: Deadline) -> list[str]:
    """Phrases that pin an object down: "about leadership", "on graphs", "each requirement"."""
    found = []
    dated = {w.lower() for w in date_words(deadline)}
    for match in QUALIFIER_RE.finditer(text):
        phrase = match.group("what") or match.group("each") or ""
        meaningful = [
            w for w in phrase.lower().split()
            if w not in GENERIC_OBJECTS and w not in dated and w not in STOPWORDS
        ]  # fmt: skip
        if meaningful:
            found.append(match.group(0))
    return found


def _measurable(text: str, quantities: tuple[Quantity, ...], kind: GoalKind | None) -> Criterion:
    fix = MEASURABLE_FIXES.get(kind, FIXES["measurable"]) if kind else FIXES["measurable"]
    if quantities:
        return Criterion(
            Verdict.MET, f"You can count it: {quote_all(q.text for q in quantities)}.", ""
        )
    completion = COMPLETION_RE.search(text)
    if completion:
        return Criterion(
            Verdict.MET, f"It is done or not done: {quote(clip(completion.group(0)))}.", ""
        )
    bare = BARE_NUMBER_RE.search(text)
    if bare:
        return Criterion(
            Verdict.UNSURE, f"{quote(bare.group(0))} is a number, but of what is not clear.", fix
        )
    return Criterion(Verdict.MISSING, "There is no number or finish line to check it against.", fix)


MEASURABLE_FIXES = {
    GoalKind.BEHAVIORAL: "Add a count or a target, e.g. “3 recorded mock interviews” or "
    "“under 3 fillers per minute”.",
    GoalKind.KNOWLEDGE: "Add a count, e.g. “at least 5 key facts with sources”.",
    GoalKind.SKILLS: "Add a count, e.g. “10 practice problems” or “4 sessions of 45 minutes”.",
    GoalKind.NETWORKING: "Add a count, e.g. “contact 5 people” or “2 coffee chats”.",
}  # fmt: skip


def _time_bound(deadline: Deadline, today: dt.date, in_words: Deadline | None = None) -> Criterion:
    # The date the rewrite proposes: the one a "Did you mean …?" names, if the problem asks.
    example = f"e.g. “by {format_date(proposed_date(deadline, None, today, timely=False))}”"
    if deadline.problem:
        return Criterion(
            Verdict.MISSING, deadline.problem, f"Pick a date from today on, {example}."
        )
    if deadline.date and deadline.phrase == SET_DATE:
        due, said = f"Due {format_date(deadline.date)}", in_words.phrase if in_words else None
        if said and in_words and in_words.date == deadline.date:  # read from the goal's words
            return Criterion(Verdict.MET, f"{due}: from {quote(said)} in your goal.", "")
        if said:  # read on the day it was saved ("by Friday" then), or set beside the words
            return Criterion(
                Verdict.MET, f"{due}: saved with your goal, which says {quote(said)}.", ""
            )
        return Criterion(Verdict.MET, f"{due}: the target date you set.", "")
    if deadline.date:
        return Criterion(
            Verdict.MET,
            f"Due {format_date(deadline.date)}, from {quote(deadline.phrase or '')}.",
            "",
        )
    if deadline.vague:
        return Criterion(
            Verdict.MISSING, f"{quote(deadline.vague)} is not a date.", f"Give a date, {example}."
        )
    return Criterion(Verdict.MISSING, "There is no deadline.", f"Add one, {example}.")


MAX_TARGET = 999_999  # what a goal's target field holds; larger counts are not a plan


def target_quantity(check: SmartCheck) -> Quantity | None:
    """The number a measurable goal counts towards, when its words name exactly one: "3 mock
    interviews" yes, "4 practice sessions of 45 minutes" its 4 sessions (the 45 minutes are
    each one's size); "under 3 fillers per minute" (a ceiling), "every weekday" (a rhythm) or
    two different counts, no."""
    countable = [
        q for q in check.quantities
        if not q.frequency and not q.each and q.comparator in {"=", ">="}
        and 0 < q.value <= MAX_TARGET
    ]  # fmt: skip
    return countable[0] if len(countable) == 1 else None


# Defined beside the rewrite, which proposes deadlines; callers keep importing them from here.
__all__ = ["DEFAULT_HORIZON", "SET_DATE", "Criterion", "SmartContext", "Verdict", "format_date"]
