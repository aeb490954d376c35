"""The SMART check's rewrite: the user's own goal with only what it lacks added (a count or
finish line worded for its kind, the target role, a deadline), never another goal. Called by
`coach.smart.check_goal` with what the check found."""

from __future__ import annotations

import datetime as dt
import re

from prepcoach.coach.deadlines import DateOrder, Deadline, find_deadline
from prepcoach.coach.goal_kind import GoalKind

DEFAULT_HORIZON = dt.timedelta(weeks=4)  # a deadline to propose when the goal has none
SET_DATE = "the target date you set"  # the deadline came from the form, not the words


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def rewrite_goal(
    text: str, deadline: Deadline, feasible_by: dt.date | None, today: dt.date,
    date_order: DateOrder | None, *, timely: bool, specific: bool, measurable: bool,
    kind: GoalKind | None, target_role: str,
) -> str:  # fmt: skip
    """The user's goal in their own words, with only what it lacks added: a count or a finish
    line (worded for its kind), the target role when it names no detail, and a deadline. It never
    swaps the goal for another one: what to pin down (which, how many) is the user's to say,
    and the specific criterion's fix says so. `timely`, `specific`, `measurable`: whether the
    SMART check found each met; `feasible_by`: the date to propose when the work does not fit
    before the deadline (the week plan's finish, or the first day the week's hours add up)."""
    due = feasible_by or (deadline.date if timely and deadline.date else today + DEFAULT_HORIZON)
    base = text.strip(" .!?-–—•*")  # a list item's dash is no part of the goal
    keep = bool(timely and not feasible_by and deadline.phrase and deadline.phrase != SET_DATE)
    if not keep:
        for phrase in (deadline.phrase, deadline.vague):
            if phrase and phrase != SET_DATE:
                base = remove_deadline_words(base, phrase)
        if deadline.phrase == SET_DATE and (feasible_by or not timely):
            # A saved date is in force and the rewrite adds another (a later one that fits, or
            # one for a date that has passed): the words' own date ("…by 12/31") goes, or the
            # rewrite would end "…by 12/31 by 6 January 2027".
            own = find_deadline(base, today, date_order)
            for phrase in (own.phrase, own.vague):
                if phrase:
                    base = remove_deadline_words(base, phrase)
        # Taking out a vague word can join what was around it into a date that cannot be
        # ("0 soon Feb" -> "0 Feb"): that goes too, so the rewrite's own deadline is its only one.
        joined = find_deadline(base, today, date_order)
        if joined.problem and joined.phrase:
            base = remove_deadline_words(base, joined.phrase)
    addition = ""
    # A goal of no preparation kind ("save money") is not turned into interview preparation.
    preparation = kind is not None and target_role
    names_a_role = re.search(r"\brole\b", text, re.IGNORECASE)
    if not specific and preparation and not names_a_role:
        addition += f" for the {target_role} role"
    if not measurable:
        addition += MEASURABLE_PLANS[kind]
    # Relevance is not added: how a goal helps is the user's claim to make (its fix says so).
    if keep:
        at = _deadline_start(base, deadline.phrase or "")
        base = (
            base[:at].rstrip(" ,;:-–—") + addition + " " + base[at:].lstrip()
            if at
            else base + addition
        )
    else:
        base += addition
        if not (timely and deadline.phrase == SET_DATE and not feasible_by):
            base += f" by {format_date(due)}"
    base = " ".join(base.split())
    first = base[:1].upper()
    # "ß".upper() is "SS": a capital that changes the word is not added.
    return (first if len(first) == 1 else base[:1]) + base[1:]


def _deadline_start(text: str, phrase: str) -> int:
    """Where the deadline's words (with "by", "before" … in front) start, to add before them;
    0 when they are not found or open the goal."""
    pattern = re.compile(
        r"(?:\b(?:by|before|until|till|on|within|in|due)\s+(?:the\s+)?)?" + re.escape(phrase),
        re.IGNORECASE,
    )
    match = pattern.search(text)
    return match.start() if match else 0


MEASURABLE_PLANS: dict[GoalKind | None, str] = {
    GoalKind.BEHAVIORAL: ", doing 3 recorded practice sessions",
    GoalKind.KNOWLEDGE: ", noting at least 5 key facts",
    GoalKind.SKILLS: ", doing 4 practice sessions of 45 minutes",
    GoalKind.NETWORKING: ", reaching out to 3 people",
    None: ", with a number to reach that I write down today",
}


def remove_deadline_words(text: str, phrase: str) -> str:
    """The text without a deadline's words and the "by", "before" … in front of them."""
    pattern = re.compile(
        r"\s*(?:\b(?:by|before|until|till|on|within|in|due)\s+(?:the\s+)?)?" + re.escape(phrase),
        re.IGNORECASE,
    )
    return " ".join(pattern.sub("", text, count=1).split())
