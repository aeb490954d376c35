"""The SMART check's rewrite: the user's own goal with only what it lacks added (a count or
finish line worded for its kind, the target role, a deadline), never another goal. Called by
`coach.smart.check_goal` with what the check found."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from prepcoach.coach.deadlines import DateOrder, Deadline, find_deadline
from prepcoach.coach.goal_kind import GoalKind
from prepcoach.coach.smart_words import VAGUE_RE

DEFAULT_HORIZON = dt.timedelta(weeks=4)  # a deadline to propose when the goal has none
SET_DATE = "the target date you set"  # the deadline came from the form, not the words


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def proposed_date(
    deadline: Deadline, feasible_by: dt.date | None, today: dt.date, *, timely: bool
) -> dt.date:
    """The date the rewrite ends with: the later one the work fits by, the goal's own, the one
    the time-bound reason asks "Did you mean …?" about ("12/31" to a day/month writer), or
    four weeks from today."""
    if feasible_by:
        return feasible_by
    if timely and deadline.date:
        return deadline.date
    return deadline.meant or today + DEFAULT_HORIZON


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
    before the deadline (the week plan's finish, or the first day the week's hours add up).

    A goal that opens with what to improve ("get better at SQL", "network more") gets its count
    as the action, with the goal's words as its purpose: "Do 4 practice sessions of 45 minutes
    to get better at SQL". Added after them, the count left "Get better" leading the goal
    (which Specific rejects) and "Network more …, reaching out to 3 people" read as more of an
    open-ended amount (not measurable, so the next rewrite added it again)."""
    due = proposed_date(deadline, feasible_by, today, timely=timely)
    base = text.strip(" .!?-–—•*")  # a list item's dash is no part of the goal
    keep = bool(timely and not feasible_by and deadline.phrase and deadline.phrase != SET_DATE)
    if not keep:
        less = _without_own_deadline(base, deadline, feasible_by, today, date_order, timely)
        # A goal of its deadline words alone ("later") keeps them: the rewrite read ", with a
        # number to reach … by 19 December 2026", none of the user's words left.
        vague_only = deadline.phrase is None
        base = base if vague_only and not re.search(r"[^\W_]", less) else less
    plan = MEASURABLE_PLANS[kind]
    # A goal of no preparation kind ("save money") is not turned into interview preparation.
    preparation = kind is not None and target_role
    role = bool(
        not specific and preparation and not re.search(r"\brole\b", text, re.IGNORECASE)
        and target_role.lower() not in text.lower()
    )  # fmt: skip
    count = not measurable and plan.count.lower() not in base.lower()
    lead = count and bool(plan.lead) and VAGUE_RE.match(base) is not None
    dated = not keep and not (timely and deadline.phrase == SET_DATE and not feasible_by)
    # Relevance is not added: how a goal helps is the user's claim to make (its fix says so).
    # What is added never repeats a phrase the goal did not: the role's words after the goal's
    # own, or a count it already has, read "…reaching out to 3 people, reaching out to 3 people".
    tried: list[str] = []
    for role_kept, count_kept, joiner in (
        (role, count, "by"), (role, count, "before"), (False, count, "by"),
        (False, False, "by"), (False, False, "before"),
    ):  # fmt: skip
        addition = f" for the {target_role} role" if role_kept else ""
        if count_kept and not lead:
            addition += plan.after
        found = _compose(base, addition, keep, deadline.phrase or "")
        if count_kept and lead:
            found = f"{plan.lead} to {_lower_first(found)}"
        if dated and format_date(due).lower() not in found.lower():
            # Not twice: a goal whose other date was impossible can hold this one already.
            found += f" {joiner} {format_date(due)}"
        tried.append(" ".join(found.split()).lstrip(" ,;:"))
        if not new_repeats(text, tried[-1]):
            break
    # None without a repeat (a goal of one word over and over): the one with the fewest.
    found = min(tried, key=lambda t: len(new_repeats(text, t)))
    first = found[:1].upper()
    # "ß".upper() is "SS": a capital that changes the word is not added.
    return (first if len(first) == 1 else found[:1]) + found[1:]


