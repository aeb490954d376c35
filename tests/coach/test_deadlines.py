import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.deadlines import DateOrder, find_deadline

TODAY = dt.date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("research Acme by Friday", dt.date(2026, 11, 27)),
        ("by fridy", dt.date(2026, 11, 27)),
        ("finish within two weeks", dt.date(2026, 12, 5)),
        ("before my interview on 9 May", dt.date(2027, 5, 9)),
        ("Do 3 recorded mock interviews before my onsite on 14 March", dt.date(2027, 3, 14)),
        ("by the end of the month", dt.date(2026, 11, 30)),
        ("in the next 6 weeks", dt.date(2027, 1, 2)),
        ("in the coming month", dt.date(2026, 12, 21)),
        # Next Monday-to-Sunday week's Friday (23-29 November): the week "next week" names
        # (it read 4 December, the Friday after, until 2026-12-06).
        ("end of next week", dt.date(2026, 11, 27)),
        ("by end of week", dt.date(2026, 11, 22)),  # this Friday gone by: this week's Sunday
        ("by mid-January", dt.date(2027, 1, 15)),
        ("3 weeks from now", dt.date(2026, 12, 12)),
        ("by dec 12th", dt.date(2026, 12, 12)),
        ("by the 5th", dt.date(2026, 12, 5)),
        ("before 2027-01-10", dt.date(2027, 1, 10)),
        ("deadline: 12/01/2027", dt.date(2027, 1, 12)),
        ("by tomorrow", dt.date(2026, 11, 22)),
        ("this weekend", dt.date(2026, 11, 22)),
        ("by end of March", dt.date(2027, 3, 31)),
        ("every day for 14 days", dt.date(2026, 12, 5)),
        ("start Monday and finish by Thursday", dt.date(2026, 11, 26)),
    ],
)
def test_deadlines_written_many_ways(text: str, expected: dt.date) -> None:
    found = find_deadline(text, TODAY, "DMY")
    assert found.problem is None
    assert found.date == expected


def test_the_phrase_is_kept_as_evidence() -> None:
    assert find_deadline("Do it before my interview on 9 May", TODAY).phrase == "on 9 May"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("practice on 30 February", "“30 February” is not a real date: February has 29 days."),
        ("by 31 April", "“31 April” is not a real date: April has 30 days."),
        ("by 29 February 2027", "February has 28 days in 2027"),
        ("by 3 January 2025", "is in the past (3 January 2025)"),  # not ISO (issue 12, class 1)
        ("by 2027-02-30", "is not a date"),
    ],
)
def test_impossible_and_past_dates_are_reported(text: str, problem: str) -> None:
    found = find_deadline(text, TODAY)
    assert found.problem is not None
    assert problem in found.problem


def test_a_leap_day_without_a_year_is_the_next_one() -> None:
    assert find_deadline("by 29 February", TODAY).date == dt.date(2028, 2, 29)


@pytest.mark.parametrize("text", ["soon", "someday", "asap", "at some point"])
def test_vague_time_words_are_named_but_give_no_date(text: str) -> None:
    found = find_deadline(f"do mock interviews {text}", TODAY)
    assert found.date is None
    assert found.vague == text


@pytest.mark.parametrize(
    "text", ["get better at interviews", "Solve 50 problems", "practise every weekday", "in 2027"]
)
def test_no_deadline(text: str) -> None:
    assert find_deadline(text, TODAY).date is None


@given(
    st.text(max_size=200), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1))
)
def test_any_text_gives_an_answer_and_never_a_past_date(text: str, today: dt.date) -> None:
    found = find_deadline(text, today)
    if found.date is not None and found.problem is None:
        assert found.date >= today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do 3 mock interviews tomorrow", dt.date(2026, 11, 22)),
        ("update my LinkedIn profile today", TODAY),
        ("do 2 mocks next week", dt.date(2026, 11, 29)),
        ("by the weekend", dt.date(2026, 11, 22)),
        ("by Christmas", dt.date(2026, 12, 25)),
        ("do three mock interviews in January", dt.date(2027, 1, 31)),
        ("by end of Q1", dt.date(2027, 3, 31)),
        ("by next month", dt.date(2026, 12, 31)),
        ("by 21 November", TODAY),  # said on 21 November: today, not next year
    ],
)
def test_more_ways_of_saying_when(text: str, expected: dt.date) -> None:
    assert find_deadline(text, TODAY).date == expected


