"""Action plans: the order of steps, and their place in the hours a person has each week.

Steps are placed earliest-deadline-first (priority breaks ties), split across days as the free
hours allow. With work that can be split, earliest-deadline-first meets every deadline whenever
any order can, so a shortfall it reports is real over-commitment, not a scheduling accident.

When not every deadline can be met, earliest-deadline-first lets one oversized step due soon
take every hour until it is done, and the steps after it fall late one after another (a new
user's trial: a 30-hour step made another goal's steps late). So the steps to give up on are
chosen first, the fewest possible (Moore and Hodgson's rule: going through the steps by due
date, whenever the hours so far exceed what the days up to this due date hold, the largest step
so far is the one to let go), and each of them then finishes as early as it can without making
a step that can be on time late (`_deferred_dues`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from prepcoach.coach.availability import WeeklyAvailability

IMPACT_WORDS = {1: "matters a little", 2: "matters", 3: "matters a lot"}
URGENCY_WORDS = {1: "can wait", 2: "is fairly urgent", 3: "is urgent"}
HORIZON_DAYS = 730  # a plan that does not finish within two years is reported, not scheduled
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class PlanStep:
    id: Hashable
    goal_id: Hashable
    title: str
    due: dt.date
    hours: float  # hours of work still to do
    impact: int = 2  # 1 low, 2 medium, 3 high
    urgency: int = 2
    planned: dt.date | None = None  # the day the user chose to work on it (`pinned_day`)


@dataclass(frozen=True, slots=True)
class Priority:
    score: int  # impact × urgency, 1 to 9
    label: str  # "do first", "schedule", "fit in", "if time allows"
    explanation: str


@dataclass(frozen=True, slots=True)
class Allocation:
    step_id: Hashable
    day: dt.date
    hours: float


@dataclass(frozen=True, slots=True)
class StepOutcome:
    step_id: Hashable
    goal_id: Hashable
    finish: dt.date | None  # the day its last hour is placed; None beyond the horizon
    late_hours: float  # hours that only fit after its due date
    on_time: bool


@dataclass(frozen=True, slots=True)
class Shortfall:
    goal_id: Hashable
    hours: float  # hours of the goal's steps that cannot be done by their due dates
    steps: tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    start: dt.date
    allocations: tuple[Allocation, ...]
    outcomes: dict[Hashable, StepOutcome]
    shortfalls: tuple[Shortfall, ...]
    # Steps already done, on the day they were done: their hours are used on that day.
    done: tuple[Allocation, ...] = ()

    def on(self, day: dt.date) -> list[Allocation]:
        return [a for a in self.allocations if a.day == day]

    def done_on(self, day: dt.date) -> list[Allocation]:
        return [a for a in self.done if a.day == day]

    def week_of(self, day: dt.date) -> dict[dt.date, list[Allocation]]:
        monday = day - dt.timedelta(days=day.weekday())
        return {
            monday + dt.timedelta(days=i): self.on(monday + dt.timedelta(days=i)) for i in range(7)
        }

    def shortfall_of(self, goal_id: Hashable) -> float:
        return next((s.hours for s in self.shortfalls if s.goal_id == goal_id), 0.0)

    @property
    def finishes(self) -> dict[Hashable, dt.date | None]:
        """Each step's finishing day: what `moves` compares."""
        return {step_id: outcome.finish for step_id, outcome in self.outcomes.items()}

    @property
    def is_overcommitted(self) -> bool:
        return bool(self.shortfalls)


@dataclass(frozen=True, slots=True)
class Move:
    step_id: Hashable
    before: dt.date | None
    after: dt.date | None

    @property
    def later(self) -> bool:
        if self.before is None or self.after is None:
            return self.after is None
        return self.after > self.before


def pinned_day(planned: dt.date | None, today: dt.date) -> dt.date | None:
    """The day a step is worked on because the user put it there, or None when the plan
    chooses. A placement on a day gone by no longer holds: the step is planned as any other.
    The week (`schedule`) and what to do today (`coach.digest.today_list`) both read it here."""
    return planned if planned is not None and planned >= today else None


