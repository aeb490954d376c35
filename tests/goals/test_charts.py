"""A goal's progress chart (`goals.charts.progress_chart`): its time axis."""

import datetime as dt

from prepcoach.coach.progress import Point, Progress
from prepcoach.goals.charts import progress_chart

DAY = dt.date(2026, 12, 6)


def progress(*points: Point) -> Progress:
    return Progress(40.0, "2 of 5", points, (), None, False)


def test_a_goal_set_and_due_on_one_day_has_two_dates_on_its_axis() -> None:
    """A trial's goal due the day it was set drew "6 Dec6 Dec", one label on the other."""
    chart = progress_chart(progress(Point(DAY, 40.0)), DAY, DAY, DAY)
    assert chart is not None
    assert [label for _, label in chart.ticks] == ["5 Dec", "6 Dec"]
    (left, _), (right, _) = chart.ticks
    assert right > left
    assert chart.today_x == right  # today, with its figure, at the axis's end
    assert chart.dots[0][0] == right


def test_a_goal_of_a_month_spans_its_start_to_its_deadline() -> None:
    start, due = DAY - dt.timedelta(days=10), DAY + dt.timedelta(days=20)
    chart = progress_chart(progress(Point(DAY, 40.0)), start, due, DAY)
    assert chart is not None
    assert [label for _, label in chart.ticks] == ["26 Nov", "26 Dec"]
