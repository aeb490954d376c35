"""Find the numbers a goal can be measured by: "3 mock interviews", "at least five facts",
"under 3 fillers per minute", "every weekday", "twice a week"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from prepcoach.coach.text import NUMBER_PATTERN, parse_number

COMPARATORS = {
    "at least": ">=",
    "minimum of": ">=",
    "min": ">=",
    "more than": ">",
    "over": ">",
    "at most": "<=",
    "no more than": "<=",
    "up to": "<=",
    "maximum of": "<=",
    "max": "<=",
    "under": "<",
    "below": "<",
    "less than": "<",
    "fewer than": "<",
}
COMPARATOR_RE = "|".join(sorted((re.escape(c) for c in COMPARATORS), key=len, reverse=True))
# Words that end a unit: what follows them is no longer what is being counted.
UNIT_STOP = {
    "by", "before", "until", "till", "in", "on", "at", "for", "and", "or", "with", "about",
    "from", "to", "so", "that", "which", "within", "during", "each", "every", "of", "into",
    "after", "while", "using", "than", "i", "my", "the", "next", "this", "over", "today",
    "tomorrow", "tonight", "daily", "weekly", "last", "lasting",
}  # fmt: skip
RATE_RE = re.compile(
    r"^(?:per|a|an|each|every)\s+(minute|hour|day|week|month|weekday|session)\b", re.I
)
QUANTITY_RE = re.compile(
    rf"(?:\b(?P<cmp>{COMPARATOR_RE})\s+)?(?<![\w.,])(?P<num>{NUMBER_PATTERN})"
    r"(?:(?P<pct>\s?%|\s+percent\b)|(?P<times>\s+times?\b)|\b)",
    re.IGNORECASE,
)
# Amounts written with their unit attached: money, distances, weights, durations.
ATTACHED_RE = re.compile(
    rf"(?:\b(?P<cmp>{COMPARATOR_RE})\s+)?(?P<cur>[£$€¥])?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    r"(?P<unit>k|km|kg|kgs|mi|lbs?|m|h|hrs?|mins?|l|ml|st|gb|mb|%)?\b",
    re.IGNORECASE,
)
MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
UNIT_WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z0-9'+#-]*)")  # "2 COVID-19 reports", "3 B2 lessons"
DAY_NAME = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A list of days the work repeats on: "Monday and Thursday", "Mondays, Wednesdays & Fridays".
DAYS_LIST = rf"{DAY_NAME}s?(?:\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*){DAY_NAME}s?)*"
FREQUENCY_RE = re.compile(
    rf"\b(?P<phrase>every\s+(?:single\s+)?(?:(?P<days>{DAYS_LIST})|(?P<every>weekday|day|morning|"
    r"evening|night|week|month|weekend))|each\s+(?P<each>day|week|weekday|weekend)|"
    rf"on\s+(?P<plural>{DAY_NAME}s(?:\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*){DAY_NAME}s)*)|"
    r"(?:at|on)\s+(?:the\s+)?(?P<weekends>weekends)|"
    r"(?P<daily>daily)|(?P<weekly>weekly)|(?P<weekdays>on weekdays))\b",
    re.IGNORECASE,
)
DAY_NAME_RE = re.compile(DAY_NAME, re.IGNORECASE)
# "on Mondays" and "at weekends" are a pace only right after the time or count they pace ("1 hour
# on Mondays", "2 sessions at weekends"): elsewhere they are an exception or an aside ("but not on
# Sundays", "I work on Saturdays", "I'm free on Mondays so …": a review).
PACED_BEFORE_RE = re.compile(
    r"(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?)\s+"
    r"(?:hours?|hrs?|h|minutes?|mins?|sessions?|times?|lessons?|runs?)\s*$",
    re.IGNORECASE,
)
# A weekend is one time a week: "2 hours every weekend" is 2 hours a week, not 4.
PER_WEEK = {
    "weekday": 5, "day": 7, "morning": 7, "evening": 7, "night": 7, "week": 1, "month": 0.25,
    "weekend": 1,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # "mock interviews", "fillers per minute", "times per week", "%"
    comparator: str  # "=", ">=", ">", "<=", "<"
    text: str  # the words as written
    frequency: bool = False
    # The size of each of another count's units, not a count of its own: the "45 minutes" of
    # "4 practice sessions of 45 minutes", the "5km" of "3 runs of 5km each".
    each: bool = False
    each_of: str = ""  # with `each`, the words of the count it is the size of

    def as_dict(self) -> dict[str, object]:
        return {
            "value": int(self.value) if self.value.is_integer() else self.value,
            "unit": self.unit,
            "comparator": self.comparator,
            "text": self.text,
        }


def find_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in text, leaving out the character spans in skip (a deadline's date, say)."""
    skip = skip or []
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = list(skip)
    spans: list[tuple[int, int]] = []  # each found quantity's own, beside `found`
    for match in QUANTITY_RE.finditer(text):
        start, end = match.span()
        if _overlaps((start, end), taken) or _is_date_or_year(text, match):
            continue
        if not match.group("cmp") and _is_identifier(text, match):
            continue  # "Angular 17", "Python 3.12", "Form 1040": a name, not a count
        value = parse_number(match.group("num"))
        if value is None:
            continue
        comparator = COMPARATORS.get((match.group("cmp") or "").lower(), "=")
        if match.group("pct"):
            unit, unit_end = "%", end
        else:
            limit = min((s for s, _ in skip if s >= end), default=len(text))
            unit, unit_end = _unit_after(text[:limit], end)
            if match.group("times"):
                unit = f"times {unit}".strip()
        if match.group("num").lower() in {"once", "twice"} and not match.group("times"):
            unit = f"times {unit}".strip()
        phrase = text[start:unit_end].strip()
        if not unit:
            continue  # a bare number counts nothing we can name
        found.append(Quantity(value, unit, comparator, phrase))
        taken.append((start, unit_end))
        spans.append((start, unit_end))
    for match in ATTACHED_RE.finditer(text):  # "£500", "$2,000", "5km", "2k", "4kg", "30min"
        if _overlaps(match.span(), taken) or (
            match.group("unit") is None and not match.group("cur")
        ):
            continue
        value = parse_number(match.group("num"))
        if value is None:
            continue
        multiplier = 1000 if (match.group("unit") or "").lower() == "k" else 1
        unit = match.group("cur") or match.group("unit") or ""
        comparator = COMPARATORS.get((match.group("cmp") or "").lower(), "=")
        found.append(Quantity(value * multiplier, unit, comparator, match.group(0).strip()))
        taken.append(match.span())
        spans.append(match.span())
    found = _mark_sizes_of_each(text, found, spans)
    for match in FREQUENCY_RE.finditer(text):
        if _overlaps(match.span(), taken):
            continue
        if (match.group("plural") or match.group("weekends")) and not PACED_BEFORE_RE.search(
            text[: match.start()]
        ):
            continue
        days = match.group("days") or match.group("plural")
        key = (
            match.group("every")
            or match.group("each")
            or ("weekend" if match.group("weekends") else None)
            or ("day" if match.group("daily") else None)
            or ("week" if match.group("weekly") else None)
            or ("" if days else "weekday")
        ).lower()
        # Named days count once each: "every Monday and Thursday" is twice a week.
        per_week = len(set(DAY_NAME_RE.findall(days.lower()))) if days else PER_WEEK[key]
        found.append(
            Quantity(per_week, "days per week" if key != "week" else "per week", "=",
                     match.group("phrase"), frequency=True)
        )  # fmt: skip
    return found


