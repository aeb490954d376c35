"""Background work of the industry deep dive: fetching feeds (the digest mail, which lists new
items, is `dashboard.tasks.send_digests`)."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from prepcoach.ops.queues import waiting_arguments
from prepcoach.reading import fetch
from prepcoach.reading.models import Feed

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