def priority(step: PlanStep, today: dt.date) -> Priority:
    """Impact times urgency, explained; a step due within two days is treated as urgent."""
    urgency = step.urgency
    days_left = (step.due - today).days
    raised = days_left <= 2 and urgency < 3
    if raised:
        urgency = 3
    score = step.impact * urgency
    label = (
        "do first"
        if score >= 6
        else "schedule"
        if score >= 4
        else "fit in"
        if score >= 2
        else "if time allows"
    )
    # Said in the user's words; the arithmetic (impact × urgency) stays in `score`.
    matters = IMPACT_WORDS[step.impact]
    if raised:
        due = "was due" if days_left < 0 else "is due"
        explanation = f"It {matters}, and it {due} {_days_phrase(days_left)}, so it is urgent now."
    else:
        explanation = f"It {matters} and {URGENCY_WORDS[urgency]}."
    return Priority(score, label, explanation)


def order(steps: Iterable[PlanStep], today: dt.date) -> list[tuple[PlanStep, Priority]]:
    """Steps in the order to work on them: priority first, then the nearer deadline."""
    ranked = [(step, priority(step, today)) for step in steps]
    return sorted(ranked, key=lambda pair: (-pair[1].score, pair[0].due, str(pair[0].title)))


def schedule(
    steps: Sequence[PlanStep],
    availability: WeeklyAvailability,
    today: dt.date,
    busy: dict[dt.date, float] | None = None,
    done: Sequence[Allocation] = (),
) -> Plan:
    """Place each step's hours into free hours from today, earliest deadline first.
    `done` are steps already done, on the day they were done: they stay on that day and
    their hours count as used there, so a step ticked today does not free today's hours
    for another step. A step the user put on a day (`pinned_day`) has all its hours there,
    placed first, even past its due date (it is then late, but no over-commitment) or beyond
    the day's hours (the day shows more used than it holds): the user decided.

    Placing is linear in the days the plan spans plus the steps (choosing which steps to give up
    on, when not all can be on time, is quadratic in the steps): every day a step passed over is
    full when it is done with it (free hours only shrink), so the next step starts where the
    last one stopped instead of walking again from today; and a week with no hours at all places
    nothing (unless busy hours below zero free some), so its steps go straight past the horizon."""
    busy = dict(busy or {})
    used: dict[dt.date, float] = defaultdict(float, busy)
    for finished in done:
        used[finished.day] += max(finished.hours, 0.0)
    allocations: list[Allocation] = []
    outcomes: dict[Hashable, StepOutcome] = {}
    pinned = [s for s in steps if pinned_day(s.planned, today) is not None]
    for step in pinned:
        day = pinned_day(step.planned, today) or today
        hours = max(step.hours, 0.0)
        if hours > EPSILON:
            used[day] += hours
            allocations.append(Allocation(step.id, day, round(hours, 4)))
        late = hours if day > step.due else 0.0
        outcomes[step.id] = StepOutcome(step.id, step.goal_id, day, round(late, 4), late <= EPSILON)
    chosen = {s.id for s in pinned}
    queue = sorted(
        (s for s in steps if s.id not in chosen),
        key=lambda s: (s.due, -priority(s, today).score, str(s.title)),
    )
    free_hours = _FreeHours(availability, used, today)
    if not (availability.per_week <= 0 and all(v >= 0 for v in busy.values())):
        dues = _deferred_dues(queue, free_hours, today)
        queue = sorted(queue, key=lambda s: (dues.get(s.id, s.due), s.due))  # stable
    nothing_free = availability.per_week <= 0 and all(v >= 0 for v in busy.values())
    first_free = today  # every day before it is full
    for step in queue:
        remaining = max(step.hours, 0.0)
        day = today if step.hours > 0 else step.due
        finish: dt.date | None = day if remaining <= EPSILON else None
        late = 0.0
        if remaining > EPSILON:
            day = max(day, first_free)
            if nothing_free:
                day = today + dt.timedelta(days=HORIZON_DAYS + 1)
        while remaining > EPSILON:
            if (day - today).days > HORIZON_DAYS:
                late += remaining
                finish = None
                break
            free = availability.on(day) - used[day]
            if free > EPSILON:
                placed = min(free, remaining)
                used[day] += placed
                remaining -= placed
                allocations.append(Allocation(step.id, day, round(placed, 4)))
                if day > step.due:
                    late += placed
                finish = day
            if remaining > EPSILON:
                day += dt.timedelta(days=1)
        if step.hours > EPSILON:  # it walked from first_free to day, leaving them full
            first_free = day
        outcomes[step.id] = StepOutcome(
            step.id,
            step.goal_id,
            finish,
            round(late, 4),
            on_time=late <= EPSILON and finish is not None,
        )
    unpinned = [s for s in steps if s.id not in chosen]
    return Plan(
        today,
        tuple(allocations),
        outcomes,
        _shortfalls(unpinned, outcomes, free_hours.shortage(queue)),
        done=tuple(done),
    )


