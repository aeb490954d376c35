"""The digest mail: sent by the worker's periodic check on each user's morning, as often as
they chose (daily, weekly or every other Monday), with the one-click stop every notification
mail carries."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.timing import local_now, mail_user
from prepcoach.coach.reminders import reminder_due
from prepcoach.dashboard.digest import digest_of
from prepcoach.reading.digest import digest_for
from prepcoach.reading.models import DIGEST_STOP_SALT, DigestSettings

logger = logging.getLogger(__name__)


@task()
def send_digests() -> int:
    """E-mail each user who asked for the digest, on their morning; returns how many went.
    A digest with nothing in it is not sent, but its period still counts as done."""
    sent = 0
    wanted = DigestSettings.objects.exclude(frequency=DigestSettings.Frequency.OFF)
    for choice in wanted.select_related("user").order_by("pk"):
        try:
            with transaction.atomic():  # a database error in one user's rows stays theirs
                sent += _send_one(choice)
        except Exception:  # one user's bad data never stops everyone else's digest
            logger.exception("digest for user %s failed", choice.user_id)
    return sent


def _send_one(choice: DigestSettings) -> int:
    """Send `choice`'s user their digest when it is due; 1 when a mail went, else 0."""
    user = choice.user
    now = local_now(user)
    if not user.is_active or not reminder_due(choice.frequency, now, choice.last_sent_on):
        return 0
    reading = digest_for(user, choice)
    digest = digest_of(user, now.date(), choice, reading)
    sent = 0
    if not digest.empty:
        body = render_to_string(
            "dashboard/email/digest.txt",
            {"digest": digest, "page_url": settings.SITE_URL + reverse("dashboard:digest")},
        )
        stop = stop_url("reading:digest_stop", user.pk, DIGEST_STOP_SALT)
        if not mail_user(user, digest.subject, body, stop):
            return 0  # tried again at the next check
        sent = 1
    DigestSettings.objects.filter(pk=choice.pk).update(
        last_sent_on=now.date(), last_sent_at=reading.until
    )
    return sent
