"""What to do today (the dashboard) and the digest (a page, and a mail daily, weekly or every
two weeks), from plain rows the dashboard gathers. Both choose and order; neither fetches.

- `today_list`: the debriefs owed first (memory fades in a day), then an interview today or
  tomorrow, the steps the week puts on today (the plan's placement, or the user's:
  `planning.pinned_day`) and those due today or overdue, but not those the user moved to a
  later day, where the week shows them (by due date, oldest first), the drills due, and the
  first improvement area to practise.
- `build_digest`: goal progress (nearest deadline first), the steps due in the digest's period
  (overdue first), the improvement areas with their trend in words, saved reading and new items
  from the user's feeds, and a subject line that says what is inside.
- `trend_words`: an area's weekly trend in words with its counts ("3 of the 5 answers it
  judged this week", "2 of the 2 answers it judged 2 weeks ago, 1 of 4 this week"), so one week
  reads as a number, not a dot, and never as a bare share: "60 % of this week's answers" was 3
  of the 5 answers the rule judged, of 11 answered that week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.coach.area_types import TrendWeek
from prepcoach.coach.planning import pinned_day

PERIOD_DAYS = {"daily": 1, "weekly": 7, "fortnight": 14}
PERIOD_WORDS = {"daily": "day", "weekly": "week", "fortnight": "two weeks"}
DIGEST_AREAS = 3  # the first areas; the page holds them all
DIGEST_STEPS = 10
DIGEST_READING = 10
TODAY_STEPS = 5


@dataclass(frozen=True, slots=True)
class Line:
    """One thing to show: its words, where it links, and a note beside it."""

    text: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class StepFacts:
    title: str
    url: str
    due: dt.date
    goal: str
    planned: dt.date | None = None  # the day the user put it on, if they did
    today_hours: float = 0.0  # its hours on today in the plan: the week's today column


@dataclass(frozen=True, slots=True)
class TodayFacts:
    today: dt.date
    debriefs_owed: Sequence[Line] = ()  # the interview, with its debrief's link
    next_interview: Line | None = None
    next_interview_day: dt.date | None = None
    steps: Sequence[StepFacts] = ()  # active steps not done
    drills_due: int = 0
    drills_url: str = ""
    first_area: Line | None = None


@dataclass(frozen=True, slots=True)
class TodayItem:
    kind: str  # "debrief", "interview", "step", "drills", "area"
    line: Line


def _day_words(day: dt.date, today: dt.date) -> str:
    days = (day - today).days
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} overdue"
    return "due tomorrow" if days == 1 else f"due in {days} days"


def _for_today(step: StepFacts, today: dt.date) -> bool:
    """On today's list: what the week puts on today (its placement, or the user's), and what is
    due by today unless the user moved it to a later day, which the week shows it on."""
    return step.today_hours > 0 or (pinned_day(step.planned, today) or step.due) <= today


def _step_line(step: StepFacts, today: dt.date) -> Line:
    """A step on today's list: due today or before it, or put on today by the user (the day
    the week shows it on, `planning.pinned_day`), its due date said either way."""
    placed = " · you put it on today" if pinned_day(step.planned, today) == today else ""
    return Line(step.title, step.url, f"{step.goal} · {_day_words(step.due, today)}{placed}")


def today_list(facts: TodayFacts) -> tuple[TodayItem, ...]:
    """What to do today, most pressing first (see the module)."""
    items = [TodayItem("debrief", line) for line in facts.debriefs_owed]
    day = facts.next_interview_day
    if facts.next_interview is not None and day is not None and (day - facts.today).days <= 1:
        items.append(TodayItem("interview", facts.next_interview))
    due = sorted(
        (s for s in facts.steps if _for_today(s, facts.today)), key=lambda s: (s.due, s.title)
    )
    items += [TodayItem("step", _step_line(s, facts.today)) for s in due[:TODAY_STEPS]]
    if len(due) > TODAY_STEPS:
        more = len(due) - TODAY_STEPS
        items.append(TodayItem("step", Line(f"{more} more step{'s' * (more != 1)} due", "")))
    if facts.drills_due:
        n = facts.drills_due
        items.append(TodayItem("drills", Line(f"{n} drill{'s' * (n != 1)} due", facts.drills_url)))
    if facts.first_area is not None:
        items.append(TodayItem("area", facts.first_area))
    return tuple(items)


def _ago(weeks: int) -> str:
    if weeks == 0:
        return "this week"
    if weeks == 1:
        return "last week"
    return f"{weeks} weeks ago"


def _of(week: TrendWeek) -> str:
    return f"{week.held} of {week.judged}"


def trend_words(trend: Sequence[TrendWeek], today: dt.date) -> str:
    """An area's weekly trend in words with its counts: the first and the latest week (one
    week: its count alone), each of the answers its rule judged that week; "" when there is no
    trend."""
    if not trend:
        return ""
    monday = today - dt.timedelta(days=today.weekday())
    weeks = [((monday - week.monday).days // 7, week) for week in sorted(trend)]
    (first_ago, first), (last_ago, last) = weeks[0], weeks[-1]
    if len(weeks) == 1:
        return f"{_judged(last)} {_ago(last_ago)}"
    return f"{_judged(first)} {_ago(first_ago)}, {_of(last)} {_ago(last_ago)}"


def _judged(week: TrendWeek) -> str:
    """ "3 of the 5 answers it judged"; of one answer "1 of 1 answer it judged" ("1 of the 1
    answer" read oddly)."""
    if week.judged == 1:
        return f"{week.held} of 1 answer it judged"
    return f"{week.held} of the {week.judged} answers it judged"


@dataclass(frozen=True, slots=True)
class GoalFacts:
    title: str
    url: str
    percent: int  # 0-100
    target_date: dt.date | None


@dataclass(frozen=True, slots=True)
class AreaFacts:
    title: str
    rule: str
    url: str
    trend: Sequence[TrendWeek] = ()


@dataclass(frozen=True, slots=True)
class DigestFacts:
    frequency: str  # "daily", "weekly" or "fortnight" ("off" reads as weekly on the page)
    today: dt.date
    since: dt.date  # feed items newer than this are new
    goals: Sequence[GoalFacts] = ()
    steps: Sequence[StepFacts] = ()
    areas: Sequence[AreaFacts] = ()
    saved: Sequence[Line] = ()
    new: Sequence[Line] = ()
    more_new: int = 0  # new items beyond those listed


@dataclass(frozen=True, slots=True)
class Digest:
    period: str  # "day", "week", "two weeks"
    since: dt.date
    until: dt.date  # the last day whose steps it lists
    goals: tuple[Line, ...]
    steps: tuple[Line, ...]
    overdue: int
    areas: tuple[Line, ...]
    saved: tuple[Line, ...]
    new: tuple[Line, ...]
    more_new: int
    subject: str
    span: str = ""  # what it looks back on, ending the day it is sent: "the week to 30 Nov"

    @property
    def empty(self) -> bool:
        return not (self.goals or self.steps or self.areas or self.saved or self.new)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def build_digest(facts: DigestFacts) -> Digest:
    """The digest for its period (see the module)."""
    days = PERIOD_DAYS.get(facts.frequency, 7)
    period = PERIOD_WORDS.get(facts.frequency, "week")
    until = facts.today + dt.timedelta(days=days - 1)
    goals = sorted(facts.goals, key=lambda g: (g.target_date or dt.date.max, g.title))
    goal_lines = tuple(
        Line(g.title, g.url, f"{g.percent} %" + (f" · by {g.target_date:%a} "
                                                  f"{g.target_date.day} {g.target_date:%b}"
                                                  if g.target_date else ""))
        for g in goals
    )  # fmt: skip
    due = sorted((s for s in facts.steps if s.due <= until), key=lambda s: (s.due, s.title))
    overdue = sum(s.due < facts.today for s in due)
    steps = tuple(
        Line(s.title, s.url, f"{s.goal} · {_day_words(s.due, facts.today)}")
        for s in due[:DIGEST_STEPS]
    )
    areas = tuple(
        Line(a.title, a.url, "; ".join(w for w in (a.rule, trend_words(a.trend, facts.today)) if w))
        for a in facts.areas[:DIGEST_AREAS]
    )
    new_count = len(facts.new) + facts.more_new
    parts = [
        _count(len(due), "step due", "steps due"),
        _count(len(facts.areas), "area to work on", "areas to work on"),
        _count(new_count, "new item to read", "new items to read"),
    ]
    return Digest(
        period, facts.since, until, goal_lines, steps, overdue, areas,
        tuple(facts.saved[:DIGEST_READING]), tuple(facts.new), facts.more_new,
        f"prepcoach: your {period}: {', '.join(parts)}",
        f"today, {facts.today:%-d %b}" if days == 1 else f"the {period} to {facts.today:%-d %b}",
    )  # fmt: skip
