"""The scheduler that jumps over full days places every hour where the day-by-day walk did.

`walk` below is the scheduler as it was before it learnt to skip (issue 15, item 5): each step
walked day by day from today, in the scheduler's order. The two must agree on every input Hypothesis finds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.planning import (
    EPSILON,
    HORIZON_DAYS,
    Allocation,
    Plan,
    PlanStep,
    StepOutcome,
    _deferred_dues,
    _earliest_finish,
    _FreeHours,
    _shortfalls,
    priority,
    schedule,
)

TODAY = dt.date(2030, 3, 6)


def walk(
    steps: Sequence[PlanStep],
    availability: WeeklyAvailability,
    today: dt.date,
    busy: dict[dt.date, float] | None = None,
    done: Sequence[Allocation] = (),
) -> Plan:
    """The day-by-day scheduler, kept as the reference."""
    used: dict[dt.date, float] = defaultdict(float, dict(busy or {}))
    for finished in done:
        used[finished.day] += max(finished.hours, 0.0)
    used_before = dict(used)
    allocations: list[Allocation] = []
    outcomes: dict[Hashable, StepOutcome] = {}
    queue = sorted(steps, key=lambda s: (s.due, -priority(s, today).score, str(s.title)))
    # The order is the scheduler's own (the steps given up on when not all can be on time go
    # where `_deferred_dues` puts them): what this compares is where the hours go.
    if not (availability.per_week <= 0 and all(v >= 0 for v in (busy or {}).values())):
        dues = _deferred_dues(queue, _FreeHours(availability, used, today), today)
        queue = sorted(queue, key=lambda s: (dues.get(s.id, s.due), s.due))
    for step in queue:
        remaining = max(step.hours, 0.0)
        day = today if step.hours > 0 else step.due
        finish: dt.date | None = day if remaining <= EPSILON else None
        late = 0.0
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
        outcomes[step.id] = StepOutcome(
            step.id,
            step.goal_id,
            finish,
            round(late, 4),
            on_time=late <= EPSILON and finish is not None,
        )
    return Plan(
        today, tuple(allocations), outcomes,
        _shortfalls(steps, outcomes, _FreeHours(availability, used_before, today).shortage(steps)),
        done=tuple(done),
    )  # fmt: skip


hours = st.one_of(st.just(0.0), st.floats(0.25, 16).map(lambda h: round(h * 4) / 4))
weeks = st.one_of(
    st.just((0.0,) * 7), st.tuples(*[hours] * 7), st.tuples(*[st.sampled_from((0.0, 0.5))] * 7)
)
days = st.integers(-20, 900).map(lambda n: TODAY + dt.timedelta(days=n))


@st.composite
def plan_inputs(
    draw: st.DrawFn,
) -> tuple[list[PlanStep], WeeklyAvailability, dict[dt.date, float], list[Allocation]]:
    count = draw(st.integers(0, 25))
    steps = [
        PlanStep(
            id=i,
            goal_id=draw(st.integers(0, 3)),
            title=draw(st.sampled_from(("a", "b", "c"))),
            due=draw(days),
            hours=draw(st.one_of(st.floats(-1, 60), st.sampled_from((0.0, 1e-10, 3.0, 400.0)))),
            impact=draw(st.integers(1, 3)),
            urgency=draw(st.integers(1, 3)),
        )
        for i in range(count)
    ]
    busy = draw(st.dictionaries(days, st.floats(-2, 10), max_size=6))
    done = [
        Allocation(100 + i, draw(days), draw(st.floats(-1, 8)))
        for i in range(draw(st.integers(0, 4)))
    ]
    return steps, WeeklyAvailability(draw(weeks)), busy, done


@settings(max_examples=300, deadline=None)
@given(plan_inputs())
def test_the_fast_scheduler_places_every_hour_where_the_walk_did(
    inputs: tuple[list[PlanStep], WeeklyAvailability, dict[dt.date, float], list[Allocation]],
) -> None:
    steps, week, busy, done = inputs
    assert schedule(steps, week, TODAY, busy=busy, done=done) == walk(
        steps, week, TODAY, busy=busy, done=done
    )


def test_a_year_of_steps_without_hours_all_fall_past_the_horizon() -> None:
    steps = [PlanStep(i, 1, f"step {i}", TODAY + dt.timedelta(days=i), 2.0) for i in range(400)]
    plan = schedule(steps, WeeklyAvailability(), TODAY)
    assert plan.allocations == ()
    assert all(o.finish is None and o.late_hours == 2.0 for o in plan.outcomes.values())
    assert plan == walk(steps, WeeklyAvailability(), TODAY)


def earliest_by_trying_every_day(
    step: PlanStep,
    dues: dict[Hashable, dt.date],
    hours_of: dict[Hashable, float],
    free: _FreeHours,
) -> dt.date | None:
    """The reference: each day from the step's due date (or today) tried in turn, with every
    step's hours summed afresh in due-date order, the step after those due the same day."""
    day = max(step.due, TODAY)
    while (day - TODAY).days <= HORIZON_DAYS:
        wanted = sorted([*dues.items(), (step.id, day)], key=lambda pair: pair[1])
        total, fits = 0.0, True
        for key, due in wanted:
            total += hours_of[key]
            fits = fits and total <= free.by(due) + EPSILON
        if fits:
            return day
        day += dt.timedelta(days=1)
    return None


near = st.integers(-5, 60).map(lambda n: TODAY + dt.timedelta(days=n))  # where dues crowd


@settings(max_examples=300)
@given(
    weeks,
    st.lists(st.tuples(near, st.floats(0, 20).map(lambda h: round(h * 4) / 4)), max_size=25),
    near,
    st.floats(0.25, 30).map(lambda h: round(h * 4) / 4),
)
def test_a_step_given_up_on_finishes_on_the_earliest_day_that_fits(
    week: tuple[float, ...],
    others: list[tuple[dt.date, float]],
    due: dt.date,
    hours: float,
) -> None:
    """`_earliest_finish` works each due date's slack out once (a page of 192 steps, most given
    up on, took 65 ms); it finds the day that trying every day finds."""
    free = _FreeHours(WeeklyAvailability(week), {}, TODAY)
    dues: dict[Hashable, dt.date] = {index: day for index, (day, _) in enumerate(others)}
    hours_of: dict[Hashable, float] = {index: h for index, (_, h) in enumerate(others)}
    step = PlanStep("given up", 0, "given up", due, hours)
    hours_of[step.id] = hours
    found = _earliest_finish(step, dues, hours_of, free, TODAY)
    assert found == earliest_by_trying_every_day(step, dues, hours_of, free)


def test_a_step_given_up_on_waits_until_it_makes_no_later_step_late() -> None:
    """An hour a day; a step of 10 h due on day 10 leaves 1 h spare by then, so a 3 h step
    given up on cannot finish on day 3, where its own hours would fit: it would make the
    other late. It finishes on day 12, when the 13 h fit the 13 h free."""
    free = _FreeHours(WeeklyAvailability((1.0,) * 7), {}, TODAY)
    step = PlanStep("given up", 0, "given up", TODAY, 3.0)
    dues: dict[Hashable, dt.date] = {"kept": TODAY + dt.timedelta(days=10)}
    hours_of: dict[Hashable, float] = {"kept": 10.0, step.id: 3.0}
    assert _earliest_finish(step, dues, hours_of, free, TODAY) == TODAY + dt.timedelta(days=12)
    assert earliest_by_trying_every_day(step, dues, hours_of, free) == TODAY + dt.timedelta(days=12)
