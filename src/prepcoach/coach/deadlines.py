"""Find the deadline in a goal, however people write it.

dateparser reads the dates themselves ("Friday", "9 May", "2027-01-05", "in 10 days"); the
patterns here only find *where* a deadline is said and cover the phrasings dateparser does not
("within two weeks", "by the end of the month", "in the next 6 weeks", "mid-January"). A date
that cannot exist ("30 February") or lies in the past is reported, not silently dropped.

Slash and dot dates ("12/31", "4.12.", "31.12.2026") are read here, not by dateparser, in the
writer's own order (`date_order`: "DMY" or "MDY", a profile setting): dateparser reads "12/31"
as November 2031 and "4.12." as a time of day. Without an order, a date that reads two ways is
questioned, not guessed. A date more than two years away is questioned too ("did you mean …?"):
it is usually a typo, and nobody plans a goal towards it.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import dateparser

from prepcoach.coach.text import NUMBER_PATTERN, parse_number

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}
WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
WEEKDAY_RE = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"  # noqa: E501
ORD = r"(?:st|nd|rd|th)?"

# Where a deadline is announced; the date follows within a few words.
ANCHOR_RE = re.compile(
    r"\b(by|before|until|till|til|due(?: on| by)?|no later than|deadline(?: is|:)?|ahead of|"
    r"prior to|on|for|in)\s+",
    re.IGNORECASE,
)
# A fragment must look like a date before dateparser may read it: dateparser happily turns
# "2027" into today's day in 2027 and "the 5th" into a month away.
# Numeric dates are not "dateish" here: `_numeric_dates` reads them in the writer's order.
DATEISH_RE = re.compile(
    rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|today|tonight|tomorrow|tmrw|weekend)\b|"
    r"\bnext (?:week|month|year)\b",
    re.IGNORECASE,
)
DateOrder = Literal["DMY", "MDY"]
DATE_ORDERS: tuple[DateOrder, ...] = ("DMY", "MDY")
MAX_AHEAD_YEARS = 2  # a deadline further away is questioned: a typo, or not a plan
RECENT_DAYS = 60  # "by 27 November" written on 30 November is this year's, so past
# "by 12/31", "until 19/12", "by 4.12.", "31.12.2026", "12/09/2026": a numeric day and month,
# after a deadline word unless it has a year (so "Python 3.12", "24/7", "130/80" are not dates).
NUMERIC_DATE_RE = re.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"
    r"(?P<dot>\.)?(?![\w/]|[.,]?\d)"
)
NUMERIC_ANCHOR_RE = re.compile(
    r"\b(?:by|before|until|till|til|due|on|deadline:?|no later than|ahead of|prior to|for|"
    r"from|to|is)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ISO dates, with a time or not: "2026-12-04", "2026-12-04T17:00".
ISO_RE = re.compile(
    r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
# "EOD Friday", "COB Thursday": the end of that day is still that day.
END_OF_DAY_RE = re.compile(
    r"\b(?:eod|cob|eob|end of (?:the )?(?:day|play|business)|close of (?:play|business))\b"
    r"(?:\s+on)?,?\s*",
    re.IGNORECASE,
)
BARE_END_OF_DAY_RE = re.compile(
    rf"\b(?:eod|cob|eob|end of (?:the )?(?:day|play|business)|close of (?:play|business))"
    rf"(?:\s+on)?,?\s+(?P<day>{WEEKDAY_RE})\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?P<word>by|before|until)\s+(?P<year>20\d\d)\b(?![/.-]\d)", re.I)
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
RELATIVE_RE = re.compile(
    rf"\b(?:(?:with)?in(?: the)?(?: next| coming)?|over the (?:next|coming)|during the next|"
    rf"for the next|for|in about)\s+(?P<n>{NUMBER_PATTERN}|a|an)\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\b"
    rf"|\b(?P<n2>{NUMBER_PATTERN}|a|an)\s+(?P<unit2>day|week|fortnight|month|year)s?\s+from\s+(?:now|today)\b"
    r"|\b(?:in|within|over|during)\s+the\s+(?:next|coming)\s+(?P<unit3>day|week|fortnight|month|year)\b",
    re.IGNORECASE,
)
DURATION_RE = re.compile(r"for\s+(?!the\b)", re.IGNORECASE)  # "for 6 weeks", not "for the next"
END_OF_RE = re.compile(
    rf"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<next>next)\s+)?(?P<period>week|month|year|quarter|{MONTH_RE})\b"
    r"|\b(?P<abbr>eow|eom|eoy|month[- ]end|week'?s end|year[- ]end)\b"
    rf"|\b(?P<when>this|next)\s+weekend\b|\bmid[- ](?P<mid>{MONTH_RE})\b"
    r"|\bthis\s+(?P<this>week|month|year|quarter)\b"
    r"|\bnext\s+(?P<nextp>week|month|year|quarter)\b"
    r"|\b(?:by|before|until|over)\s+the\s+(?P<weekend>weekend)\b"
    r"|\b(?:end\s+of\s+|by\s+)?(?P<q>q[1-4])\b(?:\s+(?P<qyear>20\d\d)\b)?"
    r"|\b(?P<xmas>christmas|new year'?s eve)\b"
    rf"|\b(?:in|during|throughout)\s+(?P<inmonth>{MONTH_RE})\b(?!\s+\d)",
    re.IGNORECASE,
)
DAY_MONTH_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORD}\s+(?:of\s+)?(?P<month>{MONTH_RE})\b|\b(?P<month2>{MONTH_RE})\.?\s+(?P<day2>\d{{1,2}}){ORD}\b",
    re.IGNORECASE,
)
VAGUE_TIME_RE = re.compile(
    r"\b(soon|someday|some day|eventually|asap|at some point|in the future|one day|"
    r"sometime|when i can|later)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Deadline:
    """What the text says about when the goal is due."""

    date: dt.date | None
    phrase: str | None  # the words the date came from, as the user wrote them
    problem: str | None = None  # why a date that was written cannot be used
    vague: str | None = None  # "soon", "someday": a time word that names no date
    # With a problem: the date its "Did you mean …?" names, when the written numbers read in
    # the other day/month order are one ("12/31" for a day/month writer). The rewrite proposes
    # that date, not another one beside the question.
    meant: dt.date | None = None


def find_deadline(text: str, today: dt.date, date_order: DateOrder | None = None) -> Deadline:
    """The goal's deadline. `date_order` is how the writer puts a slash date's day and month
    ("DMY": 04/12 is 4 December; "MDY": 12/31 is 31 December); None when not known."""
    relative = _relative(text, today)
    # "for 6 weeks" says how long the work lasts; it is the deadline only when no date is
    # written ("2 hours a week for 6 weeks by 31 March" is due on 31 March; a trial read 17
    # January, six weeks from the day it was typed).
    spans = [d for d in relative if DURATION_RE.match(d.phrase or "")]
    candidates = [
        *_numeric_dates(text, today, date_order),
        *(d for d in relative if d not in spans),
        *_ends_of_periods(text, today),
        *_anchored(text, today),
        *spans,
        *_bare_dates(text, today),
    ]
    for found in candidates:  # an impossible date beats a parse that guessed around it
        if found.problem:
            return found
    dated = [c for c in candidates if c.date is not None]
    if dated:
        best = dated[0]
        if best.date is not None and best.date < today:
            return Deadline(
                best.date,
                best.phrase,
                problem=f"“{best.phrase}” is in the past ({_format(best.date)}).",
            )
        if best.date is not None and best.date > _years_ahead(today, MAX_AHEAD_YEARS):
            return Deadline(best.date, best.phrase, problem=_too_far(best, today))
        return best
    vague = VAGUE_TIME_RE.search(text)
    return Deadline(None, None, vague=vague.group(0) if vague else None)


def _numeric_dates(text: str, today: dt.date, order: DateOrder | None) -> list[Deadline]:
    """Slash, dot and ISO dates, read in the writer's order; a problem when they cannot be."""
    found = []
    for match in ISO_RE.finditer(text):
        year, month, day = (int(match.group(g)) for g in ("y", "m", "d"))
        try:
            found.append(Deadline(dt.date(year, month, day), match.group(0)))
        except ValueError:
            return [Deadline(None, match.group(0), problem=f"“{match.group(0)}” is not a date.")]
    for match in NUMERIC_DATE_RE.finditer(text):
        anchored = NUMERIC_ANCHOR_RE.search(text[max(0, match.start() - 20) : match.start()])
        if not anchored and not match.group("y"):
            continue  # "Python 3.12", "24/7": not dates
        written = match.group(0).rstrip(".") if not match.group("y") else match.group(0)
        readings = {o: _read_numeric(match, o, today) for o in ((order,) if order else DATE_ORDERS)}
        valid = {o: d for o, d in readings.items() if d is not None}
        if order:
            date = valid.get(order)
            if date is None:
                other: DateOrder = "MDY" if order == "DMY" else "DMY"
                guess = _read_numeric(match, other, today)
                hint = (
                    f" Did you mean {_format(guess)} ({_ORDER_WORDS[other]})? Your date order is "
                    f"{_ORDER_WORDS[order]}; change it on your profile if that is wrong."
                    if guess and today <= guess <= _years_ahead(today, MAX_AHEAD_YEARS)
                    else ""
                )
                problem = f"“{written}” is not a date in {_ORDER_WORDS[order]} order.{hint}"
                return [Deadline(None, written, problem=problem, meant=guess if hint else None)]
            found.append(Deadline(date, written))
            continue
        dates = set(valid.values())
        if not dates:
            return [Deadline(None, written, problem=f"“{written}” is not a date.")]
        if len(dates) > 1:
            both = " or ".join(_format(valid[o]) for o in DATE_ORDERS)
            return [
                Deadline(
                    None,
                    written,
                    problem=f"“{written}” could be {both}: which did you mean? Write the month "
                    "as a word, or set your date order on your profile.",
                )
            ]
        found.append(Deadline(dates.pop(), written))
    return found


