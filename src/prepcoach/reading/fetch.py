"""Fetching a feed the user asked for, and storing its new entries in their inbox.

This is the only place prepcoach reaches the network for Grow, and only for addresses the
user added: that is the configuration the privacy promise allows."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from prepcoach.coach.feeds import ParsedFeed, parse_feed
from prepcoach.reading.models import Feed, FeedItem

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 15
USER_AGENT = "prepcoach feed reader (+https://github.com/prepcoach)"


def download(url: str) -> ParsedFeed:
    """The feed at url, or a ParsedFeed whose problem says what went wrong."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if parts.scheme not in ("http", "https"):
        return ParsedFeed("", (), "A feed's address starts with https:// or http://.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body = response.read(MAX_FEED_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        problem = (
            f"{host} answered “{error.code} {error.reason}”. Check the address; if it is "
            "right, the site may be down, so it is tried again later."
        )
        return ParsedFeed("", (), problem)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return ParsedFeed("", (), f"Could not reach {host} ({reason}). It is tried again later; "
                          "check the address if this keeps happening.")  # fmt: skip
    if len(body) > MAX_FEED_BYTES:
        return ParsedFeed("", (), f"The feed at {host} is over {MAX_FEED_BYTES // 2**20} MB, "
                          "too large to be a news feed. Check the address.")  # fmt: skip
    return parse_feed(body, content_type)


def refresh(feed: Feed) -> int:
    """Fetch one feed and add its unseen entries to the inbox; returns how many were new.
    A failed fetch keeps every item already stored and records why it failed."""
    parsed = download(feed.url)
    feed.last_fetched_at = timezone.now()
    feed.problem = parsed.problem
    if parsed.title:
        feed.title = parsed.title
    feed.save(update_fields=["last_fetched_at", "problem", "title"])
    known = set(feed.items.values_list("guid", flat=True))
    added = 0
    for entry in parsed.entries:
        if entry.guid in known:
            continue
        known.add(entry.guid)
        try:
            with transaction.atomic():
                FeedItem.objects.create(
                    feed=feed,
                    guid=entry.guid,
                    title=entry.title,
                    link=entry.link,
                    summary=entry.summary,
                    published=entry.published,
                )
        except IntegrityError:
            continue  # fetched twice at once: the other fetch stored it
        added += 1
    return added