def test_a_second_clause_does_not_join_the_date() -> None:
    found = find_deadline("Write 2 cover letters by Friday and 3 by Monday", TODAY)
    assert (found.date, found.phrase, found.problem) == (dt.date(2026, 11, 27), "by Friday", None)


def test_the_phrase_quotes_what_was_written_even_with_a_typo() -> None:
    found = find_deadline("Solve 50 LeetCode problems by fridy", TODAY)
    assert found.phrase == "by fridy"
    assert found.date == dt.date(2026, 11, 27)


# Issue 9: slash and dot dates in the writer's own order; no silent years-away dates.
NOW = dt.date(2026, 11, 30)  # a Monday, the day tests/data/goals/ was labelled


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("by 12/31", "MDY", dt.date(2026, 12, 31)),  # not 12 November 2031
        ("by 4.12.", "DMY", dt.date(2026, 12, 4)),  # not today at 04:12
        ("by 04/12", "DMY", dt.date(2026, 12, 4)),
        ("by 04/12", "MDY", dt.date(2027, 4, 12)),
        ("by 12/31/26", "MDY", dt.date(2026, 12, 31)),
        ("by 15.01.2027", "DMY", dt.date(2027, 1, 15)),
        ("by 3/1", "MDY", dt.date(2027, 3, 1)),
        ("by 3/1", "DMY", dt.date(2027, 1, 3)),
        ("by EOD Friday", None, dt.date(2026, 12, 4)),
        ("EOD Friday", None, dt.date(2026, 12, 4)),
        ("before 2026-12-04T17:00", None, dt.date(2026, 12, 4)),
        ("finish it 2026-12-04T17:00", None, dt.date(2026, 12, 4)),
        ("by tmrw", None, dt.date(2026, 12, 1)),
        ("by 31/12", None, dt.date(2026, 12, 31)),  # only one order makes it a date
        ("by 2027", None, dt.date(2027, 12, 31)),
        # A weekday with "this" or "next" and no "by" is the deadline as with it (a new user's
        # "Do 10 mock interviews next Friday" had "no deadline").
        ("Do 10 mock interviews next Friday", None, dt.date(2026, 12, 4)),
        ("Do 10 mock interviews by next Friday", None, dt.date(2026, 12, 4)),
        ("Call 3 recruiters this Thursday", None, dt.date(2026, 12, 3)),
    ],
)
def test_numeric_dates_follow_the_writers_order(
    text: str, order: DateOrder | None, expected: dt.date
) -> None:
    found = find_deadline(text, NOW, order)
    assert found.problem is None
    assert found.date == expected


def test_a_weekday_that_says_when_the_goal_starts_is_no_deadline() -> None:
    for text in ("Starting next Monday, do 10 mock interviews", "From next Friday call 3 people"):
        assert find_deadline(text, NOW).date is None, text


def test_a_slash_date_impossible_in_the_writers_order_is_questioned_with_the_other() -> None:
    found = find_deadline("by 12/31", NOW, "DMY")
    assert found.date is None
    assert found.problem is not None
    assert "not a date in day/month order" in found.problem
    assert "Did you mean 31 December 2026" in found.problem


def test_a_date_that_reads_two_ways_is_questioned_when_the_order_is_unknown() -> None:
    found = find_deadline("by 04/12", NOW)
    assert found.date is None
    assert found.problem is not None
    assert "4 December 2026 or 12 April 2027" in found.problem


@pytest.mark.parametrize(
    ("text", "order", "meant"),
    [
        ("by 12/31/2031", "MDY", "Did you mean 31 December 2026?"),
        ("by Dec 31 2062", None, "Did you mean 31 December 2026?"),
        ("by 2031", None, "more than 2 years away"),
    ],
)
def test_a_date_years_away_is_questioned_not_accepted(
    text: str, order: DateOrder | None, meant: str
) -> None:
    found = find_deadline(text, NOW, order)
    assert found.problem is not None
    assert meant in found.problem


@pytest.mark.parametrize(
    "text", ["Learn Python 3.12 by Friday", "support 24/7", "blood pressure below 130/80"]
)
def test_version_numbers_and_ratios_are_not_dates(text: str) -> None:
    found = find_deadline(text, NOW)
    assert found.problem is None
    assert found.date in {None, dt.date(2026, 12, 4)}


