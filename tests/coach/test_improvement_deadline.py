"""An improvement area's goal is due before the user's next interview (`goal_deadline`)."""

from __future__ import annotations

import datetime as dt

from prepcoach.coach.improvement import GOAL_DAYS, goal_deadline, improvement_areas
from tests.coach.test_improvement import TODAY, timed


def test_an_areas_goal_is_due_before_the_next_interview() -> None:
    """A trial's goal was due 20 December for an interview on the 18th: a goal is due the day
    before an interview that comes sooner than GOAL_DAYS, unless it is too near to work for."""
    fillers = [timed(ref, 5.0, ref) for ref in range(1, 4)]

    def due(interview: dt.date | None) -> str:
        (area,) = [a for a in improvement_areas(fillers, [], TODAY, interview=interview)
                   if a.key == "fillers"]  # fmt: skip
        return area.goal.rsplit(" by ", 1)[1]

    assert due(None) == f"{TODAY + dt.timedelta(days=GOAL_DAYS):%-d %B %Y}"
    assert due(TODAY + dt.timedelta(days=9)) == f"{TODAY + dt.timedelta(days=8):%-d %B %Y}"
    # Too near to work for (the day before it is tomorrow), or after the usual deadline.
    assert due(TODAY + dt.timedelta(days=2)) == due(None)
    assert due(TODAY + dt.timedelta(days=40)) == due(None)
    assert goal_deadline(TODAY, TODAY + dt.timedelta(days=3)) == TODAY + dt.timedelta(days=2)


def test_each_area_names_what_its_goal_counts_itself_from() -> None:
    """The goal page says it and offers no log form; a key of no area's is logged by hand."""
    from prepcoach.coach.improvement import AREA_KEYS, measured_from

    assert all(measured_from(key) for key in AREA_KEYS)
    assert measured_from("fillers") == "your practice answers"
    assert measured_from("drill_lapses") == "your drills"
    assert measured_from("") == ""
