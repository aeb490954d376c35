"""Interview dates as people write them (coach/written_dates.py): read in the writer's date
order, written back so they read the same again, and every date that cannot be read named."""

import datetime as dt

import pytest

from prepcoach.coach.deadlines import DateOrder
from prepcoach.coach.written_dates import example, read_dates, write_dates

TODAY = dt.date(2026, 11, 30)  # a Monday


@pytest.mark.parametrize(
    ("text", "order", "dates"),
    [
        ("Thu 10 Dec, Fri 11 Dec", None, ["2026-12-10", "2026-12-11"]),
        ("10/12, 11/12/2026", "DMY", ["2026-12-10", "2026-12-11"]),
        ("12/10; 12/11/2026", "MDY", ["2026-12-10", "2026-12-11"]),
        ("Dec 10, 2026, Dec 11, 2026", None, ["2026-12-10", "2026-12-11"]),
        ("Thu, 10 Dec", None, ["2026-12-10"]),
        ("10.12.2026", "DMY", ["2026-12-10"]),
        ("25/12", None, ["2026-12-25"]),  # only one order makes a date of it
        ("2027-01-14, 2027-01-07", None, ["2027-01-07", "2027-01-14"]),  # ISO still works
        ("10 December 2026\n10 Dec", None, ["2026-12-10"]),  # the same day once
        ("20 Nov", None, ["2026-11-20"]),  # an interview just held: this year's
        ("tomorrow", None, ["2026-12-01"]),
        ("", None, []),
    ],
)
def test_dates_are_read_as_written(text: str, order: str | None, dates: list[str]) -> None:
    read = read_dates(text, TODAY, order)  # type: ignore[arg-type]
    assert read.problem is None
    assert [d.isoformat() for d in read.dates] == dates


@pytest.mark.parametrize(
    ("text", "order", "problem"),
    [
        ("10/12", None, "“10/12” could be Thu 10 Dec 2026 or Mon 12 Oct 2026"),
        ("25/12", "MDY", "“25/12” is not a date in month/day order: write it like Dec 24"),
        ("13/25", "DMY", "“13/25” is not a date in day/month order: write it like 24 Dec"),
        ("30/02/2027", None, "“30/02/2027” is not a date"),
        ("30 Feb", None, "“30 Feb” is not a real date: February has 29 days."),
        ("2027-02-30", None, "“2027-02-30” is not a real date: February has 28 days in 2027."),
        ("Fri 10 Dec", None, "“Fri 10 Dec”: 10 December 2026 is a Thursday."),
        ("10 Dec, soonish", "DMY", "“soonish” is not a date prepcoach can read: write it like 24"),
        ("5", None, "“5” is not a date prepcoach can read"),
    ],
)
def test_a_date_that_cannot_be_read_is_named(text: str, order: str | None, problem: str) -> None:
    read = read_dates(text, TODAY, order)  # type: ignore[arg-type]
    assert read.dates == ()
    assert read.problem
    assert read.problem.startswith(problem), read.problem


@pytest.mark.parametrize(
    ("order", "written"),
    [
        ("DMY", "Thu 10 Dec 2026, Mon 12 Jan 2026"),
        ("MDY", "Thu Dec 10 2026, Mon Jan 12 2026"),
        (None, "Thu 10 Dec 2026, Mon 12 Jan 2026"),
    ],
)
def test_dates_are_written_back_in_the_writers_order(order: str | None, written: str) -> None:
    dates = [dt.date(2026, 12, 10), dt.date(2026, 1, 12)]
    assert write_dates(dates, order) == written  # type: ignore[arg-type]
    # With their year, they read back as the same days, even one long past.
    assert read_dates(written, TODAY, order).dates == tuple(sorted(dates))  # type: ignore[arg-type]


@pytest.mark.parametrize("order", ["DMY", "MDY", None])
def test_each_example_reads_as_one_date_in_its_order_and_not_in_the_other(
    order: DateOrder | None,
) -> None:
    for piece in example(order).split(" or "):
        assert read_dates(piece, TODAY, order).dates == (dt.date(2026, 12, 24 if order else 10),)
        for other in ("DMY", "MDY"):
            if other != order and "/" in piece:
                assert read_dates(piece, TODAY, other).problem is not None  # unambiguous


def test_a_date_written_as_a_deadline_is_read_as_the_goal_form_reads_it() -> None:
    """A trial typed "by EOD Friday" for an interview: the goal form read it, the job form
    refused it. A deadline's words around a day are read past; a period, which a deadline
    reader reads as its last day, is no interview's day and is still refused (a review)."""
    friday = dt.date(2026, 12, 4)  # TODAY is a Monday
    assert read_dates("by EOD Friday", TODAY).dates == (friday,)
    assert read_dates("by EOD Friday, 2027-01-07", TODAY).dates == (friday, dt.date(2027, 1, 7))
    assert read_dates("before 10 Dec", TODAY).dates == (dt.date(2026, 12, 10),)
    for vague in ("whenever they call", "after Christmas", "Q1", "early next week", "by then"):
        assert read_dates(vague, TODAY).problem is not None, vague


def test_many_deadline_words_are_read_past_at_once() -> None:
    """A review: each leading "by" was read past by one more call, so 2,000 of them raised
    RecursionError (a 500 on the job form)."""
    assert read_dates("by " * 2000 + "Q1", TODAY).problem is not None
    assert read_dates("by by EOD Friday", TODAY).dates == (dt.date(2026, 12, 4),)
