"""Attainable's estimate of the work (`smart_fit.attainable`), through `smart.check_goal`."""

import datetime as dt

import pytest

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


# Paces (a trial: "2 hours a week for 6 weeks" had no estimate, a pace being no count), and a
# review's cases, each goal with the estimate said of it.
PACES = [
    # kept up for its span, or until the deadline (115 days from 6 December to 31 March: 32.9 h)
    ("Practise system design 2 hours a week for 6 weeks by 31 March", "12 h before 31 March 2027"),
    ("Study 2 hours a week by 31 March", "33 h before 31 March 2027"),
    # a unit with a typical length, and times a period with one length each
    ("Do 3 mock interviews a week for 4 weeks by 31 January", "18 h before"),
    ("practise answers 3 times a week for 30 minutes for 4 weeks", "6 h before"),
    ("do 20 min of yoga every morning for the next 30 days", "10 h before 5 January 2027"),
    # "min" and "hrs" are minutes and hours
    ("Pitch my story 5 x 2 min by 20/12", "10 min before"),
    ("Practise 2 hrs a week until 31 January", "16 h before"),
    # a pace of time is the time its counts take, not more work beside them (a review read
    # "2 hours a week on 3 mock interviews" as 37.5 h, the mocks' 4.5 h added)
    ("Spend 2 hours a week on 3 mock interviews by 31 March", "33 h before 31 March 2027"),
    ("Study 1 hour a day for 2 weeks, in 10 minute blocks", "14 h before"),
    # worded otherwise, read alike
    ("Study 2 hours weekly for 6 weeks", "12 h before"),
    ("Do 2 mock interviews every Monday for 6 weeks", "18 h before"),
    ("Practise 30 minutes every weekday for 6 weeks", "15 h before"),
    # days named in the plural or in a list, and weekends, are paces too (a trial's "1 hour on
    # Mondays for 6 weeks" read 1 h, and "every weekend" no pace)
    ("Practise SQL 1 hour on Mondays for 6 weeks", "6 h before"),
    ("Practise SQL 1 hour on Mondays and Thursdays for 6 weeks", "12 h before"),
    ("Practise 1 hour every Monday, Wednesday and Friday for 4 weeks", "12 h before"),
    ("Practise SQL 2 hours every weekend for 6 weeks", "12 h before"),
    ("Practise SQL 2 hours at weekends for 6 weeks", "12 h before"),
    # a day named as an exception or an aside is no pace (a review read 100 h and 540 h)
    ("Practise SQL for 20 hours by 10 January but not on Sundays", "20 h before"),
    ("Do 30 mock interviews in 6 weeks, I work on Saturdays and Sundays", "45 h before"),
    ("I'm free on Mondays so I'll practise SQL 2 hours a day for 6 weeks", "84 h before"),
    ("Study SQL 2 h a day for 10 days", "20 h before"),
    # a pace of counts is work beside the goal's other counts ("admin" holds no "min")
    (
        "Hold 2 admin meetings a week for 4 weeks and write 3 stories by 31 January",
        "10.25 h before",
    ),
    # a deadline today still counts a day
    ("Study 2 hours a day today", "2 h before 6 December 2026"),
]


@pytest.mark.parametrize(("goal", "estimate"), PACES)
def test_a_pace_is_estimated_as_its_hours_kept_up(goal: str, estimate: str) -> None:
    assert f"A rough estimate is {estimate}" in check_goal(goal, TODAY).attainable.reason


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


def test_a_huge_number_gives_no_estimate() -> None:
    huge = check_goal("Study 1" + "0" * 400 + " hours a week for 6 weeks", TODAY)
    assert "A rough estimate" not in huge.attainable.reason
