"""Geometry for the progress chart: the page draws it as inline SVG, with no script."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from prepcoach.coach.progress import Point, Progress

WIDTH, HEIGHT, PAD = 600, 220, 32


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
    # The latest figure written by its dot, so the chart reads without hovering.
    value: tuple[float, float, str] | None = None


def progress_chart(
    progress: Progress, start: dt.date, end: dt.date | None, today: dt.date
) -> Chart | None:
    points = [*progress.ideal, *progress.actual]
    if not points:
        return None
    first = min([start, *(p.day for p in points)])
    last = max([end or today, today, *(p.day for p in points)])
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round(PAD + (WIDTH - 2 * PAD) * (day - first).days / span, 1)

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
        value=(
            (x(progress.actual[-1].day), max(y(progress.actual[-1].percent) - 8, 12.0),
             f"{progress.actual[-1].percent:.0f}%")
            if progress.actual else None
        ),
    )  # fmt: skip
