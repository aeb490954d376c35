"""A step the user put on a day (`pinned_day`): the scheduler gives it that day and the today
list reads the same day, so the week and the dashboard agree."""

import datetime as dt

from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.digest import StepFacts, TodayFacts, today_list
from prepcoach.coach.planning import PlanStep, pinned_day, schedule

MONDAY = dt.date(2030, 3, 4)
WEDNESDAY = MONDAY + dt.timedelta(days=2)
EVENINGS = WeeklyAvailability((2, 2, 2, 2, 2, 0, 0))


def test_a_placement_holds_from_today_on_and_not_for_a_day_gone() -> None:
    assert pinned_day(WEDNESDAY, MONDAY) == WEDNESDAY
    assert pinned_day(MONDAY, MONDAY) == MONDAY
    assert pinned_day(MONDAY, WEDNESDAY) is None
    assert pinned_day(None, MONDAY) is None


def test_a_step_due_today_moved_to_wednesday_is_worked_on_wednesday() -> None:
    moved = PlanStep("moved", "g", "Conflict story", MONDAY, 1.0, planned=WEDNESDAY)
    other = PlanStep("other", "g", "Research Acme", WEDNESDAY, 3.0)
    plan = schedule([moved, other], EVENINGS, MONDAY)
    assert [(a.step_id, a.day, a.hours) for a in plan.on(WEDNESDAY)] == [("moved", WEDNESDAY, 1.0)]
    # The other step fills Monday and Tuesday's free hours around it.
    assert [(a.step_id, a.hours) for a in plan.on(MONDAY)] == [("other", 2.0)]
    assert plan.outcomes["moved"].finish == WEDNESDAY
    assert plan.outcomes["moved"].late_hours == 1.0
    assert not plan.outcomes["moved"].on_time
    assert plan.shortfalls == ()  # late by the user's choice, not over-committed


def test_a_step_put_on_a_day_off_is_there_whole() -> None:
    saturday = MONDAY + dt.timedelta(days=5)
    step = PlanStep("s", "g", "Mock", saturday + dt.timedelta(days=3), 4.0, planned=saturday)
    plan = schedule([step], EVENINGS, MONDAY)
    assert [(a.day, a.hours) for a in plan.allocations] == [(saturday, 4.0)]


def test_a_placement_gone_by_is_scheduled_as_any_step() -> None:
    step = PlanStep("s", "g", "Mock", WEDNESDAY, 1.0, planned=MONDAY - dt.timedelta(days=1))
    assert [(a.day, a.hours) for a in schedule([step], EVENINGS, MONDAY).allocations] == [
        (MONDAY, 1.0)
    ]


def test_today_lists_what_the_week_puts_on_today() -> None:
    def facts(due: dt.date, planned: dt.date | None) -> TodayFacts:
        return TodayFacts(MONDAY, steps=[StepFacts("Story", "/s/", due, "Goal", planned)])

    assert [i.line.note for i in today_list(facts(MONDAY, None))] == ["Goal · due today"]
    assert today_list(facts(MONDAY, WEDNESDAY)) == ()
    assert [i.line.note for i in today_list(facts(WEDNESDAY, MONDAY))] == [
        "Goal · due in 2 days · you put it on today"
    ]
    # A placement on a day gone by no longer holds: the step is due, so it is listed.
    gone = MONDAY - dt.timedelta(days=1)
    assert [i.line.note for i in today_list(facts(gone, gone))] == ["Goal · 1 day overdue"]
