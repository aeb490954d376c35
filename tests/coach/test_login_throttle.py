"""coach.login_throttle: growing waits, never a lock-out, and the owner's address spared."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from prepcoach.coach.login_throttle import (
    ACCOUNT_CAP_S,
    Backoff,
    Failures,
    LoginRecord,
    ResetRecord,
    account_key,
    address_key,
    judge_login,
    judge_reset,
    login_limits,
)

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
LIMITS = login_limits(free=5, first_s=5, cap_s=900)
NONE = Failures(0, None)


def ago(seconds: int) -> dt.datetime:
    return NOW - dt.timedelta(seconds=seconds)


def record(
    pair: Failures = NONE,
    address: Failures = NONE,
    account: Failures = NONE,
    everyone: int = 0,
    known: bool = False,
) -> LoginRecord:
    return LoginRecord(pair, address, account, everyone, known)


def test_the_wait_doubles_after_the_free_failures_up_to_the_cap() -> None:
    backoff = Backoff(free=5, first_s=5, cap_s=900)
    assert [backoff.wait_s(n) for n in range(4, 14)] == [0, 5, 10, 20, 40, 80, 160, 320, 640, 900]
    assert backoff.wait_s(10_000) == 900


def test_a_wait_counts_from_the_latest_failure_and_says_how_long() -> None:
    decision = judge_login(LIMITS, record(pair=Failures(6, ago(4))), NOW)
    assert not decision.allowed
    assert decision.retry_after_s == 6
    assert "try again in 6 s" in decision.message
    assert judge_login(LIMITS, record(pair=Failures(6, ago(10))), NOW).allowed


def test_long_waits_are_said_in_minutes() -> None:
    decision = judge_login(LIMITS, record(pair=Failures(40, ago(0))), NOW)
    assert decision.retry_after_s == 900
    assert "try again in 15 minutes" in decision.message


def test_many_accounts_from_one_address_wait_on_the_address() -> None:
    decision = judge_login(LIMITS, record(address=Failures(10, ago(1))), NOW)
    assert not decision.allowed
    assert decision.reason == "this address"


def test_a_known_address_is_judged_on_its_own_failures_only() -> None:
    hammered = record(
        pair=Failures(1, ago(30)), address=Failures(3, ago(30)),
        account=Failures(500, ago(0)), everyone=5000,
    )  # fmt: skip
    assert not judge_login(LIMITS, hammered, NOW).allowed
    assert judge_login(LIMITS, replace(hammered, known_pair=True), NOW).allowed


def test_a_browser_with_the_accounts_device_cookie_is_judged_on_its_own_failures_only() -> None:
    hammered = record(
        pair=Failures(40, ago(1)),
        address=Failures(40, ago(1)),
        account=Failures(500, ago(1)),
        everyone=5000,
    )
    assert judge_login(LIMITS, replace(hammered, device=NONE), NOW).allowed
    slowed = judge_login(LIMITS, replace(hammered, device=Failures(6, ago(1))), NOW)
    assert not slowed.allowed
    assert slowed.reason == "this browser"
    assert slowed.retry_after_s == 10 - 1


def test_the_account_count_keeps_a_new_browser_out_for_a_minute_at_most() -> None:
    guessed = record(account=Failures(10_000, ago(0)))
    decision = judge_login(LIMITS, guessed, NOW)
    assert not decision.allowed
    assert decision.reason == "this account"
    assert decision.retry_after_s == ACCOUNT_CAP_S == 60
    # A guesser's own address still waits the long way.
    own = judge_login(LIMITS, record(pair=Failures(20, ago(0))), NOW)
    assert own.retry_after_s == 900


def test_a_spray_over_the_install_slows_an_address_after_its_own_failure() -> None:
    # A new address with no failure of its own gets its try; after one failure, it waits.
    assert judge_login(LIMITS, record(everyone=600), NOW).allowed
    decision = judge_login(LIMITS, record(address=Failures(1, ago(1)), everyone=600), NOW)
    assert not decision.allowed
    assert decision.reason == "everyone"
    assert decision.retry_after_s <= 60


def test_accounts_are_counted_by_the_email_typed_in_any_case() -> None:
    assert account_key(" Alice@Example.com ") == account_key("alice@example.com")
    assert account_key("bob@example.com") != account_key("alice@example.com")


def test_an_ipv6_address_is_counted_by_its_network() -> None:
    assert address_key("2001:db8:1:2::5") == address_key("2001:db8:1:2:ffff::1")
    assert address_key("2001:db8:1:3::5") != address_key("2001:db8:1:2::5")
    assert address_key("203.0.113.7") == "203.0.113.7"


def test_reset_mails_are_limited_per_email_and_address_per_email_and_per_address() -> None:
    three, ten = [ago(60), ago(120), ago(180)], [ago(60)] * 10
    for_pair = judge_reset(ResetRecord(three, three, three), NOW)
    for_account = judge_reset(ResetRecord([], ten, []), NOW)
    from_address = judge_reset(ResetRecord([], [], ten), NOW)
    assert not for_pair.allowed
    assert not for_account.allowed
    assert not from_address.allowed
    assert for_pair.retry_after_s == 3600 - 180
    # The same words whichever count refused, so they do not tell whether the account exists.
    assert (
        len({d.message.split(": try again")[0] for d in [for_pair, for_account, from_address]}) == 1
    )
    # Three for this e-mail from elsewhere leave this address's first request free.
    assert judge_reset(ResetRecord([], three, []), NOW).allowed
    assert judge_reset(ResetRecord(three[:2], [ago(60)] * 9, [ago(60)] * 9), NOW).allowed
