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
from prepcoach.ops.queues import waiting_arguments
from prepcoach.reading import fetch
from prepcoach.reading.digest import digest_for
from prepcoach.reading.models import DIGEST_STOP_SALT, DigestSettings, Feed

logger = logging.getLogger(__name__)


@task(queue_name="feeds")  # one feed per task, in the feeds' own lane
def fetch_feed(feed_id: int) -> int:
    """Fetch one feed; returns its new items."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return 0
    try:
        return fetch.refresh(feed)
    except Exception:
        # A surprise in one feed is logged; the next refresh tries it again.
        logger.exception("feed %s failed", feed.pk)
        return 0


@task()
def fetch_feeds() -> int:
    """Queue a fetch of every feed not fetched within FEED_REFRESH_SECONDS and not already
    waiting for one; returns how many were queued."""
    cutoff = timezone.now() - dt.timedelta(seconds=settings.FEED_REFRESH_SECONDS)
    stale = Feed.objects.filter(last_fetched_at__lt=cutoff) | Feed.objects.filter(
        last_fetched_at__isnull=True
    )
    waiting = waiting_arguments(fetch_feed)
    queued = 0
    for feed_id in stale.values_list("pk", flat=True):
        if feed_id not in waiting:
            fetch_feed.enqueue(feed_id)
            queued += 1
    return queued


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