class _FreeHours:
    """Hours free from `today` up to and including a day, after the hours already `used`."""

    def __init__(
        self, availability: WeeklyAvailability, used: Mapping[dt.date, float], today: dt.date
    ) -> None:
        # A copy: the hours placed after this are not "already used".
        self.availability, self.used, self.today = availability, dict(used), today
        self.held: list[float] = []
        self.by_day: dict[dt.date, float] = {}  # each day asked (a step given up on asks many)

    def by(self, day: dt.date) -> float:
        known = self.by_day.get(day)
        if known is not None:
            return known
        offset = min((day - self.today).days, HORIZON_DAYS)
        if offset < 0:
            return 0.0
        while len(self.held) <= offset:  # counted as far as asked, once
            next_day = self.today + dt.timedelta(days=len(self.held))
            free = max(self.availability.on(next_day) - self.used.get(next_day, 0.0), 0.0)
            self.held.append((self.held[-1] if self.held else 0.0) + free)
        self.by_day[day] = self.held[offset]
        return self.held[offset]

    def shortage(self, steps: Sequence[PlanStep]) -> float:
        """The fewest hours more that would put every step on time: the most the steps due by
        some day ask beyond the hours free up to it (earliest-deadline-first then meets every
        due date, with work that can be split)."""
        worst, wanted = 0.0, 0.0
        for step in sorted(steps, key=lambda s: s.due):
            wanted += max(step.hours, 0.0)
            worst = max(worst, wanted - self.by(step.due))
        return worst


def _deferred_dues(
    queue: Sequence[PlanStep], free: _FreeHours, today: dt.date
) -> dict[Hashable, dt.date]:
    """For the steps that cannot all be on time, the day each of the fewest steps given up on
    can finish by without making another late (the others keep their due dates; one that cannot
    finish within the horizon goes after every other step). `queue` is in due-date order.
    Empty when every step can be on time."""
    kept: list[PlanStep] = []
    given_up: list[PlanStep] = []
    hours = 0.0
    for step in queue:  # Moore-Hodgson over hours, with each day's free hours as capacity
        kept.append(step)
        hours += max(step.hours, 0.0)
        if hours > free.by(step.due) + EPSILON:
            largest = max(reversed(kept), key=lambda s: s.hours)  # of equals, the last
            kept.remove(largest)
            given_up.append(largest)
            hours -= max(largest.hours, 0.0)
    if not given_up:
        return {}
    dues = {s.id: s.due for s in kept}
    beyond: dict[Hashable, dt.date] = {}
    hours_of = {s.id: max(s.hours, 0.0) for s in queue}
    # The smallest first: each takes the earliest day left, so a small step given up is not
    # put behind a large one (which would bring back the late dominoes).
    for step in sorted(given_up, key=lambda s: (s.hours, s.due, str(s.title))):
        finish = _earliest_finish(step, dues, hours_of, free, today)
        if finish is None:
            beyond[step.id] = dt.date.max  # after every other step; never in `dues` again
        else:
            dues[step.id] = finish
    return {**dues, **beyond}


def _earliest_finish(
    step: PlanStep,
    dues: Mapping[Hashable, dt.date],
    hours_of: Mapping[Hashable, float],
    free: _FreeHours,
    today: dt.date,
) -> dt.date | None:
    """The earliest day within the horizon `step` can finish by while every step in `dues`
    finishes by its day there: every day's due hours fit the hours free up to it (what
    earliest-deadline-first needs), searched by halves. None when no day will do.

    A day fits when the step's hours fit the slack (hours free up to a due date less the hours
    due by it) of every due date after that day, and the hours free up to the day itself; the
    due dates' slack is worked out once, so each day tried costs a lookup, not a pass over
    every step (a plan of 192 steps, most given up on, took 65 ms a page)."""
    ordered = sorted(dues.items(), key=lambda pair: pair[1])  # stable: ties keep their order
    days = [due for _, due in ordered]
    due_by: list[float] = []  # hours due up to and including each of `days`
    total = 0.0
    for key, _ in ordered:
        total += hours_of[key]
        due_by.append(total)
    slack = [free.by(due) - wanted for due, wanted in zip(days, due_by, strict=True)]
    if any(spare < -EPSILON for spare in slack):
        return None  # a step kept is late whatever this one does
    # The least slack from each index on (the last: none after, so no bound).
    least_after = [*accumulate(reversed(slack), min)][::-1]
    least_after.append(float("inf"))
    hours = hours_of[step.id]

    def fits(finish: dt.date) -> bool:
        # The step goes after the steps due the same day (a stable sort puts it there).
        after = bisect_right(days, finish)
        before = due_by[after - 1] if after else 0.0
        if before + hours > free.by(finish) + EPSILON:
            return False
        return hours <= least_after[after] + EPSILON

    last = today + dt.timedelta(days=HORIZON_DAYS)
    low = max(step.due, today)
    if low > last or not fits(last):
        return None
    high = last
    while low < high:
        middle = low + (high - low) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + dt.timedelta(days=1)
    return low


