"""The progress page's charts: a figure with a fixed scale is drawn on it."""

import datetime as dt

from prepcoach.coach.trends import Trend
from prepcoach.practice.report import trend_charts

MONDAY = dt.date(2026, 11, 30)


def test_star_parts_are_drawn_from_0_to_4() -> None:
    # A new user's trial: the same 2.3 every week drew an axis up to 4.6 "of 4".
    weeks = ((MONDAY - dt.timedelta(weeks=1), 2.3), (MONDAY, 2.3))
    (chart,) = trend_charts([Trend("star_parts", "STAR parts present (of 4)", weeks)])
    assert [label for _, label in chart.y_ticks] == ["0", "4"]
    (other,) = trend_charts([Trend("fillers_per_min", "Fillers a minute", weeks)])
    assert [label for _, label in other.y_ticks] == ["0", "4.6"]  # a free scale as before