_ORDER_WORDS = {"DMY": "day/month", "MDY": "month/day"}


def _read_numeric(match: re.Match[str], order: DateOrder, today: dt.date) -> dt.date | None:
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (first, second) if order == "DMY" else (second, first)
    if not 1 <= month <= 12:
        return None
    raw_year = match.group("y")
    if raw_year:
        year = int(raw_year) + (2000 if len(raw_year) == 2 else 0)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if not 1 <= day <= calendar.monthrange(2024, month)[1]:
        return None
    return _next_occurrence(today, month, day)


def _next_occurrence(today: dt.date, month: int, day: int) -> dt.date | None:
    """A day and month without a year: its next occurrence, but one in the last 60 days is
    this year's (and so past): "by 27 November" on 30 November is a slip, not next year."""
    for year in (today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February
        if candidate >= today:
            with contextlib.suppress(ValueError):
                this_year = dt.date(today.year, month, day)
                if 0 < (today - this_year).days <= RECENT_DAYS:
                    return this_year
            return candidate
    return None


def _years_ahead(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def _too_far(found: Deadline, today: dt.date) -> str:
    assert found.date is not None
    limit = _years_ahead(today, MAX_AHEAD_YEARS)
    guess = _next_occurrence(today, found.date.month, found.date.day)
    meant = f" Did you mean {_format(guess)}?" if guess and today <= guess <= limit else ""
    return (
        f"“{found.phrase}” reads as {_format(found.date)}, more than {MAX_AHEAD_YEARS} years "
        f"away.{meant} Pick a date you will plan towards."
    )


def _format(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _relative(text: str, today: dt.date) -> list[Deadline]:
    found = []
    for match in RELATIVE_RE.finditer(text):
        if STARTS_RE.search(text[: match.start()]):
            continue  # "starting in 3 weeks" says when the work begins, not when it is due
        raw_n = match.group("n") or match.group("n2") or "a"
        unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).lower()
        n = 1.0 if raw_n.lower() in {"a", "an"} else parse_number(raw_n)
        if n is None or n <= 0 or n > 520:
            continue
        if unit in UNIT_DAYS:
            date = today + dt.timedelta(days=round(n * UNIT_DAYS[unit]))
        else:
            months = round(n * (12 if unit == "year" else 1))
            date = _add_months(today, months)
        found.append(Deadline(date, match.group(0).strip()))
    return found


def _ends_of_periods(text: str, today: dt.date) -> list[Deadline]:
    found = []
    for match in END_OF_RE.finditer(text):
        phrase = match.group(0).strip()
        if match.group("mid"):
            month = MONTHS[match.group("mid").lower()]
            found.append(Deadline(_next_month_day(today, month, 15), phrase))
            continue
        if match.group("when"):
            sunday = today + dt.timedelta(days=(6 - today.weekday()) % 7)
            if match.group("when").lower() == "next":
                sunday += dt.timedelta(days=7)
            found.append(Deadline(sunday, phrase))
            continue
        if match.group("weekend"):
            found.append(Deadline(today + dt.timedelta(days=(6 - today.weekday()) % 7), phrase))
            continue
        if match.group("q"):
            quarter = int(match.group("q")[1])
            year = today.year + (1 if quarter * 3 < today.month else 0)
            if match.group("qyear"):  # "by Q3 2026": that year's, past or not
                year = int(match.group("qyear"))
            found.append(Deadline(_month_end(dt.date(year, quarter * 3, 1)), phrase))
            continue
        if match.group("xmas"):
            day = 25 if match.group("xmas").lower() == "christmas" else 31
            found.append(Deadline(_next_month_day(today, 12, day), phrase))
            continue
        if match.group("inmonth"):  # "in January": before that month is over
            month = MONTHS[match.group("inmonth").lower()]
            found.append(Deadline(_month_end(_next_month_day(today, month, 1)), phrase))
            continue
        if match.group("nextp"):  # "next week": before next week is over
            period = match.group("nextp").lower()
            if period == "week":
                sunday = today + dt.timedelta(days=6 - today.weekday() + 7)
                found.append(Deadline(sunday, phrase))
                continue
            nxt = True
        elif match.group("this"):  # "this week": before it is over
            period = match.group("this").lower()
            if period == "week":
                found.append(Deadline(today + dt.timedelta(days=6 - today.weekday()), phrase))
                continue
            nxt = False
        else:
            period = (match.group("period") or match.group("abbr") or "").lower()
            nxt = bool(match.group("next"))
        if period in MONTHS:
            month = MONTHS[period]
            found.append(Deadline(_month_end(_next_month_day(today, month, 1)), phrase))
        elif period in {"week", "eow", "week's end", "weeks end"}:
            # The working week's end, Friday, of this Monday-to-Sunday week (the week the
            # plan shows, and "this week"'s), or of the next; once this Friday has gone by, this
            # week ends on its Sunday: on a Sunday a trial's "by end of week" read as the Friday
            # five days on, while "this week" ended that day.
            monday = today - dt.timedelta(days=today.weekday())
            end = monday + dt.timedelta(days=4 + (7 if nxt else 0))
            if end < today:
                end = monday + dt.timedelta(days=6)
            found.append(Deadline(end, phrase))
        elif period in {"month", "eom", "month-end", "month end"}:
            found.append(Deadline(_month_end(_add_months(today, 1 if nxt else 0)), phrase))
        elif period == "quarter":
            quarter_end_month = ((today.month - 1) // 3 + 1) * 3 + (3 if nxt else 0)
            year = today.year + (quarter_end_month - 1) // 12
            month = (quarter_end_month - 1) % 12 + 1
            found.append(Deadline(_month_end(dt.date(year, month, 1)), phrase))
        elif period in {"year", "eoy", "year-end", "year end"}:
            found.append(Deadline(dt.date(today.year + (1 if nxt else 0), 12, 31), phrase))
    return found


WEAK_ANCHORS = {"on", "for", "in"}  # "practise on Monday": a date, but maybe not the deadline


# A weekday in the plural ("on Mondays", "Sundays") or "weekends": when the work repeats.
REPEATED_DAY_RE = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends|weekdays)\b", re.IGNORECASE
)


def _anchored(text: str, today: dt.date) -> list[Deadline]:
    strong: list[Deadline] = []
    weak: list[Deadline] = []
    for anchor in ANCHOR_RE.finditer(text):
        following = _clause(text[anchor.end() :])
        for size in range(len(following), 0, -1):
            written = " ".join(following[:size]).rstrip(".,;:!?)")
            # For reading only: the phrase quotes what was written. "EOD Friday" is Friday.
            fragment = END_OF_DAY_RE.sub("", _fix_typos(written)).strip()
            if not fragment:
                continue
            phrase = f"{anchor.group(0)}{written}".strip()
            if REPEATED_DAY_RE.match(written):
                break  # "on Mondays": a day the work repeats on, not a deadline (a review)
            if ordinal := re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)", fragment, re.I):
                after = following[size] if size < len(following) else ""
                # "before the 2nd interview" counts an interview, not a day of the month.
                counts = re.fullmatch(r"[a-z][a-z-]*", after) and after.lower() not in MONTHS
                if not counts and (date := _next_day_of_month(today, int(ordinal.group(1)))):
                    strong.append(Deadline(date, phrase))
                break
            if not DATEISH_RE.search(fragment):
                continue
            if problem := _impossible(fragment):
                return [Deadline(None, written, problem=problem)]
            date = _parse(fragment, today)
            if date is not None:
                found = weak if anchor.group(1).lower() in WEAK_ANCHORS else strong
                found.append(Deadline(date, phrase))
                break
    return strong + weak


