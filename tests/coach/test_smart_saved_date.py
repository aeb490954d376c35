"""A goal's saved target date read from its own words says so ("from “by Friday” in your
goal"), not "the target date you set"; a date set in the form still says that."""

import datetime as dt

from prepcoach.coach.smart import SmartContext, check_goal

MONDAY = dt.date(2026, 11, 30)
FRIDAY = dt.date(2026, 12, 4)


def test_a_date_read_from_the_words_says_where_it_came_from() -> None:
    context = SmartContext(deadline=FRIDAY)
    reason = check_goal("Do 3 mock interviews by Friday", MONDAY, context=context).time_bound.reason
    assert reason == "Due 4 December 2026: from “by Friday” in your goal."
    assert "you set" not in reason


def test_days_later_the_saved_date_still_names_the_words() -> None:
    # On Saturday "by Friday" reads as the next Friday: the saved one stays, and says why.
    saturday = FRIDAY + dt.timedelta(days=1)
    context = SmartContext(deadline=FRIDAY + dt.timedelta(days=7))
    check = check_goal("Do 3 mock interviews by Friday", saturday, context=context)
    assert check.time_bound.reason.startswith("Due 11 December 2026: ")
    context = SmartContext(deadline=dt.date(2026, 12, 20))
    reason = check_goal("Do 3 mock interviews by Friday", MONDAY, context=context).time_bound.reason
    assert reason == "Due 20 December 2026: saved with your goal, which says “by Friday”."


def test_a_date_set_in_the_form_with_no_deadline_in_the_words() -> None:
    context = SmartContext(deadline=FRIDAY)
    reason = check_goal("Do 3 mock interviews", MONDAY, context=context).time_bound.reason
    assert reason == "Due 4 December 2026: the target date you set."
