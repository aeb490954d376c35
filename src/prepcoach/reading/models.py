"""The industry deep dive: a reading list, the feeds the user follows, and their inbox."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import models
from django.utils.safestring import SafeString, mark_safe

from prepcoach.accounts.models import MailFrequency
from prepcoach.coach.text import markdown_html

# Takeaways are rendered once per process and text: the same page shown again renders nothing
# (issue 15, item 5). The HTML is a function of the words alone, so an edit is a new key; the
# longest notes are rendered each time rather than kept.
RENDERED_KEPT, RENDERED_MAX_CHARS = 2048, 20_000


@functools.lru_cache(maxsize=RENDERED_KEPT)
def _kept_html(text: str) -> str:
    return markdown_html(text)


def takeaways_html(text: str) -> SafeString:
    """The user's Markdown as sanitised HTML (`coach.text.markdown_html`), rendered once."""
    html = _kept_html(text) if len(text) <= RENDERED_MAX_CHARS else markdown_html(text)
    return mark_safe(html)  # noqa: S308 (sanitised by nh3 in markdown_html)


class ReadingItem(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        PAPER = "paper", "Paper"
        COURSE = "course", "Course"
        TALK = "talk", "Talk"
        BOOK = "book", "Book"

    class Status(models.TextChoices):
        TO_READ = "to_read", "To read"
        READING = "reading", "Reading"
        DONE = "done", "Done"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_items"
    )
    title = models.CharField(max_length=300)
    link = models.URLField(max_length=1000, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TO_READ)
    takeaways = models.TextField(blank=True, help_text="What you learned, in Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("status", "-created_at")

    def __str__(self) -> str:
        return self.title

    @property
    def takeaways_html(self) -> SafeString:
        return takeaways_html(self.takeaways)


class Feed(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feeds"
    )
    url = models.URLField("feed address", max_length=1000)
    title = models.CharField(max_length=300, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    # Why the last fetch failed, in words the user can act on; empty when it worked.
    problem = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("title", "url")
        constraints = [models.UniqueConstraint(fields=("user", "url"), name="one_feed_per_address")]

    def __str__(self) -> str:
        return self.title or self.url


class FeedItem(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        READ = "read", "Read"
        SAVED = "saved", "Saved"
        DISMISSED = "dismissed", "Dismissed"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=500)
    title = models.CharField(max_length=300)
    link = models.URLField(max_length=1000, blank=True)
    summary = models.TextField(blank=True)
    published = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    # The reading-list entry "Save" made, so "Undo" takes back that one and nothing else.
    reading_item = models.ForeignKey(
        ReadingItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-published", "-created_at")
        constraints = [models.UniqueConstraint(fields=("feed", "guid"), name="one_item_per_guid")]

    def __str__(self) -> str:
        return self.title


DIGEST_STOP_SALT = "prepcoach.reading.digest.stop"  # the digest mail's one-click stop


class DigestFrequency(models.TextChoices):
    """How often the digest (the dashboard's: goals, steps, areas and reading) goes out, on
    the user's morning; coach.reminders.reminder_due decides when."""

    OFF = MailFrequency.OFF.value, MailFrequency.OFF.label
    DAILY = MailFrequency.DAILY.value, MailFrequency.DAILY.label
    WEEKLY = MailFrequency.WEEKLY.value, MailFrequency.WEEKLY.label
    FORTNIGHT = "fortnight", "Every other Monday morning"


class DigestSettings(models.Model):
    Frequency = DigestFrequency

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_settings"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.OFF)
    last_sent_on = models.DateField(null=True, blank=True)
    # Items newer than this are "new since your last digest" on the digest page too.
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.frequency} digest"