@pytest.mark.parametrize("text", ["by 28 November", "before 20 October", "by Q3 2026", "by 23/11"])
def test_a_date_just_gone_is_past_not_next_year(text: str) -> None:
    found = find_deadline(text, NOW, "DMY")
    assert found.problem is not None
    assert "in the past" in found.problem


SUNDAY = dt.date(2026, 12, 6)  # the week's last day, where a trial found these


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do 3 mock interviews by this Sunday", SUNDAY),  # not a week later
        ("Do 3 mock interviews by Sunday", dt.date(2026, 12, 13)),  # a weekday said on it
        ("Do 3 mock interviews this week", SUNDAY),
        ("Do 3 mock interviews by end of week", SUNDAY),  # not Friday 11 December
        ("Do 3 mock interviews by the end of the week", SUNDAY),
        ("Do 3 mock interviews by end of next week", dt.date(2026, 12, 11)),
        ("Do 3 mock interviews next week", dt.date(2026, 12, 13)),
    ],
)
def test_a_week_said_on_its_sunday_is_that_week(text: str, expected: dt.date) -> None:
    found = find_deadline(text, SUNDAY, "DMY")
    assert (found.date, found.problem) == (expected, None)


def test_yesterday_is_a_deadline_gone_by() -> None:
    found = find_deadline("Practise 10 behavioural questions by yesterday", SUNDAY)
    assert found.date == dt.date(2026, 12, 5)
    assert found.problem == "“yesterday” is in the past (5 December 2026)."


@pytest.mark.parametrize(
    "text",
    [
        "Review yesterday's mock interview notes",
        "Follow up with the recruiter I met yesterday",
        "The task was due yesterday",  # a fact about a task, as a training goal says it
    ],
)
def test_yesterday_names_a_deadline_only_after_by_before_or_until(text: str) -> None:
    assert find_deadline(text, SUNDAY).date is None


def test_a_date_in_the_other_order_names_the_date_it_asks_about() -> None:
    # Trial 297: "Did you mean 31 December 2026?" while the rewrite proposed 3 January 2027.
    found = find_deadline("understand HES data by 12/31", dt.date(2026, 12, 6), "DMY")
    assert found.date is None
    assert found.problem is not None
    assert "Did you mean 31 December 2026" in found.problem
    assert found.meant == dt.date(2026, 12, 31)
    assert find_deadline("by 45/13", dt.date(2026, 12, 6), "DMY").meant is None


# A duration ("for 6 weeks") says how long the work lasts: a trial's "2 hours a week for 6 weeks
# by 31 March" was due six weeks from the day it was typed. A review then found "on Mondays" (a
# repeat), "the 2nd interview" (a count) and "starting in 3 weeks" (a start) beating it.
DURATIONS = [
    ("Practise 2 hours a week for 6 weeks by 31 March", dt.date(2027, 3, 31), "by 31 March"),
    ("Practise 2 hours a week for 6 weeks", dt.date(2027, 1, 17), "for 6 weeks"),
    # "for the next" names the deadline's own span, as before
    ("Apply to 3 jobs for the next 2 weeks", dt.date(2026, 12, 20), "for the next 2 weeks"),
    ("Practise 1 hour on Mondays for 6 weeks", dt.date(2027, 1, 17), "for 6 weeks"),
    ("Do mocks for 3 weeks before the 2nd interview", dt.date(2026, 12, 27), "for 3 weeks"),
    ("Study 2 hours a week for 6 weeks starting in 3 weeks", dt.date(2027, 1, 17), "for 6 weeks"),
    # still dates: one Monday, the 20th, the 2nd of a month
    ("Call recruiters on Monday", dt.date(2026, 12, 7), "on Monday"),
    ("Apply to 5 jobs by the 20th", dt.date(2026, 12, 20), "by the 20th"),
    ("Finish by the 2nd of January", dt.date(2027, 1, 2), "by the 2nd of January"),
]


@pytest.mark.parametrize(("text", "due", "phrase"), DURATIONS)
def test_a_written_date_beats_a_duration_and_a_repeat_count_or_start_is_none(
    text: str, due: dt.date, phrase: str
) -> None:
    found = find_deadline(text, dt.date(2026, 12, 6))
    assert (found.date, found.phrase) == (due, phrase)
