"""How jobs 0003 keeps the interview dates typed into a job's form that have no interview of the
job on their day: written at the end of the job's research notes, as a line that says what they
are (`0003_interview_dates_are_interviews.py`). The importer reads an older archive's typed
dates the same way (`accounts.archive_import`), so both call this.

Frozen with the migration, as a migration's code must be: it imports only the standard library,
never app code that can change later. Its name starts with "_", so Django's migration loader
does not take it for a migration.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

# The words of the line, and how a day is written in them (`coach.written_dates.write_dates`,
# frozen here).
NOTE = "Interview dates once typed for this job, with no interview on that day now: "


def zone(name: str | None) -> dt.tzinfo:
    """The owner's clock from their profile's time zone name; UTC when it names none known."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def written(day: dt.date, order: str | None) -> str:
    """A day in the owner's date order ("Thu 10 Dec 2026", or "Thu Dec 10 2026" for MDY)."""
    if order == "MDY":
        return f"{day:%a} {day:%b} {day.day} {day.year}"
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def noted(notes: str, typed: Iterable[Any], held: set[dt.date], order: str | None) -> str | None:
    """The job's notes with a line naming each typed date that has no interview of the job on
    its day (`held`, on the owner's clock), in the order typed, once each; a piece that is no
    date is kept as it was typed. None when every date has its interview."""
    kept: list[str] = []
    for typed_text in typed:
        try:
            day = dt.date.fromisoformat(typed_text)
        except (TypeError, ValueError):
            words = str(typed_text)  # not a date: kept as it was typed
        else:
            if day in held:
                continue
            words = written(day, order)
        if words not in kept:
            kept.append(words)
    if not kept:
        return None
    line = NOTE + ", ".join(kept) + "."
    return f"{notes.rstrip()}\n\n{line}" if notes.strip() else line
