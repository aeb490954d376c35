"""Attainable's estimate of the work (`smart_fit.attainable`), through `smart.check_goal`."""

import datetime as dt

from prepcoach.coach.smart import check_goal

TODAY = dt.date(2026, 12, 6)


def test_a_length_done_several_times_is_counted_that_many_times_and_said_in_minutes() -> None:
    # Trial 297 read "A rough estimate is 0.03 h": the 2 minutes once, the 5 times of nothing.
    text = "practise explaining SPC charts to a matron in 2 minutes, 5 times by 20/12"
    found = check_goal(text, TODAY)
    assert "A rough estimate is 10 min before 20 December" in found.attainable.reason
    assert "0.03 h" not in found.attainable.reason
    # Written "5 x 2 minutes" too (a review read "2 min" for it).
    times = check_goal("Pitch my story 5 x 2 minutes by 20/12", TODAY)
    assert "A rough estimate is 10 min before 20 December" in times.attainable.reason


def test_a_pace_is_kept_up_for_its_span_or_until_the_deadline() -> None:
    # A trial: "2 hours a week for 6 weeks" had no estimate (a pace is no count).
    span = check_goal("Practise system design 2 hours a week for 6 weeks by 31 March", TODAY)
    assert "A rough estimate is 12 h before 31 March 2027" in span.attainable.reason
    # No span: the pace until the deadline (115 days from 6 December to 31 March: 32.9 h).
    until = check_goal("Study 2 hours a week by 31 March", TODAY)
    assert "A rough estimate is 33 h before 31 March 2027" in until.attainable.reason
    # A unit with a typical length, and times a period with one length each.
    mocks = check_goal("Do 3 mock interviews a week for 4 weeks by 31 January", TODAY)
    assert "A rough estimate is 18 h before" in mocks.attainable.reason
    times = check_goal("practise answers 3 times a week for 30 minutes for 4 weeks", TODAY)
    assert "A rough estimate is 6 h before" in times.attainable.reason
    daily = check_goal("do 20 min of yoga every morning for the next 30 days", TODAY)
    assert "A rough estimate is 10 h before 5 January 2027" in daily.attainable.reason


def test_a_time_after_a_name_is_a_pace_not_a_version() -> None:
    # "SQL 1" read as a version, as "Angular 17" is, so the hour a day was no quantity.
    found = check_goal("Study SQL 1 hour per day for 10 days", TODAY)
    assert "A rough estimate is 10 h before 16 December 2026" in found.attainable.reason
    assert "“1 hour per day”" in found.measurable.reason
    assert "There is no count" in check_goal("Learn Angular 17 by March", TODAY).measurable.reason


def test_two_paces_or_a_pace_of_times_with_no_length_give_no_estimate() -> None:
    """No estimate is better than a wrong one."""
    two = check_goal("Study SQL 2 hours a week and Python 3 hours a week by March", TODAY)
    assert "A rough estimate" not in two.attainable.reason
    times = check_goal("Practise interviews 3 times a week by 31 January", TODAY)
    assert "A rough estimate" not in times.attainable.reason


def test_abbreviated_minutes_and_hours_are_counted() -> None:
    assert (
        "A rough estimate is 10 min before"
        in check_goal("Pitch my story 5 x 2 min by 20/12", TODAY).attainable.reason
    )
    assert (
        "A rough estimate is 16 h before"
        in check_goal("Practise 2 hrs a week until 31 January", TODAY).attainable.reason
    )


def test_an_estimate_of_an_hour_or_more_is_still_said_in_hours() -> None:
    found = check_goal("Do 3 mock interviews by 20 December", TODAY)
    assert "A rough estimate is 4.5 h before 20 December" in found.attainable.reason
    sessions = check_goal("Do 2 sessions of 30 minutes by 20 December", TODAY)
    assert "A rough estimate is 1 h before" in sessions.attainable.reason


def test_with_only_the_jobs_terms_no_placeholder_is_quoted_as_a_role() -> None:
    """A browser check, with jobs saved and no target role: "Nothing in it connects to “your
    target role”", a placeholder quoted as if the user had typed it."""
    from prepcoach.coach.smart import SmartContext

    context = SmartContext(job_terms=("Power BI", "stakeholder management"))
    found = check_goal("Bake bread every Sunday by 12 December", TODAY, context=context)
    assert "your target role”" not in found.relevant.reason
    assert "“”" not in found.relevant.reason
    assert "“”" not in check_goal("get better at SQL", TODAY, context=context).relevant.reason


def test_a_pace_of_time_is_the_time_its_counts_take_not_more_work() -> None:
    """A review: "2 hours a week on 3 mock interviews" read 37.5 h, the mocks' 4.5 h added."""
    found = check_goal("Spend 2 hours a week on 3 mock interviews by 31 March", TODAY)
    assert "A rough estimate is 33 h before 31 March 2027" in found.attainable.reason
    blocks = check_goal("Study 1 hour a day for 2 weeks, in 10 minute blocks", TODAY)
    assert "A rough estimate is 14 h before" in blocks.attainable.reason


def test_paces_worded_otherwise_are_read_alike() -> None:
    weekly = check_goal("Study 2 hours weekly for 6 weeks", TODAY)
    assert "A rough estimate is 12 h before" in weekly.attainable.reason
    mondays = check_goal("Do 2 mock interviews every Monday for 6 weeks", TODAY)
    assert "A rough estimate is 18 h before" in mondays.attainable.reason
    weekdays = check_goal("Practise 30 minutes every weekday for 6 weeks", TODAY)
    assert "A rough estimate is 15 h before" in weekdays.attainable.reason
    short = check_goal("Study SQL 2 h a day for 10 days", TODAY)
    assert "A rough estimate is 20 h before" in short.attainable.reason


def test_a_deadline_today_still_counts_a_day_and_a_huge_number_gives_no_estimate() -> None:
    today = check_goal("Study 2 hours a day today", TODAY)
    assert "A rough estimate is 2 h before 6 December 2026" in today.attainable.reason
    huge = check_goal("Study 1" + "0" * 400 + " hours a week for 6 weeks", TODAY)
    assert "A rough estimate" not in huge.attainable.reason
