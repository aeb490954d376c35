"""Goals whose figure another app counts, such as a job's key facts (issue 12, class 6).

The app that holds the things counted registers a counter when it starts; `plans.progress_of`
asks it for the figure, so the goal's page, the plan, a partner's view, the mails and the API
read the same number as the page the things are counted on, never a copy that can lag. Such a
goal is not logged by hand: its page says where its figure comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prepcoach.goals.models import Goal


@dataclass(frozen=True)
class Counted:
    value: int
    target: int
    where: str  # the page the things are counted on, in words: "the research of PM at Acme"
    url: str


Counter = Callable[[Goal], Counted | None]
# The same counter for many goals at once (by goal id), so a page of goals asks once, not once
# a goal: the plan's queries must not grow with the number of goals (issue 15, item 5).
ManyCounter = Callable[[Sequence[Goal]], dict[int, Counted]]
_counters: list[tuple[Counter, ManyCounter | None]] = []


def register(counter: Counter, many: ManyCounter | None = None) -> None:
    if all(counter is not known for known, _ in _counters):
        _counters.append((counter, many))


def count_for(goal: Goal) -> Counted | None:
    """The figure another app counts for this goal, or None when the goal is logged by hand."""
    if goal.pk is None:
        return None
    for counter, _ in _counters:
        if (counted := counter(goal)) is not None:
            return counted
    return None


def counts_for(goals: Sequence[Goal]) -> dict[int, Counted]:
    """`count_for` of each goal, by goal id (goals logged by hand are left out): each counter
    is asked once for all the goals the counters before it did not count."""
    found: dict[int, Counted] = {}
    for counter, many in _counters:
        left = [g for g in goals if g.pk is not None and g.pk not in found]
        if not left:
            break
        if many is not None:
            found |= {pk: c for pk, c in many(left).items() if pk not in found}
            continue
        for goal in left:
            if (counted := counter(goal)) is not None:
                found[goal.pk] = counted
    return found
