"""Log-in throttling that slows guessing without letting anyone lock a person out.

Failed log-ins are counted four ways over the last `window_s` seconds: for this account from
this address (the pair), from this address for any account, for this account from anywhere,
and everywhere. Each count allows some failures free, then asks for a wait that doubles with
every further failure (every `step` failures for the global count) up to a cap, measured from
the latest failure it counted. There is no lock-out: the page says "try again in N s".

Who is judged on what:
- a browser that has signed in to this account before shows it by a signed device cookie
  (OWASP's "device cookies"): it is judged on the failures sent with that cookie only, so
  nothing anyone else sends, from anywhere, slows the owner in their own browser;
- otherwise the pair count applies, so a person who mistypes is slowed like a guesser;
- an address that has signed in to this account before (a "known" pair) is judged on the pair
  count only: a guesser hammering the account from elsewhere, or from many addresses, adds
  nothing to the wait of its owner at their usual address;
- any other pair is judged on all four: one password tried against many accounts from one
  address is slowed by the address count, a password guessed from many addresses by the
  account count, and a spray from many addresses against many accounts by the global count,
  which waits from the latest failure of this address (a new address gets its first try).
  The account count is what a guesser elsewhere can raise, so its wait is short
  (`ACCOUNT_CAP_S`): a new browser at a new address is never kept out for long, while a
  password guessed from many addresses still gets only a few tries a minute.

An IPv6 client is counted by its /64 network, which one household or one machine has whole, so
walking through its addresses does not reset a count. Accounts are counted by a hash of the
e-mail typed, whether or not an account has it, so nothing here tells whether one exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import math
from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.coach.rate_limits import RateDecision, RateLimit, judge_rate


@dataclass(frozen=True)
class Backoff:
    free: int  # failures that cost no wait
    first_s: int  # the wait after `free` failures
    cap_s: int  # the longest wait
    step: int = 1  # failures per doubling

    def wait_s(self, failures: int) -> int:
        if failures < self.free:
            return 0
        doublings = min(30, (failures - self.free) // self.step)
        return int(min(self.cap_s, self.first_s * 2**doublings))


# The longest wait the account-wide count asks of a browser and address the account has not
# signed in from: short, since anyone can raise that count.
ACCOUNT_CAP_S = 60


@dataclass(frozen=True)
class LoginLimits:
    device: Backoff
    pair: Backoff
    address: Backoff
    account: Backoff
    everyone: Backoff
    window_s: int


def login_limits(free: int = 5, first_s: int = 5, cap_s: int = 900) -> LoginLimits:
    """The limits, from the settings' free failures per pair, first wait and longest wait."""
    return LoginLimits(
        # A browser the account has signed in from, counted by its device cookie.
        device=Backoff(free, first_s, cap_s),
        pair=Backoff(free, first_s, cap_s),
        # One person rarely fails for more than two or three accounts from one place in an hour;
        # a shared address (an office) gets twice the pair's allowance before it waits.
        address=Backoff(2 * free, first_s, cap_s),
        # Failures for one account from many addresses: only unknown browsers and addresses
        # wait on it, and never long.
        account=Backoff(2 * free, first_s, min(cap_s, ACCOUNT_CAP_S)),
        # Hundreds of failures an hour across an install is a spray; its wait stays short,
        # since it falls on every new address, and doubles every 100 further failures.
        everyone=Backoff(100 * free, first_s, min(cap_s, 60), step=100),
        window_s=max(3600, cap_s),
    )


@dataclass(frozen=True)
class Failures:
    count: int
    latest: dt.datetime | None


@dataclass(frozen=True)
class LoginRecord:
    pair: Failures  # this account from this address
    address: Failures  # this address, any account
    account: Failures  # this account, any address
    everyone: int  # every failure on the install
    known_pair: bool  # this address has signed in to this account before
    # Failures sent with this browser's device cookie for this account; None when the browser
    # showed no valid device cookie for it (none, forged, expired, or another account's).
    device: Failures | None = None


