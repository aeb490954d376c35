"""Log-in and password-reset throttling, counted in the database for every process.

`begin_login` asks `coach.login_throttle.judge_login` whether this e-mail may be tried from
this client now; when it may, the attempt is written as a failure before the password is
checked, one decision at a time (so requests sent side by side see each other), and
`login_succeeded` removes it, the pair's earlier failures with it. `remember_sign_in`, called
on every sign-in (the log-in page, sign-up, a partner's sign-up, a password reset), remembers
the address as one the account signs in from and gives the browser a device cookie: signed with
the secret key, HttpOnly, SameSite=Lax, Secure over HTTPS, for a year, naming the account (its
hash) and a random device token. A log-in sent with a valid device cookie for its account is
judged on that token's failures only.
`request_reset` does the same for reset mails with `judge_reset`. The client is
`ops.proxy.client_address`, the real client behind a trusted proxy.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from prepcoach.coach.login_throttle import (
    RESET_PER_ACCOUNT,
    RESET_PER_ADDRESS,
    RESET_PER_PAIR,
    Failures,
    LoginDecision,
    LoginRecord,
    ResetRecord,
    account_key,
    address_key,
    judge_login,
    judge_reset,
)
from prepcoach.coach.rate_limits import RateDecision
from prepcoach.ops.models import KnownLogin, LoginFailure, ResetRequest
from prepcoach.ops.proxy import client_address as client_address_of


@dataclass(frozen=True)
class LoginAttempt:
    decision: LoginDecision
    account: str
    address: str
    device: str  # the device cookie's token when it is valid for this account, else ""
    failure_id: int | None  # the row written for this attempt, when it was allowed


def _failures(rows: QuerySet[LoginFailure]) -> Failures:
    summary = rows.aggregate(latest=Max("at"))
    return Failures(rows.count(), summary["latest"])


# Any number under 2**63: the PostgreSQL advisory lock that serialises log-in decisions.
DECISION_LOCK = 0x6C6F67696E  # "login"


def _serialise_decisions() -> None:
    """Inside a transaction: one log-in decision at a time, so attempts sent side by side are
    counted one after another (each sees the others' rows). SQLite's IMMEDIATE transactions
    do this already; PostgreSQL takes an advisory lock, released at commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DECISION_LOCK])


DEVICE_COOKIE = "prepcoach_device"
DEVICE_SALT = "prepcoach.login_throttle.device"
DEVICE_MAX_AGE_S = 365 * 24 * 3600


def device_of(request: HttpRequest, account: str) -> str:
    """The device token of the browser's device cookie when it is validly signed, not expired
    and names `account`; "" otherwise (none, forged, or another account's)."""
    value = request.get_signed_cookie(
        DEVICE_COOKIE, default=None, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE_S
    )
    if not value or value.count(":") != 1:
        return ""
    named, device = value.split(":")
    return device if named == account and device else ""


def begin_login(request: HttpRequest, email: str) -> LoginAttempt:
    with transaction.atomic():
        _serialise_decisions()
        return _judge_and_record(request, email)


def _judge_and_record(request: HttpRequest, email: str) -> LoginAttempt:
    account, address = account_key(email), address_key(client_address_of(request))
    device = device_of(request, account)
    limits = settings.LOGIN_LIMITS
    now = timezone.now()
    recent = LoginFailure.objects.filter(at__gt=now - dt.timedelta(seconds=limits.window_s))
    LoginFailure.objects.filter(at__lte=now - dt.timedelta(seconds=limits.window_s)).delete()
    record = LoginRecord(
        pair=_failures(recent.filter(account=account, address=address)),
        address=_failures(recent.filter(address=address)),
        account=_failures(recent.filter(account=account)),
        everyone=recent.count(),
        known_pair=KnownLogin.objects.filter(account=account, address=address).exists(),
        device=_failures(recent.filter(account=account, device=device)) if device else None,
    )
    decision = judge_login(limits, record, now)
    failure_id = None
    if decision.allowed:
        row = LoginFailure.objects.create(account=account, address=address, device=device, at=now)
        failure_id = row.pk
    return LoginAttempt(decision, account, address, device, failure_id)


def login_succeeded(attempt: LoginAttempt) -> None:
    """The password was right: this attempt and the pair's and the device's failures go."""
    LoginFailure.objects.filter(account=attempt.account, address=attempt.address).delete()
    if attempt.device:
        LoginFailure.objects.filter(account=attempt.account, device=attempt.device).delete()


def remember_sign_in(request: HttpRequest, response: HttpResponse, email: str) -> HttpResponse:
    """Someone has just signed in to `email`'s account in this browser: remember the address
    (`KnownLogin`) and give the browser a device cookie for the account, keeping its token
    when it had one for it."""
    account = account_key(email)
    address = address_key(client_address_of(request))
    KnownLogin.objects.update_or_create(
        account=account, address=address, defaults={"last_at": timezone.now()}
    )
    device = device_of(request, account) or secrets.token_urlsafe(24)
    response.set_signed_cookie(
        DEVICE_COOKIE,
        f"{account}:{device}",
        salt=DEVICE_SALT,
        max_age=DEVICE_MAX_AGE_S,
        httponly=True,
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def request_reset(email: str, client_address: str) -> RateDecision:
    """Count one reset mail for `email` from this client if the limits allow it, one decision
    at a time like `begin_login`, so requests sent side by side cannot each pass."""
    with transaction.atomic():
        _serialise_decisions()
        return _judge_and_record_reset(email, client_address)


def _judge_and_record_reset(email: str, client_address: str) -> RateDecision:
    account, address = account_key(email), address_key(client_address)
    now = timezone.now()
    limits = (RESET_PER_PAIR, RESET_PER_ACCOUNT, RESET_PER_ADDRESS)
    window = max(limit.window_s for limit in limits)
    ResetRequest.objects.filter(at__lte=now - dt.timedelta(seconds=window)).delete()

    def times(rows: QuerySet[ResetRequest]) -> list[dt.datetime]:
        return list(rows.values_list("at", flat=True))

    decision = judge_reset(
        ResetRecord(
            pair=times(ResetRequest.objects.filter(account=account, address=address)),
            account=times(ResetRequest.objects.filter(account=account)),
            address=times(ResetRequest.objects.filter(address=address)),
        ),
        now,
    )
    if decision.allowed:
        ResetRequest.objects.create(account=account, address=address, at=now)
    return decision
