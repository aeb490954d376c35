"""What a digest holds: inbox items new since the last digest, and the saved reading list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.reading.models import DigestSettings, FeedItem, ReadingItem

DEFAULT_WINDOW = dt.timedelta(days=7)


LISTED = 50


@dataclass(frozen=True)
class Digest:
    since: dt.datetime
    until: dt.datetime  # the next digest starts here, so no item falls between two
    new: list[FeedItem]
    more: int  # new items beyond the LISTED shown: still in the inbox
    saved: list[ReadingItem]


def digest_for(user: User, choice: DigestSettings | None = None) -> Digest:
    until = timezone.now()
    since = (choice.last_sent_at if choice else None) or until - DEFAULT_WINDOW
    new = FeedItem.objects.filter(
        feed__user=user, status=FeedItem.Status.NEW, created_at__gt=since, created_at__lte=until
    ).select_related("feed")
    saved = ReadingItem.objects.filter(user=user).exclude(status=ReadingItem.Status.DONE)
    listed = list(new[:LISTED])
    more = new.count() - len(listed) if len(listed) == LISTED else 0
    return Digest(since, until, listed, more, list(saved[:LISTED]))
