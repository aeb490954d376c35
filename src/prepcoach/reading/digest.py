"""What a digest holds: inbox items new since the last digest, and the saved reading list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.reading.models import DigestSettings, FeedItem, ReadingItem

DEFAULT_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True)
class Digest:
    since: dt.datetime
    new: list[FeedItem]
    saved: list[ReadingItem]


def digest_for(user: User, choice: DigestSettings | None = None) -> Digest:
    since = (choice.last_sent_at if choice else None) or timezone.now() - DEFAULT_WINDOW
    new = FeedItem.objects.filter(
        feed__user=user, status=FeedItem.Status.NEW, created_at__gt=since
    ).select_related("feed")
    saved = ReadingItem.objects.filter(user=user).exclude(status=ReadingItem.Status.DONE)
    return Digest(since, list(new[:50]), list(saved[:50]))
