"""The user's own network: which follow-ups are due, and what a networking goal's count is
("contact 5 alumni by Friday" → 2 alumni so far). Reading contacts from a file is
`coach.contact_import`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# --- follow-ups --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUp:
    contact_id: int
    name: str
    company: str
    due: dt.date


@dataclass(frozen=True, slots=True)
class FollowUpsDue:
    overdue: tuple[FollowUp, ...]
    due: tuple[FollowUp, ...]  # from today, within the window

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due)


def follow_ups_due(follow_ups: Iterable[FollowUp], today: dt.date, days: int = 1) -> FollowUpsDue:
    """Follow-ups before today (overdue) and those due in the next `days` days (1: today)."""
    ordered = sorted(follow_ups, key=lambda f: (f.due, f.name.casefold()))
    end = today + dt.timedelta(days=days)
    return FollowUpsDue(
        overdue=tuple(f for f in ordered if f.due < today),
        due=tuple(f for f in ordered if today <= f.due < end),
    )


# --- networking goals --------------------------------------------------------------------------

EVENT_WORDS = frozenset(
    {
        "event",
        "meetup",
        "meet-up",
        "conference",
        "fair",
        "careerfair",
        "talk",
        "webinar",
        "workshop",
        "summit",
        "mixer",
        "networking",
        "panel",
        "expo",
        "hackathon",
    }
)
PEOPLE_WORDS = frozenset(
    {
        "contact",
        "people",
        "person",
        "professional",
        "connection",
        "peer",
        "colleague",
        "individual",
        "name",
        "introduction",
        "intro",
        "lead",
    }
)
# Ways of being in touch: counted as people contacted (by their last contact) in the window.
TOUCH_WORDS = frozenset(
    {
        "chat",
        "coffee",
        "call",
        "conversation",
        "meeting",
        "message",
        "email",
        "outreach",
        "informational",
        "reach",
        "catch-up",
        "follow-up",
        "followup",
        "dm",
    }
)
# A kind of person: counted among contacts whose details say so, in any of these forms.
KIND_FORMS: dict[str, frozenset[str]] = {
    "alumni": frozenset({"alumni", "alumnus", "alumna", "alumnae", "alum", "alums"}),
    "mentor": frozenset({"mentor", "mentors", "mentoring", "mentorship"}),
    "recruiter": frozenset({"recruiter", "recruiters", "recruiting", "talent"}),
    "hiring manager": frozenset({"hiring manager", "hiring managers"}),
    "engineer": frozenset({"engineer", "engineers", "engineering"}),
    "analyst": frozenset({"analyst", "analysts"}),
    "manager": frozenset({"manager", "managers"}),
    "founder": frozenset({"founder", "founders", "co-founder"}),
    "designer": frozenset({"designer", "designers", "design"}),
}
COUNTED_LABEL = {
    "events": "events attended",
    "people": "people logged",
    "touches": "people you were in touch with",
}


@dataclass(frozen=True, slots=True)
class NetworkContact:
    id: int
    name: str
    text: str  # company, role, where met, tags and notes: what says who they are
    added: dt.date
    last_contact: dt.date | None


@dataclass(frozen=True, slots=True)
class NetworkEvent:
    id: int
    name: str
    day: dt.date


@dataclass(frozen=True, slots=True)
class GoalCount:
    counts: str  # "events", "people", "touches"
    kind_of_person: str | None  # "alumni", "mentor", …; None: everyone
    value: int
    names: tuple[str, ...]  # what was counted, for the user to check
    explanation: str  # with the names: for the owner's eyes only
    # Without the names: what a check-in note may say, since a goal's check-ins are shown to
    # the partner the goal is shared with, and the user's contacts are theirs alone.
    summary: str = ""


def _singular(word: str) -> str:
    word = word.lower().strip(".,;:!?'\"()")
    if word == "people":
        return "person"
    for end, new in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2 and not word.endswith("ss"):
            return word[: -len(end)] + new
    return word


def what_counts(unit: str) -> tuple[str, str | None] | None:
    """What a goal's unit counts: ("events", None), ("people", "alumni"), ("touches", None),
    or None when the unit is not about people or events ("mock interviews")."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", unit.lower()) if w]
    if not words:
        return None
    flat = " ".join(words)
    kind = next(
        (
            k
            for k, forms in KIND_FORMS.items()
            if any(re.search(rf"\b{re.escape(f)}\b", flat) for f in forms)
        ),
        None,
    )
    singular = [_singular(w) for w in words]
    if "mock" in singular or "practice" in singular:
        return None  # "mock interviews" are practice, not networking
    if any(w in EVENT_WORDS for w in singular) and kind is None:
        return ("events", None)
    if any(w in TOUCH_WORDS for w in singular) and kind is None:
        return ("touches", None)
    if kind is not None or any(w in PEOPLE_WORDS for w in singular):
        return ("people", kind)
    return None


