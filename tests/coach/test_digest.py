"""What to do today and the digest: chosen and ordered from plain rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.area_types import TrendWeek
from prepcoach.coach.digest import (
    AreaFacts,
    DigestFacts,
    GoalFacts,
    Line,
    StepFacts,
    TodayFacts,
    build_digest,
    today_list,
    trend_words,
)
from prepcoach.coach.reminders import reminder_due

TODAY = dt.date(2026, 11, 30)  # a Monday


def step(title: str, days: int) -> StepFacts:
    return StepFacts(title, f"/plan/{title}/", TODAY + dt.timedelta(days=days), "Land the job")


def test_today_puts_the_debrief_first_then_the_interview_steps_drills_and_area() -> None:
    items = today_list(TodayFacts(
        TODAY, debriefs_owed=[Line("Write the debrief", "/d/")],
        next_interview=Line("Final round at Acme", "/ready/1/", "tomorrow, Tue 1 Dec 10:00"),
        next_interview_day=TODAY + dt.timedelta(days=1),
        steps=[step("later", 3), step("today", 0), step("late", -2)],
        drills_due=4, drills_url="/drills/", first_area=Line("Practise: Slow down", "/areas/"),
    ))  # fmt: skip
    assert [(i.kind, i.line.text) for i in items] == [
        ("debrief", "Write the debrief"), ("interview", "Final round at Acme"),
        ("step", "late"), ("step", "today"), ("drills", "4 drills due"),
        ("area", "Practise: Slow down"),
    ]  # fmt: skip
    assert items[2].line.note == "Land the job · 2 days overdue"
    assert items[3].line.note == "Land the job · due today"


def test_an_interview_next_week_is_not_for_today() -> None:
    far = TodayFacts(TODAY, next_interview=Line("Final round"),
                     next_interview_day=TODAY + dt.timedelta(days=6))  # fmt: skip
    assert today_list(far) == ()


def test_one_week_of_trend_reads_as_its_number() -> None:
    """Counts, never a bare share: a trial's areas page said "Trend: 60 % of this week's
    answers" of 3 of the 5 answers its rule judged, of 11 answered that week."""
    assert trend_words([TrendWeek(TODAY, 3, 5)], TODAY + dt.timedelta(days=2)) == (
        "3 of the 5 answers it judged this week"
    )
    assert trend_words([TrendWeek(TODAY - dt.timedelta(days=7), 1, 1)], TODAY) == (
        "1 of 1 answer it judged last week"
    )
    three = [TrendWeek(TODAY - dt.timedelta(days=14), 2, 2),
             TrendWeek(TODAY - dt.timedelta(days=7), 4, 5), TrendWeek(TODAY, 1, 4)]  # fmt: skip
    assert trend_words(three, TODAY) == "2 of the 2 answers it judged 2 weeks ago, 1 of 4 this week"
    assert trend_words([], TODAY) == ""


@pytest.mark.parametrize(("frequency", "period", "listed"),
                         [("daily", "day", ["late", "today"]),
                          ("weekly", "week", ["late", "today", "in six"]),
                          ("fortnight", "two weeks", ["late", "today", "in six", "in ten"])])  # fmt: skip
def test_the_digest_lists_the_steps_of_its_period(frequency: str, period: str,
                                                  listed: list[str]) -> None:  # fmt: skip
    steps = [step("in ten", 10), step("today", 0), step("late", -1), step("in six", 6),
             step("in twenty", 20)]  # fmt: skip
    digest = build_digest(DigestFacts(frequency, TODAY, TODAY, steps=steps))
    assert digest.period == period
    assert [line.text for line in digest.steps] == listed
    assert digest.overdue == 1
    # Sent on Monday 30 Nov, it looks back on the period that ends that day.
    assert digest.span == ("today, 30 Nov" if period == "day" else f"the {period} to 30 Nov")
    assert digest.subject.startswith(f"prepcoach: your {period}: {len(listed)} steps due")


def test_the_digest_holds_goals_areas_and_reading_in_words() -> None:
    digest = build_digest(DigestFacts(
        "weekly", TODAY, TODAY - dt.timedelta(days=7),
        goals=[GoalFacts("Later goal", "/g/2/", 10, None),
               GoalFacts("Sooner goal", "/g/1/", 40, TODAY + dt.timedelta(days=4))],
        areas=[AreaFacts("Slow down", "faster than 160 words a minute: in 2 of the 3 answers it "
                         "could judge", "/areas/#area-pace_fast", [TrendWeek(TODAY, 1, 2)])],
        saved=[Line("Causal inference course", "", "to read")],
        new=[Line("Dashboard standard", "https://example.org/1", "Health")], more_new=3,
    ))  # fmt: skip
    assert [(g.text, g.note) for g in digest.goals] == [
        ("Sooner goal", "40 % · by Fri 4 Dec"), ("Later goal", "10 %")
    ]  # fmt: skip
    assert digest.areas[0].note.endswith("; 1 of the 2 answers it judged this week")
    assert digest.subject == (
        "prepcoach: your week: 0 steps due, 1 area to work on, 4 new items to read"
    )
    assert not digest.empty
    assert build_digest(DigestFacts("daily", TODAY, TODAY)).empty


def test_every_other_monday_for_a_digest_every_two_weeks() -> None:
    monday = dt.datetime(2026, 11, 30, 8, 0)
    assert reminder_due("fortnight", monday, None)
    assert not reminder_due("fortnight", monday, dt.date(2026, 11, 23))  # a week ago
    assert reminder_due("fortnight", monday, dt.date(2026, 11, 16))  # two weeks ago
    assert not reminder_due("fortnight", monday + dt.timedelta(days=1), None)  # a Tuesday


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(-30, 30), max_size=20), st.sampled_from(["daily", "weekly", "fortnight"])
)
def test_every_step_listed_is_due_within_the_period_in_order(
    days: list[int], frequency: str
) -> None:
    digest = build_digest(DigestFacts(frequency, TODAY, TODAY,
                                      steps=[step(f"s{i}", d) for i, d in enumerate(days)]))  # fmt: skip
    window = {"daily": 1, "weekly": 7, "fortnight": 14}[frequency]
    due = sorted(d for d in days if d < window)
    assert len(digest.steps) == min(len(due), 10)
    assert digest.overdue == sum(d < 0 for d in days)
    assert digest.until == TODAY + dt.timedelta(days=window - 1)