CLAUSE_END = re.compile(
    r"^(?:and|or|but|then|to|so|with|while|after|plus|&|by|before|until|till)$", re.IGNORECASE
)


def _clause(rest: str) -> list[str]:
    """Up to five words after an anchor, stopping where a new clause starts: in "by Friday
    and 3 by Monday", the date after "by" is "Friday", not "Friday and 3"."""
    words: list[str] = []
    for word in rest.split()[:5]:
        if CLAUSE_END.match(word):
            break
        words.append(word)
        if word.endswith((",", ";", ".", ")")):
            break
    return words


STARTS_RE = re.compile(r"\b(?:start(?:s|ing)?|from|after|begin(?:s|ning)?|once)\s+$", re.I)


def _bare_dates(text: str, today: dt.date) -> list[Deadline]:
    found = []
    for match in re.finditer(r"\b(today|tonight|tomorrow|tmrw|tmr)\b", text, re.IGNORECASE):
        later = 0 if match.group(1).lower() in {"today", "tonight"} else 1
        found.append(Deadline(today + dt.timedelta(days=later), match.group(0)))
    # "by yesterday" is a deadline gone by: read, so it is said to be past (a trial's read as no
    # deadline, and the rewrite added a second one after it). Only after "by", "before",
    # "until": "review yesterday's notes" and "the recruiter I met yesterday" name no deadline.
    for match in re.finditer(r"\b(?:by|before|until|till)\s+(yesterday)\b", text, re.I):
        found.append(Deadline(today - dt.timedelta(days=1), match.group(1)))
    for match in DAY_MONTH_RE.finditer(text):
        fragment = match.group(0)
        if problem := _impossible(fragment):
            return [Deadline(None, fragment, problem=problem)]
        date = _parse(fragment, today)
        if date is not None:
            found.append(Deadline(date, fragment))
    # "next Friday", "this Monday" with no "by" before it: the day, as "by next Friday" reads;
    # not when it says when the goal starts ("starting next Monday", "from next Friday").
    for match in re.finditer(rf"\b(?:this|next|coming)\s+{WEEKDAY_RE}\b", text, re.I):
        if STARTS_RE.search(text[max(0, match.start() - 16) : match.start()]):
            continue
        date = _parse(match.group(0), today)
        if date is not None:
            found.append(Deadline(date, match.group(0)))
    for match in BARE_END_OF_DAY_RE.finditer(text):  # "EOD Friday" with no "by" before it
        date = _parse(match.group("day"), today)
        if date is not None:
            found.append(Deadline(date, match.group(0)))
    for match in YEAR_RE.finditer(text):  # "by 2027": by its end; "before 2027": by 2026's
        year = int(match.group("year")) - (1 if match.group("word").lower() == "before" else 0)
        found.append(Deadline(dt.date(year, 12, 31), match.group(0)))
    return found


