"""A list of dates as people write them ("Thu 10 Dec, 11/12/2026, 2027-01-07"), read and
written back in the person's own date order (a profile setting, as the SMART check reads it).

The pieces are read with the deadline reader's parts (`deadlines`): ISO dates; slash and dot
dates in the writer's order ("DMY" or "MDY"; without one, a date that reads two ways is
questioned, not guessed); and dates with a month or weekday word, by dateparser ("10 Dec",
"December 10", "next Tuesday", "tomorrow"). A day and month without a year is its next
occurrence (one in the last 60 days is this year's: an interview just held). A piece that is
no date, a day the month does not have, or a weekday that is not that date's, is named in a
sentence that says how to write it; nothing is guessed around it."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from prepcoach.coach.deadlines import (
    DATE_ORDERS,
    DATEISH_RE,
    DAY_MONTH_RE,
    ISO_RE,
    NUMERIC_DATE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    DateOrder,
    _impossible,
    _parse,
    _read_numeric,
)

ORDER_WORDS = {"DMY": "day/month", "MDY": "month/day"}
_YEAR_ONLY = re.compile(r"\d{4}")
_WEEKDAY_ONLY = re.compile(rf"{WEEKDAY_RE}\.?", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY_RE}\b\.?,?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WrittenDates:
    """The dates read, earliest first and each once, or why a piece could not be read."""

    dates: tuple[dt.date, ...]
    problem: str | None = None


def example(date_order: DateOrder | None) -> str:
    """How to write a date, in the person's order: "24 Dec or 24/12/2026". The day is past 12,
    so the example cannot be read in the other order."""
    if date_order == "MDY":
        return "Dec 24 or 12/24/2026"
    if date_order == "DMY":
        return "24 Dec or 24/12/2026"
    return "10 Dec 2026"


def read_dates(text: str, today: dt.date, date_order: DateOrder | None = None) -> WrittenDates:
    """Every date in `text`, separated by commas, semicolons or new lines."""
    found: set[dt.date] = set()
    for piece in pieces(text):
        date, problem = read_date(piece, today, date_order)
        if problem or date is None:
            return WrittenDates((), problem or _unreadable(piece, date_order))
        found.add(date)
    return WrittenDates(tuple(sorted(found)))


def pieces(text: str) -> list[str]:
    """The pieces between commas, semicolons and new lines; a year alone joins the piece
    before it ("Dec 10, 2026") and a weekday alone the piece after it ("Thu, 10 Dec")."""
    raw = [p.strip() for p in re.split(r"[,;\n]", text)]
    joined: list[str] = []
    weekday = ""
    for piece in filter(None, raw):
        if _YEAR_ONLY.fullmatch(piece) and joined:
            joined[-1] = f"{joined[-1]} {piece}"
        elif _WEEKDAY_ONLY.fullmatch(piece):
            weekday = f"{weekday} {piece}".strip()
        else:
            joined.append(f"{weekday} {piece}".strip())
            weekday = ""
    if weekday:
        joined.append(weekday)
    return joined


def read_date(
    piece: str, today: dt.date, date_order: DateOrder | None, *, again: bool = True
) -> tuple[dt.date | None, str | None]:
    """One written date, or why it cannot be read. `again`: a piece no date part reads is
    read once more without a deadline's words (`_as_deadline`)."""
    text = " ".join(piece.split())
    bare = " ".join(_WEEKDAY_WORD.sub(" ", text).split())  # "Thu 10 Dec" → "10 Dec"
    date: dt.date | None
    if iso := ISO_RE.fullmatch(bare):
        try:
            date = dt.date(*(int(iso.group(g)) for g in ("y", "m", "d")))
        except ValueError:
            year, month = int(iso.group("y")), int(iso.group("m"))
            if not 1 <= month <= 12:
                return None, f"“{piece}” is not a date: a year has 12 months."
            days = calendar.monthrange(year, month)[1]
            return None, (
                f"“{piece}” is not a real date: {calendar.month_name[month]} has {days} days "
                f"in {year}."
            )
    elif numeric := NUMERIC_DATE_RE.fullmatch(bare):
        date, problem = _numeric(numeric, piece, today, date_order)
        if problem:
            return None, problem
    elif DAY_MONTH_RE.search(bare):
        if problem := _impossible(bare):
            return None, problem
        date = _parse(bare, today)
    elif DATEISH_RE.search(text):  # "next Tuesday", "tomorrow": the weekday is the date
        date = _parse(text, today)
        if date or not again:
            return date, None if date else _unreadable(piece, date_order)
        return _as_deadline(text, piece, today, date_order)
    else:
        date = None
    if date is None:
        if not again:
            return None, _unreadable(piece, date_order)
        return _as_deadline(text, piece, today, date_order)
    return date, _weekday_problem(text, piece, date) if bare != text else None


