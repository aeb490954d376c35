"""Progress on a goal: how far along, against the ideal line, streaks, milestones, the week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class StepState:
    id: Hashable
    title: str
    hours: float
    due: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    day: dt.date
    value: float  # the measured amount so far ("mock interviews done: 2")


@dataclass(frozen=True, slots=True)
class Point:
    day: dt.date
    percent: float


@dataclass(frozen=True, slots=True)
class Progress:
    percent: float  # 0 to 100
    basis: str  # how it was measured, for the page: "2 of 3 mock interviews", "3 of 5 steps"
    actual: tuple[Point, ...]  # measured progress over time
    ideal: tuple[Point, ...]  # a straight line from the start to 100 % at the deadline
    expected_now: float | None  # where the ideal line is today
    behind: bool  # more than 10 points below the ideal line
    steps_percent: float | None = None  # share of step hours done, when measured by a target
    steps_basis: str = ""


def goal_progress(
    *,
    start: dt.date,
    deadline: dt.date | None,
    today: dt.date,
    steps: Sequence[StepState] = (),
    check_ins: Sequence[CheckIn] = (),  # in the order they were logged
    target: float | None = None,
    unit: str = "",
) -> Progress:
    """Measured against the target when the goal has one, otherwise by the steps' hours."""
    steps_percent, steps_basis, step_points = _steps_done(steps, today)
    if target and target > 0:
        ordered = sorted(check_ins, key=lambda c: c.day)  # stable: a day's last entry stays last
        # One point a day, the day's last figure: two on one day drew a vertical line.
        by_day = {c.day: c.value for c in ordered}
        actual = tuple(Point(day, _clamp(100 * v / target)) for day, v in by_day.items())
        value = ordered[-1].value if ordered else 0.0
        percent = _clamp(100 * value / target)
        basis = f"{value:g} of {target:g} {unit}".strip()
    else:
        actual, percent, basis = step_points, steps_percent or 0.0, steps_basis
    ideal = _ideal(start, deadline)
    expected = _ideal_at(start, deadline, today)
    behind = expected is not None and percent + 10 < expected
    measured_by_target = bool(target and target > 0)
    return Progress(
        round(percent, 1), basis, actual, ideal, expected, behind,
        steps_percent=round(steps_percent, 1) if measured_by_target and steps else None,
        steps_basis=steps_basis if measured_by_target else "",
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a finished goal ended: what its pages show instead of a pace against the ideal line,
    which means nothing once the goal is closed."""

    reached: bool  # reached, else dropped
    closed_on: dt.date | None  # the day it was reached or dropped, on the user's clock
    percent: float | None  # its last measured progress; None when nothing was ever measured
    basis: str  # how that was measured: "3 of 4 mock interviews", "2 of 2 steps"


def closed(progress: Progress, *, reached: bool, closed_on: dt.date | None) -> Outcome:
    """A finished goal's outcome. Its progress is the last measured figure, never the pace: a
    goal with nothing logged (no check-in, no step ticked off) has no figure at all, rather
    than a 0 % that contradicts its being reached."""
    if not progress.actual:
        return Outcome(reached, closed_on, None, "")
    return Outcome(reached, closed_on, progress.percent, progress.basis)


def without_pace(progress: Progress) -> Progress:
    """A finished goal's progress with no ideal line, no "ideal today" and never "behind"."""
    return replace(progress, ideal=(), expected_now=None, behind=False)


def _steps_done(steps: Sequence[StepState], today: dt.date) -> tuple[float, str, tuple[Point, ...]]:
    """Progress by the hours of steps ticked off, and how it grew day by day."""
    total = sum(s.hours or 1 for s in steps)
    done = sorted((s for s in steps if s.done_on), key=lambda s: s.done_on or today)
    running, points = 0.0, []
    for step in done:
        running += step.hours or 1
        points.append(Point(step.done_on or today, _clamp(100 * running / total)))
    percent = _clamp(100 * running / total) if total else 0.0
    basis = f"{len(done)} of {len(steps)} steps" if steps else "no steps yet"
    return percent, basis, tuple(_last_per_day(points))


def streak(active_days: Iterable[dt.date], today: dt.date, days_off: Iterable[int] = ()) -> int:
    """Consecutive days with some progress, ending today (or yesterday, if today is young).
    `days_off`: weekdays (Monday 0 to Sunday 6) the person gives no hours to; one with no
    progress is passed over, neither breaking the run nor counting in it (a trial's Sundays
    off held anyone to 7 days at most), and one with progress counts. A week all days off
    says nothing, so it is read as none off."""
    days = set(active_days)
    off = set(days_off)  # read once: it may be a generator
    if len(off) >= 7:
        off = set()
    day = today if today in days else today - dt.timedelta(days=1)
    count = 0
    while day in days or day.weekday() in off:
        count += day in days
        day -= dt.timedelta(days=1)
    return count


@dataclass(frozen=True, slots=True)
class MilestoneState:
    id: Hashable
    title: str
    threshold: float  # percent of the goal
    reached_on: dt.date | None


def newly_reached(milestones: Sequence[MilestoneState], percent: float) -> list[MilestoneState]:
    """Milestones that the goal's progress has passed but that were not yet marked reached."""
    return [m for m in milestones if m.reached_on is None and percent + 1e-9 >= m.threshold]


@dataclass(frozen=True, slots=True)
class MilestoneChanges:
    """What a change to the goal's progress does to its milestones."""

    reached: tuple[MilestoneState, ...]  # passed now, not marked before: celebrate
    # Marked reached, but the progress no longer holds them: the check-in that reached one was
    # deleted or corrected down, a step was unticked or added. They are unmarked.
    no_longer: tuple[MilestoneState, ...]
    percent: float


def milestone_changes(
    milestones: Sequence[MilestoneState],
    percent: float,
    corrected: bool = False,
    peak: float | None = None,
) -> MilestoneChanges:
    """The milestones a change to the goal's progress reaches, and, when the change corrects
    what was logged (`corrected`: a check-in corrected, deleted or its deletion undone, a step
    unticked or deleted), those the progress no longer holds. A trial deleted the check-in that
    reached "Halfway": progress fell to 25 %, yet "reached 6 Dec" stayed, in the wins log too.
    Progress that falls for what it measures (a lower score logged, a step added to the goal)
    takes nothing back: a milestone reached was reached (a review found a score-tracked goal
    flickering). Reached again after a correction, it is celebrated again. `peak`: the highest
    the progress has been by what is logged now (`peak_of`); a correction takes back only a
    milestone that no longer reached, not one a lower figure logged since sits under (a review:
    correcting an old check-in upward took back what it had reached)."""
    reached = tuple(newly_reached(milestones, percent))
    highest = max(percent, peak if peak is not None else percent)
    no_longer = tuple(
        m
        for m in milestones
        if corrected and m.reached_on is not None and highest + 1e-9 < m.threshold
    )
    return MilestoneChanges(reached, no_longer, percent)


def peak_of(progress: Progress) -> float:
    """The highest the progress has been, by what is logged now: its measured points and now."""
    return max([progress.percent, *(p.percent for p in progress.actual)])


def no_longer_said(milestone: MilestoneState, percent: float) -> str:
    """What the page says of a milestone the progress no longer holds."""
    return (
        f"“{milestone.title}” is no longer reached: the goal is at {percent:g}% after the "
        f"correction, under its {milestone.threshold:g}%. It is off your wins log until the "
        "goal gets there again."
    )


@dataclass(frozen=True, slots=True)
class ReviewItem:
    step_id: Hashable
    title: str
    due: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    week_start: dt.date
    done: tuple[ReviewItem, ...]
    slipped: tuple[ReviewItem, ...]  # due before today, not done
    due_next: tuple[ReviewItem, ...]  # due within the coming seven days
    prompts: tuple[str, ...]


def weekly_review(
    steps: Sequence[StepState], today: dt.date, overcommitted_hours: float = 0
) -> WeeklyReview:
    """What got done in the last seven days, what slipped, what is next, and what to adjust."""
    week_start = today - dt.timedelta(days=6)
    done = tuple(
        ReviewItem(s.id, s.title, s.due, s.done_on)
        for s in steps
        if s.done_on and week_start <= s.done_on <= today
    )
    slipped = tuple(
        ReviewItem(s.id, s.title, s.due)
        for s in sorted(steps, key=lambda s: s.due)
        if not s.done_on and s.due < today
    )
    due_next = tuple(
        ReviewItem(s.id, s.title, s.due)
        for s in sorted(steps, key=lambda s: s.due)
        if not s.done_on and today <= s.due < today + dt.timedelta(days=7)
    )
    prompts: list[str] = []
    for item in slipped[:3]:
        prompts.append(
            f"“{item.title}” was due {item.due:%a %-d %b}: give it a new date, drop it, "
            "or split it into smaller steps."
        )
    if overcommitted_hours > 0:
        prompts.append(
            f"Your steps need {overcommitted_hours:g} h more than your week holds before their "
            "due dates: move a deadline, "
            "drop a step, or split a goal in two."
        )
    if not done and not slipped:
        prompts.append("Nothing was ticked off this week: pick one small step for tomorrow.")
    if done and not slipped and not overcommitted_hours:
        prompts.append(
            f"{len(done)} step{'s' * (len(done) != 1)} done and nothing slipped: keep this pace."
        )
    return WeeklyReview(week_start, done, slipped, due_next, tuple(prompts))


def _ideal(start: dt.date, deadline: dt.date | None) -> tuple[Point, ...]:
    if deadline is None or deadline <= start:
        return ()
    return (Point(start, 0.0), Point(deadline, 100.0))


def _ideal_at(start: dt.date, deadline: dt.date | None, day: dt.date) -> float | None:
    if deadline is None or deadline <= start:
        return None
    share = (day - start).days / (deadline - start).days
    return round(_clamp(100 * share), 1)


def _last_per_day(points: list[Point]) -> list[Point]:
    by_day: dict[dt.date, Point] = {}
    for point in points:
        by_day[point.day] = point
    return list(by_day.values())


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))
