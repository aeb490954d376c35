"""Two SMART criteria that weigh a goal against the person, not only its words: attainable (the
work against the hours free before the deadline, with every other goal's steps in the week
plan) and relevant (the goal against the target role, the industry and the jobs' key terms)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from prepcoach.coach.deadlines import Deadline
from prepcoach.coach.goal_text import role_family_words
from prepcoach.coach.quantities import Quantity
from prepcoach.coach.smart_rewrite import format_date
from prepcoach.coach.smart_types import Criterion, SmartContext, Verdict
from prepcoach.coach.smart_words import CORE_COMPETENCY_RE, HOURS_PER_UNIT, INTERVIEW_RE
from prepcoach.coach.text import STOPWORDS, clip, content_words, quote, quote_all, stem, words

HORIZON_DAYS = 365  # a later date is not proposed as a fix: cutting the work is the advice
MAX_HOURS_A_DAY = 8.0  # beyond this, a preparation plan is not attainable beside a life


def attainable(
    deadline: Deadline, quantities: tuple[Quantity, ...], today: dt.date, context: SmartContext
) -> tuple[Criterion, dt.date | None]:
    """The verdict, and the date to propose when the work does not fit before the deadline:
    the day the week plan finishes it (`SmartContext.planned_finish`), or without a plan the
    first day the week's hours add up to it; never one on or before the deadline."""
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
        available = _free_between(context, today, deadline.date)
    needed, source = context.planned_hours, "your plan's steps need"
    if needed is None:
        needed, source = _estimate_hours(quantities, max(days - 1, 1)), "a rough estimate is"
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
                    f"{source.capitalize()} {_said(needed)} in {days} day{'s' * (days != 1)}: "
                    f"{per_day:.1f} h a day.",
                    "Move the deadline or do less: aim for a few hours a day at most.",
                )
            )
        return _no_date(
            Criterion(
                Verdict.UNSURE,
                f"{source.capitalize()} {_said(needed)} before {due}, "
                "but your weekly hours are not set.",
                "Set the hours you can give each day of the week on your profile.",
            )
        )
    planned = context.planned_hours is not None and context.available_hours is not None
    if needed <= available and planned and _finishes_after(context, deadline.date):
        # The hours are there, but the week plan, which gives them to other goals' earlier
        # steps first, finishes these after the deadline: that is the date it can keep.
        finish = context.planned_finish
        assert finish is not None  # _finishes_after
        return Criterion(
            Verdict.MISSING,
            f"{source.capitalize()} {_said(needed)}, and you have {_said(available)} by {due}, but "
            f"the week plan finishes them on {format_date(finish)}: other goals' steps due "
            "sooner, or a day you chose, come first.",
            f"Move the deadline to {format_date(finish)}, or move other goals' steps later.",
        ), finish
    if needed <= available:
        late = context.late_step_hours
        return _no_date(
            Criterion(
                Verdict.MET,
                f"{source.capitalize()} {_said(needed)}; you have {_said(available)} by {due}"
                + (
                    f". {_said(late)} of its steps are planned after their own due dates."
                    if late > 0
                    else "."
                ),
                "Give those steps later due dates, or do them sooner: they are marked late "
                "in the steps below and on the week."
                if late > 0
                else "",
            )
        )
    short = needed - available
    # With a plan, the date its steps really finish (other goals' work takes hours too);
    # without one, the first day the week's hours add up to the work.
    feasible_by = (
        context.planned_finish
        if context.planned_hours is not None and context.available_hours is not None
        else _feasible_by(needed, today, context)
    )
    if feasible_by is not None and feasible_by <= deadline.date:
        feasible_by = None  # never propose a deadline that is no later than the one it has
    fix = (
        (
            f"Move the deadline to {format_date(feasible_by)}"
            + (" and the steps' due dates with it" if context.planned_finish else "")
            + f", or cut {_said(short)} of work."
        )
        if feasible_by
        else f"Cut {_said(short)} of work, move other goals' steps later, or find more hours "
        "each week."
    )
    return Criterion(
        Verdict.MISSING,
        f"{source.capitalize()} {_said(needed)} but you have {_said(available)} by {due}: "
        f"{_said(short)} short.",
        fix,
    ), feasible_by


def _said(hours: float) -> str:
    """Hours as people say them: under an hour in minutes ("10 min", not "0.17 h"), else in
    hours as before ("1.5 h", "40.5 h")."""
    if 0 < hours < 1:
        return f"{max(round(hours * 60), 1)} min"
    return f"{hours:g} h"


def _finishes_after(context: SmartContext, deadline: dt.date) -> bool:
    """Whether the week plan finishes the goal's steps after `deadline` (not known: no)."""
    return context.planned_finish is not None and context.planned_finish > deadline


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
    while _free_between(context, today, day) < needed:
        day += dt.timedelta(days=1)
        if (day - today).days > HORIZON_DAYS:
            return None
    return day


