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