# Between a count and the size of each of its units: "4 sessions of 45 minutes", "3 runs,
# each of 5km", "2 mock interviews lasting an hour" (a count's unit stops at "of"). After a
# size: "5 sessions, 30 minutes each".
SIZE_BEFORE_RE = re.compile(r"\s*,?\s*(?:each\s+)?(?:of|lasting)\s*$", re.IGNORECASE)
SIZE_AFTER_RE = re.compile(r"^\s*each\b", re.IGNORECASE)
EACH_BETWEEN_RE = re.compile(r"^\s*,?\s*$")


def _mark_sizes_of_each(
    text: str, found: list[Quantity], spans: list[tuple[int, int]]
) -> list[Quantity]:
    """`found` with `each` set on a quantity that gives the size of each unit of the count
    just before it."""
    order = sorted(range(len(found)), key=lambda i: spans[i])
    marked = list(found)
    for before, after in pairwise(order):
        if not _counts_things(found[before]) or found[after].unit in MONEY_OR_SHARE:
            continue  # "80% of 50 problems", "£500 of £2,000": a share, not each one's size
        between = text[spans[before][1] : spans[after][0]]
        follows = text[spans[after][1] :]
        if SIZE_BEFORE_RE.fullmatch(between) or (
            EACH_BETWEEN_RE.match(between) and SIZE_AFTER_RE.match(follows)
        ):
            marked[after] = replace(found[after], each=True, each_of=found[before].text)
    return marked


