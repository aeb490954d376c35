import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.progress import (
    CheckIn,
    MilestoneState,
    StepState,
    goal_progress,
    milestone_changes,
    newly_reached,
    streak,
    weekly_review,
)

START = dt.date(2026, 11, 1)
DEADLINE = dt.date(2026, 12, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_measurable_goals_use_the_latest_check_in() -> None:
    progress = goal_progress(
        start=START, deadline=DEADLINE, today=day(15), target=3, unit="mock interviews",
        check_ins=[CheckIn(day(10), 2), CheckIn(day(3), 1)],
    )  # fmt: skip
    assert progress.percent == 66.7
    assert progress.basis == "2 of 3 mock interviews"
    assert [p.day for p in progress.actual] == [day(3), day(10)]
    assert progress.ideal[0].percent == 0
    assert progress.ideal[-1].percent == 100
    assert progress.expected_now == 50.0
    assert not progress.behind


def test_a_day_is_one_point_on_the_chart_its_last_figure() -> None:
    progress = goal_progress(
        start=START, deadline=DEADLINE, today=day(15), target=4, unit="mock interviews",
        check_ins=[CheckIn(day(3), 1), CheckIn(day(10), 1), CheckIn(day(10), 3)],
    )  # fmt: skip
    assert [(p.day, p.percent) for p in progress.actual] == [(day(3), 25.0), (day(10), 75.0)]
    assert progress.basis == "3 of 4 mock interviews"


def test_other_goals_are_measured_by_the_hours_of_steps_done() -> None:
    steps = [
        StepState(1, "a", 1, day(5), done_on=day(4)),
        StepState(2, "b", 3, day(9)),
    ]
    progress = goal_progress(start=START, deadline=DEADLINE, today=day(24), steps=steps)
    assert progress.percent == 25.0
    assert progress.basis == "1 of 2 steps"
    assert progress.behind  # 25 % done, the ideal line is at 80 %


def test_a_goal_without_steps_or_target_is_at_zero() -> None:
    progress = goal_progress(start=START, deadline=None, today=day(3))
    assert progress.percent == 0
    assert progress.basis == "no steps yet"
    assert progress.ideal == ()


def test_streak_counts_consecutive_days_up_to_today_or_yesterday() -> None:
    active = [day(1), day(2), day(3), day(5)]
    assert streak(active, day(5)) == 1
    assert streak(active, day(4)) == 3
    assert streak(active, day(7)) == 0


def test_a_day_off_neither_breaks_nor_counts_in_a_streak() -> None:
    """A trial: progress every day from Monday 23 November to Sunday 6 December but Sunday 29
    November, the profile's day off, read a 7-day streak."""
    sunday = 6
    active = [dt.date(2026, 11, 23) + dt.timedelta(days=n) for n in range(14) if n != 6]
    assert streak(active, dt.date(2026, 12, 6)) == 7
    assert streak(active, dt.date(2026, 12, 6), [sunday]) == 13
    # Progress on a day off counts; a working day without progress still breaks the run.
    assert streak([*active, dt.date(2026, 11, 29)], dt.date(2026, 12, 6), [sunday]) == 14
    gap = [d for d in active if d != dt.date(2026, 11, 26)]
    assert streak(gap, dt.date(2026, 12, 6), [sunday]) == 9
    # Today young on a Monday after a Sunday off: the run before the weekend holds.
    saturday_run = [dt.date(2026, 11, 26) + dt.timedelta(days=n) for n in range(3)]
    assert streak(saturday_run, dt.date(2026, 11, 30), [sunday]) == 3
    assert streak(saturday_run, dt.date(2026, 11, 30), range(7)) == 0  # all days off: none
    assert streak(active, dt.date(2026, 12, 6), (d for d in [sunday])) == 13  # read once


@given(
    st.sets(st.integers(min_value=0, max_value=60)),
    st.sets(st.integers(min_value=0, max_value=6)),
    st.integers(min_value=0, max_value=60),
)
def test_days_off_only_lengthen_a_streak(active: set[int], off: set[int], today: int) -> None:
    days = [day(n) for n in active]
    without = streak(days, day(today))
    assert streak(days, day(today), ()) == without
    assert streak(days, day(today), off) >= without


def test_milestones_reached_once() -> None:
    milestones = [
        MilestoneState(1, "Halfway", 50, None),
        MilestoneState(2, "Done", 100, None),
        MilestoneState(3, "Started", 10, day(1)),
    ]
    assert [m.title for m in newly_reached(milestones, 66.7)] == ["Halfway"]


def test_a_milestone_the_progress_no_longer_holds_is_no_longer_reached() -> None:
    """The check-in that reached "Halfway" deleted: 25 % does not hold 50 %."""
    milestones = [
        MilestoneState(1, "Started", 10, day(1)),
        MilestoneState(2, "Halfway", 50, day(5)),
        MilestoneState(3, "Done", 100, None),
    ]
    changes = milestone_changes(milestones, 25.0, corrected=True)
    assert [m.title for m in changes.no_longer] == ["Halfway"]
    assert changes.reached == ()
    # Progress that falls for what it measures (a lower score logged, a step added) takes
    # nothing back: only a correction of what was logged does (a review).
    assert milestone_changes(milestones, 25.0).no_longer == ()
    back = milestone_changes([MilestoneState(2, "Halfway", 50, None)], 50.0, corrected=True)
    assert [m.title for m in back.reached] == ["Halfway"]
    assert back.no_longer == ()


def test_weekly_review_lists_done_slipped_next_and_prompts() -> None:
    today = day(14)
    steps = [
        StepState(1, "Research Acme", 1, day(10), done_on=day(12)),
        StepState(2, "Mock interview", 1, day(12)),
        StepState(3, "Write stories", 2, day(16)),
        StepState(4, "Old thing", 1, day(1), done_on=day(1)),
    ]
    review = weekly_review(steps, today, overcommitted_hours=3)
    assert [i.title for i in review.done] == ["Research Acme"]
    assert [i.title for i in review.slipped] == ["Mock interview"]
    assert [i.title for i in review.due_next] == ["Write stories"]
    assert any("“Mock interview” was due" in p for p in review.prompts)
    assert any("need 3 h more than your week holds" in p for p in review.prompts)


def test_reminders_are_due_in_the_morning_once() -> None:
    import datetime as dt

    from prepcoach.coach.reminders import reminder_due

    monday_8am = dt.datetime(2026, 11, 23, 8)
    assert reminder_due("daily", monday_8am, last_sent=None)
    assert not reminder_due("daily", monday_8am, last_sent=monday_8am.date())
    assert not reminder_due("daily", monday_8am.replace(hour=6), last_sent=None)
    assert reminder_due("weekly", monday_8am, last_sent=None)
    assert not reminder_due("weekly", monday_8am + dt.timedelta(days=1), last_sent=None)
    assert not reminder_due("off", monday_8am, last_sent=None)


def test_the_digest_lists_overdue_and_due_steps() -> None:
    from prepcoach.coach.reminders import digest

    today = day(10)
    steps = [
        StepState(1, "late", 1, day(8)),
        StepState(2, "today", 1, day(10)),
        StepState(3, "friday", 1, day(13)),
        StepState(4, "done", 1, day(9), done_on=day(9)),
    ]
    daily = digest(steps, today, "daily")
    assert [s.title for s in daily.overdue] == ["late"]
    assert [s.title for s in daily.due] == ["today"]
    assert [s.title for s in digest(steps, today, "weekly").due] == ["today", "friday"]


def test_a_measured_goal_also_reports_its_steps() -> None:
    steps = [StepState(1, "a", 1, day(5), done_on=day(4)), StepState(2, "b", 1, day(9))]
    progress = goal_progress(
        start=START, deadline=DEADLINE, today=day(5), target=3, unit="mocks", steps=steps
    )
    assert progress.percent == 0
    assert progress.steps_percent == 50.0
    assert progress.steps_basis == "1 of 2 steps"
    unmeasured = goal_progress(start=START, deadline=DEADLINE, today=day(5), steps=steps)
    assert unmeasured.steps_percent is None