@dataclass(frozen=True)
class LoginDecision:
    allowed: bool
    retry_after_s: int  # 0 when allowed
    reason: str  # which count asked for the wait ("" when allowed), for the log
    message: str  # "" when allowed


def _remaining_s(wait_s: int, latest: dt.datetime | None, now: dt.datetime) -> int:
    if wait_s <= 0 or latest is None:
        return 0
    left = (latest + dt.timedelta(seconds=wait_s) - now).total_seconds()
    return max(0, math.ceil(left))


def wait_words(seconds: int) -> str:
    """'40 s' under two minutes, '3 minutes' (rounded up) from there."""
    if seconds < 120:
        return f"{seconds} s"
    return f"{math.ceil(seconds / 60)} minutes"


def judge_login(limits: LoginLimits, record: LoginRecord, now: dt.datetime) -> LoginDecision:
    """Whether a log-in may be tried now, and if not, in how many whole seconds it may."""
    if record.device is not None:
        waits = [("this browser", _remaining_s(
            limits.device.wait_s(record.device.count), record.device.latest, now))]  # fmt: skip
    else:
        waits = [("this address and account", _remaining_s(
            limits.pair.wait_s(record.pair.count), record.pair.latest, now))]  # fmt: skip
    if record.device is None and not record.known_pair:
        waits += [
            ("this address", _remaining_s(
                limits.address.wait_s(record.address.count), record.address.latest, now)),
            ("this account", _remaining_s(
                limits.account.wait_s(record.account.count), record.account.latest, now)),
            ("everyone", _remaining_s(
                limits.everyone.wait_s(record.everyone), record.address.latest, now)),
        ]  # fmt: skip
    reason, wait = max(waits, key=lambda item: item[1])
    if wait <= 0:
        return LoginDecision(True, 0, "", "")
    return LoginDecision(
        False,
        wait,
        reason,
        "Too many failed log-in attempts, from here or for this account: for your security, "
        f"try again in {wait_words(wait)}. If you have forgotten your password, reset it.",
    )


def account_key(email: str) -> str:
    """The e-mail a log-in or reset is for, as it is counted: trimmed, lower-cased, hashed."""
    return hashlib.sha256(email.strip().lower().encode("utf-8", "replace")).hexdigest()


def address_key(address: str) -> str:
    """The client's address as it is counted: IPv4 whole, IPv6 by its /64 network."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


# Password-reset mails: a person who lost their password asks once or twice; more is someone
# filling another person's inbox, or a script walking through addresses from one place. The
# tight limit is per e-mail *and* address, so requests from elsewhere cannot use up the owner's
# own; the looser one per e-mail still bounds what many addresses together can send to one inbox.
RESET_PER_PAIR = RateLimit(3, 3600, "reset mails for this e-mail address from here")
RESET_PER_ACCOUNT = RateLimit(10, 3600, "reset mails for this e-mail address")
RESET_PER_ADDRESS = RateLimit(10, 3600, "reset mails from here")


@dataclass(frozen=True)
class ResetRecord:
    """Times of earlier reset requests in the window: for this e-mail from this address, for
    this e-mail from anywhere, and from this address for any e-mail."""

    pair: Sequence[dt.datetime]
    account: Sequence[dt.datetime]
    address: Sequence[dt.datetime]


def judge_reset(record: ResetRecord, now: dt.datetime) -> RateDecision:
    """Whether one more reset mail may be sent (e-mails counted whether or not an account has
    them). The refusal's words are the same either way, so they do not tell whether the
    account exists."""
    decisions = [
        judge_rate(RESET_PER_PAIR, record.pair, now),
        judge_rate(RESET_PER_ACCOUNT, record.account, now),
        judge_rate(RESET_PER_ADDRESS, record.address, now),
    ]
    wait = max(d.retry_after_s for d in decisions)
    if wait <= 0:
        return RateDecision(True, 0, "")
    return RateDecision(
        False,
        wait,
        "Too many password-reset mails were asked for, from here or for this e-mail address: "
        f"try again in {wait_words(wait)}. Any reset mail already sent still works.",
    )
