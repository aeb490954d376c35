"""The user's own clock and the periodic e-mails that go by it (reminders, digests)."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import zoneinfo

from django.core.mail import send_mail
from django.utils import timezone

from prepcoach.accounts.models import Profile, User

logger = logging.getLogger(__name__)


def local_now(user: User) -> dt.datetime:
    """Now on the user's clock (their profile's time zone, UTC without one)."""
    profile = Profile.objects.filter(user=user).first()
    try:
        zone = zoneinfo.ZoneInfo(profile.time_zone if profile and profile.time_zone else "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")  # a zone since removed from the system's database
    return timezone.now().astimezone(zone)


def mail_user(user: User, subject: str, body: str) -> bool:
    """Send one periodic e-mail; False (and logged) when the server refuses it, so one bad
    address never stops everyone else's mail: the next check tries again."""
    try:
        send_mail(subject, body, None, [user.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("mail to user %s failed", user.pk)
        return False
    return True
