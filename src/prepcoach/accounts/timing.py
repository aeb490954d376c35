"""The user's own clock and the periodic e-mails that go by it (reminders, digests)."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import zoneinfo

from django.core.mail import EmailMessage
from django.utils import timezone

from prepcoach.accounts.mailstop import stop_headers
from prepcoach.accounts.models import User, profile_read

logger = logging.getLogger(__name__)


def user_zone(user: User) -> dt.tzinfo:
    """The user's clock: their profile's time zone, UTC without one."""
    profile = profile_read(user)
    try:
        return zoneinfo.ZoneInfo(profile.time_zone if profile and profile.time_zone else "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")  # a zone since removed from the system's database


def local_now(user: User) -> dt.datetime:
    """Now on the user's clock (their profile's time zone, UTC without one)."""
    return timezone.now().astimezone(user_zone(user))


def mail_user(user: User, subject: str, body: str, stop: str) -> bool:
    """Send one periodic e-mail, ending with its one-click stop link `stop` (in the body and in
    the RFC 8058 headers: `accounts.mailstop`); False (and logged) when the server refuses it,
    so one bad address never stops everyone else's mail: the next check tries again."""
    body = f"{body.rstrip()}\n\nStop these mails: {stop}\n"
    message = EmailMessage(subject=subject, body=body, to=[user.email], headers=stop_headers(stop))
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("mail to user %s failed", user.pk)
        return False
    return True
