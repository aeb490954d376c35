"""Feedback from someone without an account, through a capability link, on one thing: a
recorded or typed answer, a whole mock interview, or a written STAR story.

The link is the only key: a random token of 192 bits, stored as its SHA-256 digest (never the
token itself), valid until it expires or its owner withdraws it, and good for the one thing
it was made for (`accounts.access` decides who may use it and which answers it plays)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone

from prepcoach.accounts.models import User
from prepcoach.coach.feedback import MAX_PIN_CHARS, Thing, clock
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.reflection.models import Story

LINK_DAYS = 14  # how long a link works unless its owner chooses otherwise
MAX_LINK_DAYS = 60
MAX_COMMENT_CHARS = 5000
MAX_REPLY_CHARS = 10_000


class FeedbackRequest(models.Model):
    class Relation(models.TextChoices):
        MENTOR = "mentor", "A mentor"
        FRIEND = "friend", "A friend or family member"
        INTERVIEWER = "interviewer", "An interviewer or recruiter"
        PEER = "peer", "Someone preparing too"
        OTHER = "other", "Someone else"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    # What it is for: exactly one of an answer, a mock interview or a story (a constraint).
    attempt = models.ForeignKey(
        Attempt, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    session = models.ForeignKey(
        MockSession, null=True, blank=True, on_delete=models.CASCADE,
        related_name="feedback_requests",
    )  # fmt: skip
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    reviewer_label = models.CharField("who it is for", max_length=100)
    relation = models.CharField(max_length=12, choices=Relation.choices, default=Relation.MENTOR)
    note = models.TextField("a note for them", max_length=1000, blank=True)
    show_transcript = models.BooleanField("let them read the transcript", default=True)
    show_measures = models.BooleanField("let them see prepcoach's measures", default=False)
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    Q(attempt__isnull=False, session__isnull=True, story__isnull=True)
                    | Q(attempt__isnull=True, session__isnull=False, story__isnull=True)
                    | Q(attempt__isnull=True, session__isnull=True, story__isnull=False)
                ),
                name="feedback_request_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.subject_phrase} for {self.reviewer_label}"

    @property
    def thing(self) -> Thing:
        """What the feedback is on, in words the rubric and the pages use."""
        if self.session_id is not None:
            return "mock interview"
        return "story" if self.story_id is not None else "answer"

    @property
    def subject_phrase(self) -> str:
        """The thing named for its owner: in the mail, the dashboard and the admin."""
        if self.session is not None:
            return f"your {session_name(self.session)}"
        if self.story is not None:
            return f"your story “{self.story.title}”"
        assert self.attempt is not None
        return f"your answer to “{self.attempt.question_text}”"

    def owner_url(self) -> str:
        """The owner's feedback page for the thing."""
        if self.session_id is not None:
            return reverse("feedback:session", args=[self.session_id])
        if self.story_id is not None:
            return reverse("feedback:story", args=[self.story_id])
        return reverse("feedback:attempt", args=[self.attempt_id])

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "withdrawn"
        return "open" if self.expires_at > timezone.now() else "expired"

    @staticmethod
    def expiry(days: int = LINK_DAYS) -> dt.datetime:
        return timezone.now() + dt.timedelta(days=days)


class Review(models.Model):
    """One reviewer's scores and comments. `browser_key` is a random key kept in the
    reviewer's browser session: sending the form again from the same browser updates the
    review instead of adding a second one."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="reviews")
    reviewer_name = models.CharField("your name", max_length=100)
    browser_key = models.CharField(max_length=64)
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    scores = models.JSONField(default=dict)  # criterion → 0, 1 or 2 (coach.feedback.CRITERIA)
    comment = models.TextField(max_length=MAX_COMMENT_CHARS, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["request", "browser_key"], name="one_review_a_browser")
        ]

    def __str__(self) -> str:
        return f"Review by {self.reviewer_name}"


def session_name(session: MockSession) -> str:
    """“mock interview of 3 May 2026 (Data analyst at Acme)”."""
    when = formats.date_format(timezone.localtime(session.started_at), "j F Y")
    return f"mock interview of {when}" + (f" ({session.about})" if session.about else "")


class Pin(models.Model):
    """A comment pinned to a moment of the recording of `attempt`: the request's answer, or
    one answer of its mock interview. An answer its owner deletes later leaves the reviewer's
    words (`attempt` None: "on an answer since removed"), never deletes them."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="pins")
    attempt = models.ForeignKey(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at_s = models.FloatField()
    text = models.TextField(max_length=MAX_PIN_CHARS)

    class Meta:
        ordering: ClassVar = ["at_s"]

    def __str__(self) -> str:
        return f"{self.clock}: {self.text[:40]}"

    @property
    def clock(self) -> str:
        return clock(self.at_s)


class AnswerNote(models.Model):
    """What a reviewer wrote under one answer of a mock interview without a time: kept with
    that answer, and back in that answer's own box when the review is reopened. Like a pin, it
    outlives the answer (`attempt` None: "on an answer since removed")."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    attempt = models.ForeignKey(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=MAX_COMMENT_CHARS)

    class Meta:
        ordering: ClassVar = ["pk"]

    def __str__(self) -> str:
        return f"Note: {self.text[:40]}"


class MailPreference(models.Model):
    """Whether the user wants a mail when feedback arrives (on unless they unsubscribed)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_mail"
    )
    review_mail = models.BooleanField("mail me when feedback arrives", default=True)

    def __str__(self) -> str:
        return f"Feedback mail for {self.user_id}: {'on' if self.review_mail else 'off'}"

    @staticmethod
    def wants_review_mail(user: User) -> bool:
        found = MailPreference.objects.filter(user=user).first()
        return found is None or found.review_mail


class InterviewerReply(models.Model):
    """What an interviewer wrote back when the user asked for feedback after an interview:
    feedback like the rest, kept with the job it was for."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviewer_replies"
    )
    opportunity = models.ForeignKey(
        "jobs.Opportunity", on_delete=models.CASCADE, related_name="interviewer_replies"
    )
    interviewer = models.CharField("from", max_length=120, blank=True)
    received_on = models.DateField("received on", default=dt.date.today)
    text = models.TextField("what they wrote", max_length=MAX_REPLY_CHARS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-received_on", "-created_at"]

    def __str__(self) -> str:
        return f"Feedback from {self.interviewer or 'the interviewer'} ({self.received_on})"