# The words of a deadline around a day: "by EOD Friday", "before 10 Dec", "Thursday COB".
DEADLINE_WORDS_RE = re.compile(
    r"^\s*(?:by|before|on|no later than)\s+"
    r"|\b(?:EOD|COB|end of (?:the )?day|close of (?:business|play))\b\.?",
    re.IGNORECASE,
)


def _as_deadline(
    text: str, piece: str, today: dt.date, date_order: DateOrder | None
) -> tuple[dt.date | None, str | None]:
    """A piece no date part reads, read again without a deadline's words around its day: a
    trial typed "by EOD Friday" for an interview, which the goal form read and the job form
    refused. Only those words: the deadline reader's own reading of a period ("after
    Christmas", "Q1", "early next week": the last day it allows) is no interview's day (a
    review), and is still refused."""
    bare = text
    while (fewer := " ".join(DEADLINE_WORDS_RE.sub(" ", bare).split()).strip(" ,")) != bare:
        bare = fewer  # every leading "by", at once: "by by by … Q1" read itself once a "by"
    if not bare or bare == text:
        return None, _unreadable(piece, date_order)
    date, _ = read_date(bare, today, date_order, again=False)
    return (date, None) if date else (None, _unreadable(piece, date_order))


def write_dates(dates: Iterable[dt.date], date_order: DateOrder | None = None) -> str:
    """Dates as the person writes them, readable again by `read_dates` in any year: "Thu 10 Dec
    2026, Fri 8 Jan 2027" (day first, or no order set), "Thu Dec 10 2026" (month first)."""
    return ", ".join(write_date(d, date_order) for d in dates)


def write_date(date: dt.date, date_order: DateOrder | None = None) -> str:
    if date_order == "MDY":
        return f"{date:%a} {date:%b} {date.day} {date.year}"
    return f"{date:%a} {date.day} {date:%b} {date.year}"


def _numeric(
    match: re.Match[str], piece: str, today: dt.date, order: DateOrder | None
) -> tuple[dt.date | None, str | None]:
    readings = {o: _read_numeric(match, o, today) for o in ((order,) if order else DATE_ORDERS)}
    valid = {o: d for o, d in readings.items() if d is not None}
    if order:
        if order in valid:
            return valid[order], None
        return None, (
            f"“{piece}” is not a date in {ORDER_WORDS[order]} order: write it like "
            f"{example(order)}, or change your date order on your profile."
        )
    if not valid:
        return None, f"“{piece}” is not a date: write it like {example(None)}."
    if len(set(valid.values())) > 1:
        both = " or ".join(write_date(valid[o]) for o in DATE_ORDERS)
        return None, (
            f"“{piece}” could be {both}: write the month as a word, or set your date order on "
            "your profile."
        )
    return next(iter(valid.values())), None


def _weekday_problem(text: str, piece: str, date: dt.date) -> str | None:
    """A weekday written beside a date must be that date's ("Fri 10 Dec" when it is a
    Thursday is a slip in one or the other)."""
    word = _WEEKDAY_WORD.search(text)
    if not word:
        return None
    said = WEEKDAYS.get(word.group(0).lower().rstrip(".,"))
    if said is None or said == date.weekday():
        return None
    return f"“{piece}”: {date.day} {date:%B %Y} is a {date:%A}. Which day did you mean?"


def _unreadable(piece: str, date_order: DateOrder | None) -> str:
    return f"“{piece}” is not a date prepcoach can read: write it like {example(date_order)}."
