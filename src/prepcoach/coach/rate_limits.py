"""How often one person may ask for an expensive action, and when they may ask again.

An analysis of a written answer (`/api/analyze`) holds a server thread for up to a couple of
seconds and a brief's PDF for several: a script asking for them in a loop would keep every
thread busy for everyone else. Each action allows `uses` in any `window_s` seconds; the next
one waits until the oldest of those leaves the window, and the message says how long.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RateLimit:
    uses: int
    window_s: int
    what: str  # plural, for the message: "analyses"


RATE_LIMITS = {
    # A person analysing their answers one by one asks a few a minute; 20 is a script.
    "analyze": RateLimit(20, 60, "analyses of a written answer"),
    # A brief is printed once or twice before an interview.
    "brief_pdf": RateLimit(6, 60, "brief PDFs"),
    # A typed answer takes minutes to write and is analysed once saved; ten in a minute are
    # pasted by a script (the practice page and a peer mock's answer share the count).
    "typed_answer": RateLimit(10, 60, "typed answers"),
}


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after_s: int  # 0 when allowed
    message: str  # "" when allowed


def judge_rate(limit: RateLimit, used_at: Sequence[dt.datetime], now: dt.datetime) -> RateDecision:
    """Whether one more use is allowed, given the times of earlier uses (any order; those
    outside the window are ignored), and if not, in how many whole seconds it will be."""
    recent = sorted(t for t in used_at if t > now - dt.timedelta(seconds=limit.window_s))
    if len(recent) < limit.uses:
        return RateDecision(True, 0, "")
    frees = recent[-limit.uses] + dt.timedelta(seconds=limit.window_s)
    wait = max(1, math.ceil((frees - now).total_seconds()))
    return RateDecision(
        False,
        wait,
        f"You asked for {limit.uses} {limit.what} in the last {limit.window_s} seconds: "
        f"try again in {wait} s.",
    )