def _free_between(context: SmartContext, start: dt.date, end: dt.date) -> float:
    """The weekly hours from `start` to `end` (both included) less what the plan has already
    booked on those days (`SmartContext.booked`; at most each day's hours)."""
    week = context.availability
    assert week is not None
    booked = sum(min(hours, week.on(day)) for day, hours in context.booked if start <= day <= end)
    return max(week.between(start, end) - booked, 0.0)


def _estimate_hours(quantities: tuple[Quantity, ...], days: int) -> float | None:
    """Hours the counted work takes, by a typical time per unit; a count whose units have a
    set length ("4 practice sessions of 45 minutes") takes the count times that length, and a
    pace ("2 hours a week") its hours kept up for its span or the `days` to the deadline
    (the deadline's day not counted: "for 6 weeks" is 42 days)."""
    sized = {q.each_of: q for q in quantities if q.each and _unit_hours(q) is not None}
    rate = _rate(quantities)
    repeats, length = (None, None) if rate else _repeated_length(quantities)
    total, known = 0.0, False
    for quantity in quantities:
        if quantity.frequency or quantity.comparator in {"<", "<="} or "per" in quantity.unit:
            continue
        if rate and (quantity is rate.span or quantity in rate.counted):
            continue  # counted below, as the pace kept up
        if quantity.each and quantity.each_of in sized:
            continue  # counted with the count it sizes
        if length is not None and repeats is not None and quantity in (length, repeats):
            continue  # counted below, as one length done that many times
        each = _unit_hours(quantity)
        if quantity.text in sized:
            size = sized[quantity.text]
            each = size.value * (_unit_hours(size) or 0.0)
        if each is not None:
            total += quantity.value * each
            known = True
    if length is not None and repeats is not None:
        total += repeats.value * length.value * (_unit_hours(length) or 0.0)
        known = True
    if rate is not None:
        paced = _rate_hours(rate, days)
        if not math.isfinite(paced):
            return None
        paced = round(paced * 2) / 2  # a pace's hours are rough: to ½ h
        # A pace of time is the time the goal's other counts take, not more work beside them:
        # "2 hours a week on 3 mock interviews" read 37.5 h, the 4.5 h of the mocks added.
        time_pace = _unit_hours(rate.counted[0]) in (1.0, 1 / 60) and (
            rate.counted[0].unit.lower().split()[0] in TIME_WORDS
        )  # "hours per week", not "admin meetings per week"
        total = max(total, paced) if time_pace else total + paced
        known = True
    return round(total, 2) if known and math.isfinite(total) else None


# Days in each period a rate or a span is counted in ("a month" as a year's twelfth).
# A weekday is a fifth of a working week: "30 minutes every weekday" is 2.5 h a week.
PERIOD_DAYS = {
    "day": 1.0, "weekday": 7.0 / 5, "week": 7.0, "fortnight": 14.0, "month": 365.25 / 12
}  # fmt: skip
PERIOD_RE = re.compile(
    r"^(?:(?P<what>.+?)\s+)?per\s+(?P<period>day|weekday|week|fortnight|month)$"
)  # "per week" alone is "weekly": once a week
SPAN_RE = re.compile(r"^(?P<period>day|week|fortnight|month)s?$")
TIMES_RE = re.compile(r"^(?:times|days|sessions)$")


@dataclass(frozen=True, slots=True)
class Rate:
    """Work kept up at a pace: `hours` every `period` ("day", "week", …), from `counted` (the
    quantities it was read from, not counted again on their own), for `span` (a "6 weeks"
    written beside it, or None: then until the deadline)."""

    hours: float
    period: str
    counted: tuple[Quantity, ...]
    span: Quantity | None


def _rate(quantities: tuple[Quantity, ...]) -> Rate | None:
    """The one pace a goal keeps up: "2 hours a week" or "3 mock interviews a week" (a unit
    with a typical length), or "3 times a week for 30 minutes" and "30 minutes daily" (a
    number of times a period and one length). A trial's "2 hours a week for 6 weeks" had no
    estimate: the pace is no count and "6 weeks" no work. Several paces, or a pace of times
    with no single length, are not read: no estimate is better than a wrong one."""
    paced = [
        (q, match) for q in quantities
        if q.comparator not in {"<", "<="} and (match := PERIOD_RE.match(q.unit.lower()))
    ]  # fmt: skip
    if len(paced) != 1:
        return None
    quantity, match = paced[0]
    spans = [q for q in quantities if _plain(q) and not q.each and SPAN_RE.match(q.unit.lower())]
    span = spans[0] if len(spans) == 1 else None
    if match["what"] is None or TIMES_RE.match(match["what"]):
        # Times a period of one length ("30 minutes daily"), or of one count whose unit has
        # a typical length ("2 mock interviews every Monday").
        as_times = replace(quantity, unit="times", frequency=False)
        _, length = _repeated_length((*quantities, as_times))
        if length is not None:
            hours = quantity.value * length.value * (_unit_hours(length) or 0.0)
            return Rate(hours, match["period"], (quantity, length), span)
        counts = [
            q for q in quantities
            if _plain(q) and not q.each and q is not span and _unit_hours(q) is not None
        ]  # fmt: skip
        if len(counts) != 1:
            return None
        hours = quantity.value * counts[0].value * (_unit_hours(counts[0]) or 0.0)
        return Rate(hours, match["period"], (quantity, counts[0]), span)
    each = _unit_hours(quantity)
    if each is None:
        return None
    return Rate(quantity.value * each, match["period"], (quantity,), span)


