"""The SMART check: is a goal specific, measurable, attainable, relevant and time-bound?

`check_goal` is a pure function of the text, "today" and optional context. For each criterion
it returns a verdict, a one-sentence reason quoting the words it relied on, and a concrete fix;
it also names the goal's kind, its deadline and quantities, and proposes a rewrite that passes.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from enum import StrEnum

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.deadlines import Deadline, find_deadline
from prepcoach.coach.goal_kind import GoalKind, KindGuess, classify_goal
from prepcoach.coach.quantities import Quantity, find_quantities
from prepcoach.coach.smart_words import (
    ACTION_RE,
    BARE_NUMBER_RE,
    COMPLETION_RE,
    CONCRETE_RE,
    GENERIC_OBJECTS,
    HOURS_PER_UNIT,
    INTERVIEW_RE,
    PROPER_NOUN_RE,
    QUALIFIER_RE,
    ROLE_FAMILIES,
    VAGUE_RE,
)
from prepcoach.coach.text import STOPWORDS, clip, content_words, quote, quote_all, stem, words

MAX_GOAL_CHARS = 500  # a goal is a sentence or two; the "why" and the steps hold the rest
DEFAULT_HORIZON = dt.timedelta(weeks=4)  # a deadline to propose when the goal has none
SET_DATE = "the target date you set"  # the deadline came from the form, not the words


class Verdict(StrEnum):
    MET = "met"
    MISSING = "missing"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class Criterion:
    verdict: Verdict
    reason: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"verdict": self.verdict.value, "reason": self.reason, "fix": self.fix}


@dataclass(frozen=True, slots=True)
class SmartContext:
    """What else prepcoach knows about the person: all optional."""

    target_role: str = ""
    industry: str = ""
    job_description: str = ""
    company: str = ""
    planned_hours: float | None = None  # what the goal's steps add up to
    available_hours: float | None = None  # hours free before the deadline, if already known
    availability: WeeklyAvailability | None = None  # or the weekly hours to count them from
    deadline: dt.date | None = None  # a saved target date: it wins over the words


@dataclass(frozen=True, slots=True)
class SmartCheck:
    specific: Criterion
    measurable: Criterion
    attainable: Criterion
    relevant: Criterion
    time_bound: Criterion
    kind: GoalKind
    kind_evidence: tuple[str, ...]
    deadline: dt.date | None
    deadline_phrase: str | None
    quantities: tuple[Quantity, ...]
    rewrite: str
    notes: tuple[str, ...] = field(default=())  # about the input itself (too long, empty)

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

    def as_dict(self) -> dict[str, object]:
        """The JSON contract shared by `prepcoach smart --json` and the API."""
        return {
            **{name: c.as_dict() for name, c in self.criteria.items()},
            "type": self.kind.value,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "quantities": [q.as_dict() for q in self.quantities],
            "rewrite": self.rewrite,
        }


HORIZON_DAYS = 365  # a later date is not proposed as a fix: cutting the work is the advice
MAX_HOURS_A_DAY = 8.0  # beyond this, a preparation plan is not attainable beside a life


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
    found = _assess(text, today, context)
    rewrite = _rewrite(text, found, today, context)
    if not _passes(_assess(rewrite, today, context)):
        # An edit of strange input can still fail; the template for its kind never does.
        due = found.feasible_by or found.deadline.date or today + DEFAULT_HORIZON
        rewrite = f"{_template(found.guess.kind, context)} by {format_date(due)}"
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
        rewrite=rewrite,
        notes=tuple(notes),
    )


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


def _assess(text: str, today: dt.date, context: SmartContext) -> Assessment:
    guess = classify_goal(text)
    deadline = find_deadline(text, today)
    if context.deadline:
        # A saved target date is the goal's deadline: "within two weeks" in its words was
        # read on the day it was written, and must not slide forward every day after.
        problem = None
        if context.deadline < today:
            problem = f"The target date you set, {format_date(context.deadline)}, is in the past."
        deadline = Deadline(context.deadline, SET_DATE, problem)
    skip = _span_of(text, deadline.phrase)
    quantities = tuple(find_quantities(text, skip=[skip] if skip else []))
    attainable, feasible_by = _attainable(deadline, quantities, today, context)
    return Assessment(
        guess=guess,
        deadline=deadline,
        quantities=quantities,
        specific=_specific(text, quantities, deadline),
        measurable=_measurable(_blank(text, skip), quantities, guess.kind),
        time_bound=_time_bound(deadline, today),
        attainable=attainable,
        relevant=_relevant(text, context),
        feasible_by=feasible_by,
    )


def _passes(found: Assessment) -> bool:
    """What a rewrite must satisfy; attainable depends on a plan the text cannot change."""
    needed = (found.specific, found.measurable, found.time_bound)
    relevant_ok = found.relevant.verdict is not Verdict.MISSING
    return all(c.verdict is Verdict.MET for c in needed) and relevant_ok


def _empty(text: str, today: dt.date, context: SmartContext, notes: list[str]) -> SmartCheck:
    reason = "There is no goal yet: type what you want to achieve."
    if text.strip():
        reason = f"{quote(clip(text, 20))} has no words to check: describe the goal in words."
    missing = Criterion(
        Verdict.MISSING, reason, "Start with what you will do, e.g. “Do 3 mock interviews”."
    )
    guess = KindGuess(GoalKind.BEHAVIORAL, (), confident=False)
    rewrite = _template(guess.kind, context) + f" by {format_date(today + DEFAULT_HORIZON)}"
    return SmartCheck(missing, missing, missing, missing, missing, guess.kind, (), None, None, (),
                      rewrite, tuple(notes))  # fmt: skip


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
        a or b for a, b in PROPER_NOUN_RE.findall(text) if (a or b) not in _date_words(deadline)
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
    date_words = {w.lower() for w in _date_words(deadline)}
    for match in QUALIFIER_RE.finditer(text):
        phrase = match.group("what") or match.group("each") or ""
        meaningful = [
            w for w in phrase.lower().split()
            if w not in GENERIC_OBJECTS and w not in date_words and w not in STOPWORDS
        ]  # fmt: skip
        if meaningful:
            found.append(match.group(0))
    return found


def _measurable(text: str, quantities: tuple[Quantity, ...], kind: GoalKind) -> Criterion:
    fix = MEASURABLE_FIXES[kind]
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


def _role_family_words(text: str, target_text: str) -> list[str]:
    found = []
    for role_pattern, cues in ROLE_FAMILIES.items():
        if re.search(role_pattern, target_text, re.IGNORECASE):
            for cue in cues:
                # Short cues ("r", "go") must be whole words; longer ones may be stems.
                ending = r"\b" if len(cue) <= 3 else ""
                match = re.search(rf"\b{cue}{ending}", text, re.IGNORECASE)
                if match:
                    found.append(match.group(0))
    return found


def _time_bound(deadline: Deadline, today: dt.date) -> Criterion:
    example = f"e.g. “by {format_date(today + DEFAULT_HORIZON)}”"
    if deadline.problem:
        return Criterion(
            Verdict.MISSING, deadline.problem, f"Pick a date from today on, {example}."
        )
    if deadline.date and deadline.phrase == SET_DATE:
        return Criterion(
            Verdict.MET, f"Due {format_date(deadline.date)}: the target date you set.", ""
        )
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


def _attainable(
    deadline: Deadline, quantities: tuple[Quantity, ...], today: dt.date, context: SmartContext
) -> tuple[Criterion, dt.date | None]:
    """The verdict, and the earliest date the work would fit by when it does not fit now."""
    if deadline.date is None or deadline.problem:
        return _no_date(
            Criterion(
                Verdict.UNSURE,
                "Without a valid deadline there is no time to compare the work with.",
                "Add a deadline, then steps with time estimates.",
            )
        )
    days = (deadline.date - today).days + 1
    available = context.available_hours
    if available is None and context.availability and not context.availability.is_empty:
        available = context.availability.between(today, deadline.date)
    needed, source = context.planned_hours, "your plan's steps need"
    if needed is None:
        needed, source = _estimate_hours(quantities), "a rough estimate is"
    due = format_date(deadline.date)
    if needed is None:
        return _no_date(
            Criterion(
                Verdict.UNSURE,
                "Nothing says how much work it is, so it cannot be compared with your time "
                f"before {due}.",
                "Add steps with time estimates; prepcoach will check they fit your week.",
            )
        )
    if available is None:
        per_day = needed / days
        if per_day > MAX_HOURS_A_DAY:
            return _no_date(
                Criterion(
                    Verdict.MISSING,
                    f"{source.capitalize()} {needed:g} h in {days} day{'s' * (days != 1)}: "
                    f"{per_day:.1f} h a day.",
                    "Move the deadline or do less: aim for a few hours a day at most.",
                )
            )
        return _no_date(
            Criterion(
                Verdict.UNSURE,
                f"{source.capitalize()} {needed:g} h before {due}, "
                "but your weekly hours are not set.",
                "Set the hours you can give each weekday on your profile.",
            )
        )
    if needed <= available:
        return _no_date(
            Criterion(
                Verdict.MET,
                f"{source.capitalize()} {needed:g} h; you have {available:g} h before {due}.",
                "",
            )
        )
    short = needed - available
    feasible_by = _feasible_by(needed, today, context)
    fix = (
        f"Move the deadline to {format_date(feasible_by)}, or cut {short:g} h of work."
        if feasible_by
        else f"Cut {short:g} h of work or find more hours each week."
    )
    return Criterion(
        Verdict.MISSING,
        f"{source.capitalize()} {needed:g} h but you have {available:g} h before {due}: "
        f"{short:g} h short.",
        fix,
    ), feasible_by


def _no_date(criterion: Criterion) -> tuple[Criterion, dt.date | None]:
    return criterion, None


def _feasible_by(needed: float, today: dt.date, context: SmartContext) -> dt.date | None:
    """The first day by which the weekly hours add up to what the work needs."""
    week = context.availability
    if not week or week.is_empty:
        return None
    full_weeks = int(needed // week.per_week)
    if full_weeks * 7 > HORIZON_DAYS:
        return None  # years away: proposing such a date would not help anyone
    day = today + dt.timedelta(weeks=max(full_weeks - 1, 0))
    while week.between(today, day) < needed:
        day += dt.timedelta(days=1)
    return day


def _estimate_hours(quantities: tuple[Quantity, ...]) -> float | None:
    total, known = 0.0, False
    for quantity in quantities:
        if quantity.frequency or quantity.comparator in {"<", "<="} or "per" in quantity.unit:
            continue
        unit = quantity.unit.lower()
        for stem_text, hours in HOURS_PER_UNIT:
            if stem_text in unit:
                total += quantity.value * hours
                known = True
                break
    return round(total, 2) if known else None


def _relevant(text: str, context: SmartContext) -> Criterion:
    target_text = " ".join(
        [context.target_role, context.industry, context.job_description, context.company]
    )
    interview_words = [m.group(0) for m in INTERVIEW_RE.finditer(text)]
    if not target_text.strip():
        if interview_words:
            return Criterion(
                Verdict.MET, f"It prepares you for interviews: {quote_all(interview_words)}.", ""
            )
        return Criterion(
            Verdict.UNSURE,
            "prepcoach does not know your target role yet, so it cannot tell how this helps.",
            "Add your target role and industry on your profile.",
        )
    shared = content_words(text) & content_words(target_text)
    if shared:
        quoted = [w for w in words(text) if stem(w) in shared]
        return Criterion(Verdict.MET, f"It matches your target: {quote_all(quoted)}.", "")
    if family := _role_family_words(text, target_text):
        role = clip(context.target_role or context.industry, 40)
        return Criterion(
            Verdict.MET, f"{quote_all(family)} is asked about in {quote(role)} interviews.", ""
        )
    if interview_words:
        return Criterion(
            Verdict.MET, f"It prepares you for interviews: {quote_all(interview_words)}.", ""
        )
    role = context.target_role or context.industry or "your target role"
    return Criterion(
        Verdict.MISSING,
        f"Nothing in it connects to {quote(clip(role, 40))}.",
        f"Say how it helps you as {quote(clip(role, 40))}, or choose a goal that does.",
    )


# --- the rewrite -------------------------------------------------------------------------


def _rewrite(text: str, found: Assessment, today: dt.date, context: SmartContext) -> str:
    """The goal, changed as little as possible so that it would pass: its own words, then
    what it lacks (a count, what it is for), then its deadline last."""
    deadline, feasible_by = found.deadline, found.feasible_by
    timely = found.time_bound.verdict is Verdict.MET
    due = feasible_by or (deadline.date if timely and deadline.date else today + DEFAULT_HORIZON)
    specific = found.specific.verdict is Verdict.MET
    if not specific and not _has_action_and_object(text):
        return f"{_template(found.guess.kind, context)} by {format_date(due)}"
    base = text.rstrip(" .!")
    for phrase in (deadline.phrase, deadline.vague):
        if phrase and phrase != SET_DATE:
            base = _remove(base, phrase)
    if not specific:
        base += _detail(found.guess.kind, context)
    if found.measurable.verdict is not Verdict.MET:
        base += f" in {MEASURABLE_PLANS[found.guess.kind]}"
    if found.relevant.verdict is Verdict.MISSING and context.target_role:
        base += f" to prepare for {context.target_role} interviews"
    if timely and not feasible_by and deadline.phrase and deadline.phrase != SET_DATE:
        base += f" {_deadline_words(deadline.phrase)}"
    elif not (timely and deadline.phrase == SET_DATE and not feasible_by):
        base += f" by {format_date(due)}"
    return base[:1].upper() + base[1:]


def _has_action_and_object(text: str) -> bool:
    return bool(ACTION_RE.search(text) and CONCRETE_RE.search(text))


def _detail(kind: GoalKind, context: SmartContext) -> str:
    """A qualifier that pins a goal down when the words name the activity but not which."""
    if context.target_role:
        return f" for the {context.target_role} role"
    return {
        GoalKind.BEHAVIORAL: " using 3 situations from my last role",
        GoalKind.KNOWLEDGE: " about the company I am interviewing with",
        GoalKind.SKILLS: " tailored to the job description",
        GoalKind.NETWORKING: " with people working in my target field",
    }[kind]


def _deadline_words(phrase: str) -> str:
    """A found deadline phrase as it can stand at the end: "Friday" → "by Friday"."""
    if re.match(r"(?i)(by|before|until|till|within|in|on|over|during|for|no later than)\b", phrase):
        return phrase
    if re.match(r"(?i)(today|tonight|tomorrow|this|next)\b", phrase):
        return phrase
    return f"by {phrase}"


MEASURABLE_PLANS = {
    GoalKind.BEHAVIORAL: "3 recorded practice sessions",
    GoalKind.KNOWLEDGE: "4 sessions of 45 minutes, noting at least 5 key facts",
    GoalKind.SKILLS: "4 practice sessions of 45 minutes",
    GoalKind.NETWORKING: "3 sessions of 30 minutes",
}


def _template(kind: GoalKind, context: SmartContext) -> str:
    role = f" for my {context.target_role} interviews" if context.target_role else ""
    role_for = f" for the {context.target_role} role" if context.target_role else ""
    company = context.company or "the company I am interviewing with"
    field_ = context.industry or context.target_role or "my target field"
    return {
        GoalKind.BEHAVIORAL: f"Do 3 recorded mock interviews{role_for} and review each one for "
        "STAR structure and filler words",
        GoalKind.KNOWLEDGE: f"Research {company} and write down at least 5 key facts about its "
        "mission, strategy and culture, with sources",
        GoalKind.SKILLS: f"Solve 10 practice problems in the technical area I find hardest{role}",
        GoalKind.NETWORKING: f"Contact 5 people who work in {field_} and ask each for a "
        "20-minute informational chat",
    }[kind]


def _remove(text: str, phrase: str) -> str:
    pattern = re.compile(
        r"\s*(?:\b(?:by|before|until|on|within|in)\s+)?" + re.escape(phrase), re.IGNORECASE
    )
    return " ".join(pattern.sub("", text, count=1).split())


def _blank(text: str, span: tuple[int, int] | None) -> str:
    """The text with a span (the deadline's words) replaced by spaces."""
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _span_of(text: str, phrase: str | None) -> tuple[int, int] | None:
    if not phrase:
        return None
    start = text.lower().find(phrase.lower())
    return (start, start + len(phrase)) if start >= 0 else None


def _date_words(deadline: Deadline) -> set[str]:
    return set(deadline.phrase.split()) if deadline.phrase else set()


MAX_TARGET = 999_999  # what a goal's target field holds; larger counts are not a plan


def target_quantity(check: SmartCheck) -> Quantity | None:
    """The number a measurable goal counts towards, when its words name exactly one: "3 mock
    interviews" yes; "under 3 fillers per minute" (a ceiling), "every weekday" (a rhythm) or
    two different counts, no."""
    countable = [
        q for q in check.quantities
        if not q.frequency and q.comparator in {"=", ">="} and 0 < q.value <= MAX_TARGET
    ]  # fmt: skip
    return countable[0] if len(countable) == 1 else None


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
