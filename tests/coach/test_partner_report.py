"""coach.partners: where a shared goal stands against its ideal line, and the weekly report."""

from __future__ import annotations

import datetime as dt

from prepcoach.coach.partners import (
    Standing,
    goal_standing,
    partner_report,
    weekly_mail_due,
)
from prepcoach.coach.progress import StepState, goal_progress, weekly_review

TODAY = dt.date(2026, 3, 11)  # a Wednesday
START, DEADLINE = TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=10)  # ideal at 50 %


def progress_at(done: float, deadline: dt.date | None = DEADLINE) -> object:
    from prepcoach.coach.progress import CheckIn

    return goal_progress(start=START, deadline=deadline, today=TODAY, target=10, unit="mocks",
                         check_ins=[CheckIn(TODAY, done)])  # fmt: skip


def test_standing_against_the_ideal_line() -> None:
    cases = {
        2: (Standing.BEHIND, "20% done (2 of 10 mocks): behind the ideal line, which is at 50%"),
        4.5: (Standing.ON_TRACK, "on track; the ideal line is at 50% today."),
        5: (Standing.AHEAD, "50% done (5 of 10 mocks): on the ideal line (50% today)."),
        6: (Standing.AHEAD, "ahead of the ideal line (50% today)."),
        10: (Standing.REACHED, "goal reached."),
    }
    for done, (standing, words) in cases.items():
        found = goal_standing("Mocks", progress_at(done))  # type: ignore[arg-type]
        assert found.standing is standing
        assert words in found.sentence


def test_nothing_done_on_the_first_day_is_on_the_line_not_ahead_of_it() -> None:
    # A new user's trial: "0% done (0 of 2 …): ahead of the ideal line (0% today)".
    found = goal_standing(
        "Mocks",
        goal_progress(start=TODAY, deadline=DEADLINE, today=TODAY, target=2, unit="mocks",
                      check_ins=[]),
    )  # fmt: skip
    assert "ahead" not in found.sentence
    assert found.sentence.endswith("on the ideal line (0% today).")


def test_without_a_deadline_there_is_no_line_to_be_behind() -> None:
    found = goal_standing("Mocks", progress_at(1, deadline=None))  # type: ignore[arg-type]

    assert found.standing is Standing.NO_LINE
    assert "no ideal line" in found.sentence


def test_the_report_names_goals_behind_and_suggests_a_message() -> None:
    steps = [StepState(1, "Mock with Sam", 1, TODAY - dt.timedelta(days=2), TODAY)]
    report = partner_report(
        "Alice",
        [("Mocks", progress_at(2)), ("SQL", progress_at(8))],  # type: ignore[list-item]
        weekly_review(steps, TODAY),
        ["Halfway"],
    )

    assert report.headline == "Alice is behind the ideal line on “Mocks”."
    assert "ask Alice what would make the next step smaller" in report.suggestion
    assert (report.done, report.slipped, report.milestones) == (1, 0, ("Halfway",))


def test_the_report_on_track_and_empty() -> None:
    steps = [StepState(1, "Mock with Sam", 1, TODAY, TODAY)]
    on_track = partner_report("Alice", [("SQL", progress_at(8))],  # type: ignore[list-item]
                              weekly_review(steps, TODAY))  # fmt: skip
    empty = partner_report("Alice", [], weekly_review([], TODAY))

    assert on_track.headline == "Alice ticked off 1 step this week and is on track."
    assert empty.is_empty
    assert empty.headline == "Alice shares no goals with you at the moment."


def test_the_weekly_mail_is_due_a_week_apart_in_the_morning() -> None:
    morning = dt.datetime(2026, 3, 11, 8, 0)

    assert weekly_mail_due(morning, None)
    assert not weekly_mail_due(morning.replace(hour=6), None)
    assert not weekly_mail_due(morning, TODAY - dt.timedelta(days=6))
    assert weekly_mail_due(morning, TODAY - dt.timedelta(days=7))