def _impossible(fragment: str) -> str | None:
    """“30 February” and the like: a day the month does not have."""
    match = DAY_MONTH_RE.search(fragment)
    if not match:
        return None
    day = int(match.group("day") or match.group("day2"))
    month = MONTHS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    year = re.search(r"\b(\d{4})\b", fragment[match.end() :])
    # Without a year, 29 February may be meant for a leap year ahead.
    longest = calendar.monthrange(int(year.group(1)) if year else 2024, month)[1]
    if 1 <= day <= longest:
        return None
    written = f"{match.group(0)} {year.group(1)}" if year else match.group(0)
    in_year = f" in {year.group(1)}" if year else ""
    return (
        f"“{written}” is not a real date: {calendar.month_name[month]} has {longest} days{in_year}."
    )


@lru_cache(maxsize=2048)
def _parse(fragment: str, today: dt.date) -> dt.date | None:
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "PREFER_DATES_FROM": "future",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(fragment, languages=["en"], settings=settings)
    if parsed is None:
        return None
    date: dt.date = parsed.date()
    # "by 21 November" said on 21 November means today, not next year's; "by 27 November"
    # said on 30 November is this year's too (so past), not a year away.
    if date.year == today.year + 1 and not re.search(r"\b\d{4}\b", fragment):
        with contextlib.suppress(ValueError):  # 29 February
            this_year = date.replace(year=today.year)
            if 0 <= (today - this_year).days <= RECENT_DAYS and DAY_MONTH_RE.search(fragment):
                date = this_year
    # A weekday said on that very weekday ("by Friday" on a Friday) means next week's, unless
    # it says "this": "by this Sunday" said on a Sunday is today (a trial's read a week later,
    # while "this week" and "this weekend" read as that day).
    if (
        date == today
        and re.search(WEEKDAY_RE, fragment, re.IGNORECASE)
        and not re.search(r"\b(?:today|this)\b", fragment, re.IGNORECASE)
    ):
        date += dt.timedelta(days=7)
    return date


def _fix_typos(fragment: str) -> str:
    """“fridy”, “feburary”: a word close to a weekday or month name is read as it."""
    names = [n for n in (*WEEKDAYS, *MONTHS) if len(n) > 4]
    fixed = []
    for word in fragment.split():
        bare = word.lower().strip(".,")
        if len(bare) >= 5 and bare not in WEEKDAYS and bare not in MONTHS:
            close = difflib.get_close_matches(bare, names, n=1, cutoff=0.8)
            if close:
                word = close[0]
        fixed.append(word)
    return " ".join(fixed)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _next_month_day(today: dt.date, month: int, day: int) -> dt.date:
    """That day of that month, this year if it is still ahead, next year otherwise."""
    candidate = dt.date(today.year, month, day)
    if _month_end(candidate) < today:
        candidate = dt.date(today.year + 1, month, day)
    return candidate


def _next_day_of_month(today: dt.date, day: int) -> dt.date | None:
    """“by the 5th”: the next 5th from today (today included)."""
    if not 1 <= day <= 31:
        return None
    for months in range(0, 3):
        first = _add_months(today.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if candidate >= today:
                return candidate
    return None
