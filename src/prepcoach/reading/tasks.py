"""Background work of the industry deep dive: fetching feeds and sending digests."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.timing import local_now, mail_user
from prepcoach.coach.reminders import reminder_due
from prepcoach.reading import fetch
from prepcoach.reading.digest import digest_for
from prepcoach.reading.models import DIGEST_STOP_SALT, DigestSettings, Feed

logger = logging.getLogger(__name__)


@task()
def fetch_feed(feed_id: int) -> int:
    feed = Feed.objects.filter(pk=feed_id).first()
    return fetch.refresh(feed) if feed else 0


@task()
def fetch_feeds() -> int:
    """Refresh every feed not fetched within FEED_REFRESH_SECONDS; returns new items."""
    cutoff = timezone.now() - dt.timedelta(seconds=settings.FEED_REFRESH_SECONDS)
    stale = Feed.objects.filter(last_fetched_at__lt=cutoff) | Feed.objects.filter(
        last_fetched_at__isnull=True
    )
    added = 0
    for feed in stale:
        try:
            added += fetch.refresh(feed)
        except Exception:
            # One feed's surprise must not stop the others from being fetched.
            logger.exception("feed %s failed", feed.pk)
    return added


@task()
def send_digests() -> int:
    """E-mail each user who asked for a digest their new and saved items, on their morning."""
    sent = 0
    wanted = DigestSettings.objects.exclude(frequency=DigestSettings.Frequency.OFF)
    for choice in wanted.select_related("user"):
        user = choice.user
        now = local_now(user)
        if not user.is_active or not reminder_due(choice.frequency, now, choice.last_sent_on):
            continue
        digest = digest_for(user, choice)
        if digest.new or digest.saved:
            body = render_to_string(
                "reading/email/digest.txt",
                {"digest": digest, "page_url": settings.SITE_URL + reverse("reading:digest")},
            )
            subject = f"prepcoach: {len(digest.new) + digest.more} new in your reading"
            stop = stop_url("reading:digest_stop", user.pk, DIGEST_STOP_SALT)
            if not mail_user(user, subject, body, stop):
                continue  # tried again at the next check
            sent += 1
        DigestSettings.objects.filter(pk=choice.pk).update(
            last_sent_on=now.date(), last_sent_at=digest.until
        )
    return sent
