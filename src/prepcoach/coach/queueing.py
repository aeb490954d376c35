"""Fair queueing of analyses: how many one person may have waiting, and where a new one goes.

Each person's answers are queued in turns: the first answer someone has waiting goes in at the
top priority of the analysis queue, their second one step lower, and so on. A worker takes the
highest priority first (oldest first among equals), so one person's backlog of fifty never keeps
another person's single answer waiting for more than the answer being read now and the first of
the backlog.
"""

from __future__ import annotations

from dataclasses import dataclass

# Django's task priorities run from -100 to 100; an analysis uses 0 down to -LIMIT_MAX.
TOP_PRIORITY = 0
LIMIT_MAX = 100


@dataclass(frozen=True)
class Admission:
    """Whether one more analysis may be queued for a person, at what priority, and if not,
    what to tell them."""

    admitted: bool
    waiting: int  # that person's analyses already queued or running
    limit: int
    priority: int
    message: str


def admit_analysis(waiting: int, limit: int) -> Admission:
    """One more analysis for someone who has `waiting` queued or running, under `limit`."""
    limit = max(1, min(limit, LIMIT_MAX))
    if waiting >= limit:
        return Admission(
            admitted=False, waiting=waiting, limit=limit, priority=TOP_PRIORITY,
            message=(
                f"You already have {waiting} answers waiting for analysis, the most one person "
                f"may have at once ({limit}). This answer is saved: analyse it once some of "
                "the others are done."
            ),
        )  # fmt: skip
    return Admission(
        admitted=True, waiting=waiting, limit=limit, priority=TOP_PRIORITY - waiting, message=""
    )


@dataclass(frozen=True)
class AnalysisState:
    """What an answer's analysis is doing, in the words the page, API and CLI use."""

    key: str  # "queued", "restarting", "analysing" or the answer's own status
    label: str
    may_analyse_again: bool


def analysis_state(status: str, restarts: int, worker_lost: bool = False) -> AnalysisState:
    """`status` is the answer's; `restarts` how many times a worker reading it died and it was
    queued again; `worker_lost` whether the worker reading it now has stopped answering (it is
    queued again at the next beat of a live worker)."""
    if (status == "queued" and restarts) or (status == "analysing" and worker_lost):
        return AnalysisState(
            "restarting",
            "Restarting: the worker reading this answer stopped, so it is read again",
            may_analyse_again=True,
        )
    if status == "queued":
        return AnalysisState("queued", "Waiting for analysis", may_analyse_again=False)
    if status == "analysing":
        return AnalysisState("analysing", "Analysing", may_analyse_again=False)
    return AnalysisState(status, status, may_analyse_again=status != "recording")
