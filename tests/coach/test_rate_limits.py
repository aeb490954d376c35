"""When one more use of an expensive action is allowed, and how long to wait when it is not."""

import datetime as dt

from prepcoach.coach.rate_limits import RateLimit, judge_rate

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
LIMIT = RateLimit(3, 60, "analyses")


def ago(*seconds: float) -> list[dt.datetime]:
    return [NOW - dt.timedelta(seconds=s) for s in seconds]


def test_uses_under_the_limit_are_allowed() -> None:
    assert judge_rate(LIMIT, ago(10, 20), NOW).allowed
    assert judge_rate(LIMIT, ago(10, 20, 60, 90), NOW).allowed  # two left the window


def test_the_next_use_waits_for_the_oldest_counted_one_to_leave() -> None:
    decision = judge_rate(LIMIT, ago(5, 40, 15), NOW)  # any order
    assert not decision.allowed
    assert decision.retry_after_s == 20  # the use 40 s ago leaves in 20 s
    assert decision.message == (
        "You asked for 3 analyses in the last 60 seconds: try again in 20 s."
    )


def test_the_wait_is_at_least_a_second() -> None:
    assert judge_rate(LIMIT, ago(0.2, 10, 59.9), NOW).retry_after_s == 1
