import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.availability import AvailabilityError, WeeklyAvailability

hours = st.floats(min_value=0, max_value=16, allow_nan=False).map(lambda h: round(h * 4) / 4)
weeks = st.tuples(*[hours] * 7).map(WeeklyAvailability)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


def test_a_week_has_seven_days() -> None:
    with pytest.raises(AvailabilityError, match="7 days"):
        WeeklyAvailability((1.0,) * 6)


@pytest.mark.parametrize("bad", [-1.0, 16.5, 24.0])
def test_impossible_hours_name_the_day(bad: float) -> None:
    with pytest.raises(AvailabilityError, match="Wednesday"):
        WeeklyAvailability((0, 0, bad, 0, 0, 0, 0))


def test_missing_values_mean_no_time_planned() -> None:
    assert WeeklyAvailability.from_list(None).is_empty
    assert WeeklyAvailability.from_list([]).per_week == 0


def test_on_uses_the_weekday() -> None:
    week = WeeklyAvailability((1, 2, 3, 4, 5, 6, 7))
    assert week.on(dt.date(2026, 11, 23)) == 1  # a Monday
    assert week.on(dt.date(2026, 11, 22)) == 7  # a Sunday


@given(weeks, dates, st.integers(min_value=-3, max_value=60))
def test_between_equals_the_sum_of_each_day(
    week: WeeklyAvailability, start: dt.date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    by_day = sum(week.on(start + dt.timedelta(days=i)) for i in range(max(length + 1, 0)))
    assert week.between(start, end) == pytest.approx(by_day)


@given(weeks, dates)
def test_seven_consecutive_days_hold_one_week(week: WeeklyAvailability, start: dt.date) -> None:
    assert week.between(start, start + dt.timedelta(days=6)) == pytest.approx(week.per_week)