MONEY_OR_SHARE = frozenset({"%", "£", "$", "€", "¥"})


def _counts_things(quantity: Quantity) -> bool:
    return not quantity.frequency and quantity.unit not in MONEY_OR_SHARE


MAX_UNIT_WORDS = 5


def _unit_after(text: str, position: int) -> tuple[str, int]:
    """The noun phrase counted by the number that ends at position, and where it ends.

    Words are taken while they follow one another (no punctuation between) and until a word
    that starts a new part of the sentence; a rate ("per minute", "a week") closes the unit.
    """
    unit_words: list[str] = []
    cursor = position
    # Five words: "3 SQL window function practice sets" lost its "sets" at four.
    while len(unit_words) < MAX_UNIT_WORDS:
        rate = (
            RATE_RE.match(text[cursor:].lstrip()) if text[cursor : cursor + 1].isspace() else None
        )
        if rate:
            cursor += len(text[cursor:]) - len(text[cursor:].lstrip()) + rate.end()
            unit_words.append(f"per {rate.group(1).lower()}")
            break
        match = UNIT_WORD_RE.match(text, cursor)
        if not match or match.group(1).lower() in UNIT_STOP:
            break
        unit_words.append(match.group(1))
        cursor = match.end()
    return " ".join(unit_words), cursor


def _is_date_or_year(text: str, match: re.Match[str]) -> bool:
    number = match.group("num")
    if re.fullmatch(r"(19|20)\d\d", number):
        # "by June 2027", "in 2027": a year. "2000 LeetCode problems": a count.
        before = text[max(0, match.start() - 16) : match.start()]
        dated = re.search(
            rf"(?:\b(?:by|in|before|until|of|since|during)|(?:{MONTH_NAMES})\.?|\d(?:st|nd|rd|th)?,?)\s+$",
            before,
            re.IGNORECASE,
        )
        counted = re.match(r"\s+[a-z]", text[match.end() :], re.IGNORECASE)
        return bool(dated) or not counted
    after = text[match.end() : match.end() + 12]
    if re.match(rf"(st|nd|rd|th)\b|[/.-]\d|\s+(of\s+)?(?:{MONTH_NAMES})\b", after, re.IGNORECASE):
        return True
    before = text[max(0, match.start() - 10) : match.start()]
    return bool(re.search(rf"\b(?:{MONTH_NAMES})\.?\s+$", before, re.IGNORECASE))