def _rate_hours(rate: Rate, days: int) -> float:
    """Hours of `rate` kept up for its span, or for `days` (to the deadline) without one."""
    span_days = float(days)
    if rate.span is not None:
        span_match = SPAN_RE.match(rate.span.unit.lower())
        assert span_match is not None  # `_rate`
        span_days = rate.span.value * PERIOD_DAYS[span_match["period"]]
    return rate.hours * span_days / PERIOD_DAYS[rate.period]


def _repeated_length(
    quantities: tuple[Quantity, ...],
) -> tuple[Quantity | None, Quantity | None]:
    """A count of times and the one length each time takes: "explain it in 2 minutes, 5
    times" and "5 x 2 minutes" are 5 × 2 minutes, not 2 minutes and 5 times of nothing (a trial
    read 0.03 h; a review, "5 x 2 minutes" as 2 min). Several counts or lengths ("10 times for
    30 minutes and 5 times for 1 hour") are not paired: no estimate is better than a wrong one."""
    times = [q for q in quantities if _plain(q) and q.unit.lower() in ("times", "x", "×")]
    lengths = [
        q for q in quantities
        if _plain(q) and not q.each and q.unit.lower().split()[:1] in (["minutes"], ["minute"],
        ["mins"], ["min"], ["hours"], ["hour"], ["hrs"], ["hr"], ["h"])
    ]  # fmt: skip
    if len(times) == 1 and len(lengths) == 1:
        return times[0], lengths[0]
    return None, None


def _plain(quantity: Quantity) -> bool:
    """A count to reach: not a rhythm, a ceiling or a rate."""
    return not (quantity.frequency or quantity.comparator in {"<", "<="} or "per" in quantity.unit)


TIME_WORDS = frozenset("hour hours hr hrs h minute minutes min mins".split())
ABBREVIATED_UNITS = {"min": "minute", "mins": "minutes", "hr": "hour", "hrs": "hours", "h": "hour"}


def _unit_hours(quantity: Quantity) -> float | None:
    """The typical hours of one of the quantity's units (`HOURS_PER_UNIT`), or None; "min" and
    "hrs" are minutes and hours ("20 min of yoga every morning" read 0 h)."""
    first, *rest = quantity.unit.lower().split() or [""]
    unit = " ".join([ABBREVIATED_UNITS.get(first, first), *rest])
    return next((hours for stem_text, hours in HOURS_PER_UNIT if stem_text in unit), None)


def _term_words(text: str, *, keep_all: bool = False) -> set[str]:
    """A key term's words, stemmed, its letters included ("A/B testing" is a, b and test), so
    it matches a goal only whole; with `keep_all`, every word of a goal to match against."""
    found = (w.lower() for w in re.findall(r"[A-Za-z0-9+#]+", text))
    return {stem(w) for w in found if keep_all or len(w) == 1 or w not in STOPWORDS}


def relevant(text: str, context: SmartContext) -> Criterion:
    target_text = " ".join(
        [context.target_role, context.industry, context.job_description, context.company]
    )
    interview_words = [m.group(0) for m in INTERVIEW_RE.finditer(text)]
    own = _term_words(text, keep_all=True)
    terms = [t for t in context.job_terms if _term_words(t) and _term_words(t) <= own]
    if terms:
        return Criterion(
            Verdict.MET,
            f"It names a key term of the jobs you are applying for: {quote_all(terms)}.",
            "",
        )
    if not target_text.strip() and not context.job_terms:
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
    if competencies := [m.group(0) for m in CORE_COMPETENCY_RE.finditer(text)]:
        return Criterion(
            Verdict.MET,
            f"{quote_all(competencies)} is a core competency: interviews for every role "
            "ask about it.",
            "",
        )
    if family := role_family_words(text, " ".join([target_text, *context.job_terms])):
        role = clip(context.target_role or context.industry, 40)
        where = f"{quote(role)} interviews" if role else "interviews for the jobs you applied to"
        return Criterion(Verdict.MET, f"{quote_all(family)} is asked about in {where}.", "")
    if interview_words:
        return Criterion(
            Verdict.MET, f"It prepares you for interviews: {quote_all(interview_words)}.", ""
        )
    role = context.target_role or context.industry
    if not role:  # only the jobs' terms to go by: no role to quote (a browser check saw
        # "connects to “your target role”", a placeholder quoted as if the user had typed it)
        return Criterion(
            Verdict.MISSING,
            "Nothing in it connects to the key terms of the jobs you are applying for.",
            "Say which skill of those jobs it builds, or add your target role on your profile.",
        )
    return Criterion(
        Verdict.MISSING,
        f"Nothing in it connects to {quote(clip(role, 40))}.",
        f"Say how it helps you as {quote(clip(role, 40))}, or choose a goal that does.",
    )
