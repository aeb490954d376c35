"""How long a page watching an answer may hold its request open (a long poll) before the server
answers, so the report shows as soon as it is saved without a poll every 2 s and without the
waits taking every thread of the web process.

A page that watches an answer asks with what it last saw; the server answers at once when the
answer changed since, or waits for a change up to `hold_s`, then answers anyway and the page asks
again at once. Waits are bounded per process (`capacity`) and per person (`per_person`, so one
person's open tabs do not take a browser's six connections to the server, nor the server's
threads); past either bound the answer comes at once and the page asks again after `busy_s`, as
it used to poll. A page open for `give_up_s` stops asking and offers "Check again".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PushSettings:
    hold_s: float = 20.0  # one wait: well under proxies' usual 60 s idle timeout
    give_up_s: float = 30 * 60.0  # a 10-minute answer is read in about 3 minutes; 30 leaves a queue
    busy_s: float = 2.0  # when every wait is taken: the old poll's period
    tick_s: float = 0.25  # how often a wait looks at the answer (one query by primary key)
    # ... while the answer is being analysed, when its report is due within seconds: the report
    # is on screen up to a tick after it is saved, and 0.25 s was up to an eighth of the 2 s aim
    # from the end of an answer (bench_push: saved -> on screen 0.03-0.38 s). Not always: a
    # query costs about 1-2 ms of the web process's CPU through the ORM (measured on this
    # machine under load), which at this tick is 1-2 % of a core for each wait held.
    analysing_tick_s: float = 0.1
    per_person: int = 3  # a mock page watches an answer and its follow-up; one more tab


@dataclass(frozen=True)
class WaitPlan:
    """What one request of a watching page gets."""

    wait_s: float  # how long to hold it for a change (0: answer at once)
    again_s: float  # when the page asks again after this answer (0: at once)
    stopped: bool  # the page has watched long enough: it stops and offers "Check again"
    reason: str  # "now", "wait", "busy" or "stopped", for logs and tests


def wait_capacity(configured: int, threads: int | None) -> int:
    """How many waits a web process may hold: `configured` (PUSH_WAITS), but never all of its
    request threads when their number is known: at most `threads` - 1, so none at all in a
    single-threaded process (gunicorn's default sync worker), where one held request would keep
    every other request of the process waiting for up to `hold_s`. With none, every watching
    page is answered at once and asks again after `busy_s`. `threads` None: not known."""
    configured = max(configured, 0)
    return configured if threads is None else min(configured, max(threads - 1, 0))


def plan_wait(
    *,
    watching: bool,
    open_for_s: float,
    held: int,
    capacity: int,
    held_by_person: int,
    settings: PushSettings | None = None,
) -> WaitPlan:
    """The plan for one request. `watching`: the page said what it last saw (without it, it is
    answered at once: a first look). `open_for_s`: how long the page has been watching.
    `held`/`capacity`: waits held in this process and how many it allows; `held_by_person`:
    how many of them are this person's."""
    s = settings or PushSettings()
    open_for_s = max(open_for_s, 0.0)
    if open_for_s >= s.give_up_s:
        return WaitPlan(0.0, 0.0, True, "stopped")
    if not watching:
        return WaitPlan(0.0, 0.0, False, "now")
    if held >= capacity or held_by_person >= s.per_person:
        return WaitPlan(0.0, s.busy_s, False, "busy")
    return WaitPlan(min(s.hold_s, s.give_up_s - open_for_s), 0.0, False, "wait")
