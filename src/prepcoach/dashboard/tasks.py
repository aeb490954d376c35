"""The digest mail: sent by the worker's periodic check on each user's morning, as often as
they chose (daily, weekly or every other Monday), with the one-click stop every notification
mail carries."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.timing import local_now, mail_user
from prepcoach.coach.reminders import reminder_due
from prepcoach.dashboard.digest import digest_of
from prepcoach.reading.digest import digest_for
from prepcoach.reading.models import DIGEST_STOP_SALT, DigestSettings


@task()
def send_digests() -> int:
    """E-mail each user who asked for the digest, on their morning; returns how many went.
    A digest with nothing in it is not sent, but its period still counts as done."""
    sent = 0
    wanted = DigestSettings.objects.exclude(frequency=DigestSettings.Frequency.OFF)
    for choice in wanted.select_related("user"):
        user = choice.user
        now = local_now(user)
        if not user.is_active or not reminder_due(choice.frequency, now, choice.last_sent_on):
            continue
        reading = digest_for(user, choice)
        digest = digest_of(user, now.date(), choice, reading)
        if not digest.empty:
            body = render_to_string(
                "dashboard/email/digest.txt",
                {"digest": digest, "page_url": settings.SITE_URL + reverse("dashboard:digest")},
            )
            stop = stop_url("reading:digest_stop", user.pk, DIGEST_STOP_SALT)
            if not mail_user(user, digest.subject, body, stop):
                continue  # tried again at the next check
            sent += 1
        DigestSettings.objects.filter(pk=choice.pk).update(
            last_sent_on=now.date(), last_sent_at=reading.until
        )
    return sent