def count_for_goal(
    unit: str,
    start: dt.date,
    deadline: dt.date | None,
    contacts: Sequence[NetworkContact],
    events: Sequence[NetworkEvent],
    today: dt.date,
) -> GoalCount | None:
    """How far a networking goal with a count has come, from what the user logged since the
    goal began (up to its deadline); None when its unit is not people or events."""
    found = what_counts(unit)
    if found is None:
        return None
    counts, kind = found

    def in_window(day: dt.date | None) -> bool:
        last = min(today, deadline) if deadline else today
        return day is not None and start <= day <= last

    names: list[str]
    if counts == "events":
        names = [e.name for e in sorted(events, key=lambda e: e.day) if in_window(e.day)]
    else:
        forms = KIND_FORMS.get(kind, frozenset()) if kind else frozenset()
        chosen = [
            c
            for c in contacts
            if (
                in_window(c.last_contact)
                if counts == "touches"
                else in_window(c.added) or in_window(c.last_contact)
            )
            and (not forms or any(re.search(rf"\b{re.escape(f)}\b", c.text.lower()) for f in forms))
        ]
        names = [c.name for c in sorted(chosen, key=lambda c: (c.added, c.id))]
    since = f"since {start.day} {start:%B}"
    # Said in the singular for one ("Counted 1 contact whose…", not "1 contacts": a trial).
    one = len(names) == 1
    if counts == "events":
        what = "event you attended" if one else "events you attended"
    elif counts == "touches":
        who = "person" if one else "people"
        what = f"{who} you were in touch with (their last contact)"
    elif kind:
        who = "contact" if one else "contacts"
        what = f"{who} whose details say “{kind}” (in company, role, where met, tags or notes)"
    else:
        what = f"{'person' if one else 'people'} you added or were in touch with"
    explanation = f"Counted {len(names)} {what} {since}" + (
        f": {', '.join(names[:5])}{' and more' if len(names) > 5 else ''}." if names else "."
    )
    summary = f"Counted {len(names)} {what} {since}."
    return GoalCount(counts, kind, len(names), tuple(names), explanation, summary)


@dataclass(frozen=True, slots=True)
class GoalUpdate:
    goal_id: int
    before: float
    after: float
    count: GoalCount


@dataclass(frozen=True, slots=True)
class GoalInput:
    id: int
    text: str
    unit: str
    kind: str
    start: dt.date
    deadline: dt.date | None
    current: float  # the last check-in's value (0 with none)
    target: float | None


def goal_updates(
    goals: Sequence[GoalInput],
    contacts: Sequence[NetworkContact],
    events: Sequence[NetworkEvent],
    today: dt.date,
) -> list[GoalUpdate]:
    """The networking goals whose count moved: a measurable goal whose unit names people or
    events (and, for the plain words "people" or "names", one filed as networking)."""
    out: list[GoalUpdate] = []
    for goal in goals:
        if not goal.target or goal.target <= 0:
            continue
        found = count_for_goal(goal.unit, goal.start, goal.deadline, contacts, events, today)
        if found is None:
            continue
        generic = (
            found.counts == "people"
            and found.kind_of_person is None
            and not re.search(r"\b(contacts?|connections?|professionals?)\b", goal.unit.lower())
        )
        if generic and goal.kind != "networking":
            continue
        if float(found.value) != goal.current:
            out.append(GoalUpdate(goal.id, goal.current, float(found.value), found))
    return out