def _shortfalls(
    steps: Sequence[PlanStep], outcomes: dict[Hashable, StepOutcome], shortage: float
) -> tuple[Shortfall, ...]:
    """Each goal with steps late in the plan, and its hours short: the hours its steps fall
    after their due dates, at most the week's `shortage` (giving up on a large step lets more
    of its hours fall late than the hours that would put every step on time)."""
    by_goal: dict[Hashable, list[StepOutcome]] = defaultdict(list)
    for step in steps:
        outcome = outcomes[step.id]
        if not outcome.on_time:
            by_goal[step.goal_id].append(outcome)
    hours_of = {s.id: s.hours for s in steps}
    result = []
    for goal_id, late in by_goal.items():
        hours = sum(o.late_hours if o.finish else hours_of[o.step_id] for o in late)
        hours = min(hours, max(shortage, 0.0)) if shortage > EPSILON else hours
        result.append(Shortfall(goal_id, round(hours, 2), tuple(o.step_id for o in late)))
    return tuple(sorted(result, key=lambda s: -s.hours))


def hours_free_for(
    plan: Plan, goal_id: Hashable, availability: WeeklyAvailability, until: dt.date
) -> float:
    """Hours one goal can have from the plan's start to a day: the week's hours, less what the
    other goals' steps take before then and what steps already done used of those days (a step
    ticked today used today's hours, whoever's it was). When the goal is short, it is short by
    the plan's own measure: its shortfall, not this figure, is the over-commitment."""
    others = sum(
        a.hours
        for a in plan.allocations
        if a.day <= until and plan.outcomes[a.step_id].goal_id != goal_id
    )
    used = sum(max(a.hours, 0.0) for a in plan.done if plan.start <= a.day <= until)
    return max(availability.between(plan.start, until) - others - used, 0.0)


def planned_after(
    plan: Plan, steps: Sequence[PlanStep], end: dt.date
) -> list[tuple[Hashable, dt.date | None]]:
    """The steps due before `end` (a week's end, exclusive; earlier weeks' included) that the
    plan places only from `end` on, or not at all: each one's id and the first day it is
    worked on (None: beyond the plan's reach), by due date. Steps of no hours have no day to
    show, and a step the user put on a later day (`pinned_day`) is where they want it. A
    Sunday trial's steps due that day off were only in next week's view."""
    first: dict[Hashable, dt.date] = {}
    for a in plan.allocations:
        first[a.step_id] = min(a.day, first.get(a.step_id, a.day))
    late = [
        s
        for s in steps
        if s.hours > EPSILON
        and s.due < end
        and first.get(s.id, end) >= end
        and pinned_day(s.planned, plan.start) is None
    ]
    return [(s.id, first.get(s.id)) for s in sorted(late, key=lambda s: (s.due, str(s.title)))]


def moves(
    before: Mapping[Hashable, dt.date | None], after: Mapping[Hashable, dt.date | None]
) -> list[Move]:
    """Steps whose finishing day changed between two plans' `finishes`, latest-moved first.
    Steps in only one of them (added, done, deleted) did not move."""
    changed = [
        Move(step_id, before[step_id], finish)
        for step_id, finish in after.items()
        if step_id in before and before[step_id] != finish
    ]
    far = dt.date.max
    return sorted(changed, key=lambda m: (m.after or far) - (m.before or far), reverse=True)


def _days_phrase(days: int) -> str:
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} ago"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"
