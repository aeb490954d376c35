"""Geometry for the progress chart: the page draws it as inline SVG, with no script."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from prepcoach.coach.progress import Point, Progress

WIDTH, HEIGHT, PAD = 600, 220, 32
LEFT = 60  # room for "100%" at the phone size of the labels (app.css)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    ideal: str  # SVG polyline points
    actual: str
    dots: list[tuple[float, float, str]]  # x, y, label
    today_x: float | None
    ticks: list[tuple[float, str]]  # x, label
    y_ticks: list[tuple[float, str]]
    # The latest figure written beside its dot (x, y, label, text-anchor), so the chart reads
    # without hovering: to the dot's left, off the today line that runs through a check-in today.
    value: tuple[float, float, str, str] | None = None
    left: int = LEFT  # where the plot starts, after the percent labels


def progress_chart(
    progress: Progress, start: dt.date, end: dt.date | None, today: dt.date
) -> Chart | None:
    points = [*progress.ideal, *progress.actual]
    if not points:
        return None
    first = min([start, *(p.day for p in points)])
    last = max([end or today, today, *(p.day for p in points)])
    if last == first:
        # A goal set and due on one day: the day before gives the axis two dates to show (a
        # trial's read "6 Dec6 Dec", one label drawn on the other).
        first -= dt.timedelta(days=1)
    span = (last - first).days

    def x(day: dt.date) -> float:
        return round(LEFT + (WIDTH - LEFT - PAD) * (day - first).days / span, 1)

    def y(percent: float) -> float:
        return round(HEIGHT - PAD - (HEIGHT - 2 * PAD) * percent / 100, 1)

    def line(series: tuple[Point, ...]) -> str:
        return " ".join(f"{x(p.day)},{y(p.percent)}" for p in series)

    actual = progress.actual
    if actual and actual[0].day > start:
        actual = (Point(start, 0.0), *actual)
    ticks = [(x(first), f"{first:%-d %b}"), (x(last), f"{last:%-d %b}")]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        ideal=line(progress.ideal),
        actual=line(actual),
        dots=[
            (x(p.day), y(p.percent), f"{p.percent:.0f}% on {p.day:%-d %b}") for p in progress.actual
        ],
        today_x=x(today) if first <= today <= last else None,
        ticks=ticks,
        y_ticks=[(y(v), f"{v}%") for v in (0, 50, 100)],
        value=_value_label(x(actual[-1].day), y(actual[-1].percent), actual[-1].percent)
        if progress.actual
        else None,
    )


def _value_label(x: float, y: float, percent: float) -> tuple[float, float, str, str]:
    """The latest figure beside its dot: on the left, unless the dot is at the plot's left."""
    room = x - LEFT >= 70
    return (
        round(x - 8 if room else x + 8, 1),
        max(y - 8, 24.0),
        f"{percent:.0f}%",
        "end" if room else "start",
    )