# Words after which a number names a version, a form or a part rather than counting anything.
NAMED_BY_NUMBER = {
    "python", "java", "angular", "windows", "ios", "android", "node", "nodejs", "office",
    "form", "version", "v", "react", "vue", "ubuntu", "macos", "php", "es", "gpt", "iphone",
    "galaxy", "pixel", "level", "grade", "chapter", "module", "unit", "section", "lesson",
    "typescript", "ts", "dotnet", ".net", "net", "rails", "django", "spring", "kotlin", "swift",
    "go", "rust", "c++", "perl", "ruby", "scala", "postgres", "postgresql", "mysql", "excel",
    "word", "powerpoint", "playstation", "ps", "xbox", "stats", "cs", "math", "maths",
    "series", "model", "gen", "room", "flat", "apartment", "number", "no", "no.", "part",
    "season", "episode", "year", "day", "week", "step", "phase", "stage", "round", "tier",
}  # fmt: skip
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\-–—•*(\n]\s*|\band\s+|\bthen\s+)$")


def stray_numbers(text: str) -> list[str]:
    """Numbers that count nothing prepcoach can name and are not a version, a name or a
    date: "do 3 by Friday" → ["3"]; "Angular 17", "Form 1040", "in 2027" → []."""
    found = []
    for match in QUANTITY_RE.finditer(text):
        if match.group("num").isdigit() and not (
            _is_date_or_year(text, match) or _is_identifier(text, match)
        ):
            found.append(match.group("num"))
    return found


TIME_AFTER_RE = re.compile(r"\s*(?:hours?|hrs?|h|minutes?|mins?)\b", re.IGNORECASE)


def _is_identifier(text: str, match: re.Match[str]) -> bool:
    """A number that names rather than counts: it follows a product or document name
    ("Angular 17", "Python 3.12", "Windows 11", "Form 1040", "Stats 101") or is a version
    ("3.12" after a name). A capitalised word at the start of a sentence ("Do 3 mocks") is a
    verb, not a name."""
    before = text[: match.start()]
    previous = re.search(r"([A-Za-z][\w+#.]*)\s+$", before)
    if not previous or TIME_AFTER_RE.match(text, match.end()):
        return False  # "SQL 1 hour a day": a time after a name is no version of it
    word = previous.group(1)
    if word.lower().rstrip(".") in NAMED_BY_NUMBER or word.lower() in NAMED_BY_NUMBER:
        return True
    at_start = SENTENCE_START_RE.search(before[: previous.start()]) is not None
    return word[:1].isupper() and not at_start and word.lower() not in {"i", "top", "the"}


# A number that is part of a code: joined to it ("PL-300", "AZ-900", "ISO-9001", "COVID-19"),
# or after a standard's name ("iso 27001", "Band 6"). It names an exam, a standard or a grade;
# a trial read "300 Power BI exam" as the goal's target.
CODE_BEFORE_RE = re.compile(
    r"(?:\b[A-Za-z]*[A-Z][A-Za-z0-9]*-|\b(?:iso|iec|bs|en|nist|pci|soc|itil|band)\s+)$",
    re.IGNORECASE,
)
CODE_CASE_RE = re.compile(r"[A-Z]")


def without_codes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` less those whose number is part of a code (`CODE_BEFORE_RE`).

    Not done inside `find_quantities`: the SMART models were trained on its readings (its
    structural features, `goal_models.structure`), which must stay as they were trained."""
    kept = []
    cursor = 0  # the quantities come in the text's order: each is found after the one before
    for quantity in quantities:  # ("Do 900 exam questions for the AZ-900 exam": a review)
        at = text.find(quantity.text, cursor)
        if at < 0:
            at = text.find(quantity.text)
        else:
            cursor = at + len(quantity.text)
        before = text[max(0, at - 12) : at] if at >= 0 else ""
        code = CODE_BEFORE_RE.search(before)
        # Joined by a hyphen, the code has a capital ("PL-300"): "a sub-25 5k" is a time to beat.
        if code and (not code.group(0).endswith("-") or CODE_CASE_RE.search(code.group(0))):
            continue
        kept.append(quantity)
    return kept


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)
