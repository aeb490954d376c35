"""Accountability partners: an invitation by e-mail, and the grant it turns into.

A `Partnership` is one direction: its owner lets its partner see the goals in `goals`, and
nothing else. Two people who follow each other have two rows. Comments, cheers and nudges
belong to a partnership, so ending it removes them with it: nothing stays visible.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from prepcoach.goals.models import Goal, Milestone

INVITE_DAYS = 14
MAX_COMMENT_CHARS = 2000
MAX_NUDGE_CHARS = 200


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


class PartnerInvite(models.Model):
    """A single-use, expiring invitation. Only the token's SHA-256 is stored; the raw token
    (256 random bits) exists only in the e-mail."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_invites"
    )
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation from {self.owner} to {self.email}"

    @classmethod
    def issue(cls, owner: object, email: str) -> tuple[PartnerInvite, str]:
        raw = secrets.token_urlsafe(32)
        invite = cls.objects.create(
            owner=owner,
            email=email.strip().lower(),
            token_hash=hash_token(raw),
            expires_at=timezone.now() + dt.timedelta(days=INVITE_DAYS),
        )
        return invite, raw

    @property
    def is_pending(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Partnership(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partners_sharing"
    )
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partners_following"
    )
    goals = models.ManyToManyField(Goal, blank=True, related_name="partner_grants")
    # The owner's side: a nudge from this partner comes by mail unless they stopped it (one
    # click in the nudge mail); it still shows on their dashboard.
    nudge_mail = models.BooleanField("mail me when they nudge me", default=True)
    weekly_mail = models.BooleanField(
        "send me a weekly progress mail", default=False,
        help_text="On Monday morning: where each shared goal stands against its ideal line.",
    )  # fmt: skip
    last_mail_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["owner", "partner"], name="partners_one_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(owner=models.F("partner")), name="partners_not_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} follows {self.owner}"


class Comment(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="comments")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="partner_comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_comments"
    )
    text = models.TextField(max_length=MAX_COMMENT_CHARS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class Cheer(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="cheers")
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="cheers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["partnership", "milestone"], name="partners_one_cheer")
        ]

    def __str__(self) -> str:
        return f"Cheer for {self.milestone}"


class Nudge(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="nudges")
    note = models.CharField(max_length=MAX_NUDGE_CHARS, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"Nudge on {self.created_at:%Y-%m-%d}"