def _without_own_deadline(
    base: str, deadline: Deadline, feasible_by: dt.date | None, today: dt.date,
    date_order: DateOrder | None, timely: bool,
) -> str:  # fmt: skip
    """The goal without the deadline words the rewrite replaces with its own date."""
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
    return base


def _compose(base: str, addition: str, keep: bool, phrase: str) -> str:
    """The goal with `addition` before its own deadline's words when they stay, else after."""
    at = _deadline_start(base, phrase) if keep else 0
    if at:
        return base[:at].rstrip(" ,;:-–—") + addition + " " + base[at:].lstrip()
    # "later," and ", with a number …" read "Later,, with a number …".
    return base.rstrip(" ,;:-–—") + addition if addition else base


def _lower_first(text: str) -> str:
    """ "Get better at SQL" as the purpose after an action: "…to get better at SQL"; "SQL…" or
    "Acme…" keep their capital."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:].islower() or len(first) == 1 else text


def new_repeats(goal: str, rewrite: str, size: int = 3) -> list[str]:
    """Phrases of `size` words the rewrite has more often than the goal does."""

    def counted(text: str) -> dict[tuple[str, ...], int]:
        said = re.findall(r"[\w'’+#-]+", text.lower())
        found: dict[tuple[str, ...], int] = {}
        for at in range(len(said) - size + 1):
            gram = tuple(said[at : at + size])
            found[gram] = found.get(gram, 0) + 1
        return found

    before, after = counted(goal), counted(rewrite)
    return [" ".join(g) for g, n in after.items() if n > 1 and n > before.get(g, 0)]


def _deadline_start(text: str, phrase: str) -> int:
    """Where the deadline's words (with "by", "before" … in front) start, to add before them;
    0 when they are not found or open the goal."""
    pattern = re.compile(
        r"(?:\b(?:by|before|until|till|on|within|in|due)\s+(?:the\s+)?)?" + re.escape(phrase),
        re.IGNORECASE,
    )
    match = pattern.search(text)
    return match.start() if match else 0


@dataclass(frozen=True, slots=True)
class CountPlan:
    """A count or finish line to add to a goal of a kind, in the three shapes it is added in."""

    lead: str  # the count as the goal's action, before the goal's words as its purpose
    after: str  # the count after the goal's words
    count: str  # the count itself: a goal that has it already is not given it again


MEASURABLE_PLANS: dict[GoalKind | None, CountPlan] = {
    GoalKind.BEHAVIORAL: CountPlan(
        "Do 3 recorded practice sessions",
        ", doing 3 recorded practice sessions",
        "3 recorded practice sessions",
    ),
    GoalKind.KNOWLEDGE: CountPlan(
        "Note at least 5 key facts", ", noting at least 5 key facts", "at least 5 key facts"
    ),
    GoalKind.SKILLS: CountPlan(
        "Do 4 practice sessions of 45 minutes",
        ", doing 4 practice sessions of 45 minutes",
        "4 practice sessions of 45 minutes",
    ),
    GoalKind.NETWORKING: CountPlan(
        "Reach out to 3 people", ", reaching out to 3 people", "3 people"
    ),
    # No kind: no action to lead with; the number is the user's to choose.
    None: CountPlan(
        "",
        ", with a number to reach that I write down today",
        "a number to reach that I write down today",
    ),
}


def remove_deadline_words(text: str, phrase: str) -> str:
    """The text without a deadline's words and the "by", "before" … in front of them."""
    pattern = re.compile(
        r"\s*(?:\b(?:by|before|until|till|on|within|in|due)\s+(?:the\s+)?)?" + re.escape(phrase),
        re.IGNORECASE,
    )
    return " ".join(pattern.sub("", text, count=1).split())
