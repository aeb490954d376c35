"""Goals whose figure another app counts, such as a job's key facts (issue 12, class 6).

The app that holds the things counted registers a counter when it starts; `plans.progress_of`
asks it for the figure, so the goal's page, the plan, a partner's view, the mails and the API
read the same number as the page the things are counted on, never a copy that can lag. Such a
goal is not logged by hand: its page says where its figure comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prepcoach.goals.models import Goal


@dataclass(frozen=True)
class Counted:
    value: int
    target: int
    where: str  # the page the things are counted on, in words: "the research of PM at Acme"
    url: str


Counter = Callable[[Goal], Counted | None]
_counters: list[Counter] = []


def register(counter: Counter) -> None:
    if counter not in _counters:
        _counters.append(counter)


def count_for(goal: Goal) -> Counted | None:
    """The figure another app counts for this goal, or None when the goal is logged by hand."""
    if goal.pk is None:
        return None
    for counter in _counters:
        if (counted := counter(goal)) is not None:
            return counted
    return None
