"""People, their profiles and their personal access tokens."""

from __future__ import annotations

import hashlib
import secrets
import zoneinfo
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from prepcoach.coach.availability import AvailabilityError, WeeklyAvailability

TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class EmailUserManager(UserManager["User"]):
    """Users log in with their email; there is no separate username."""

    use_in_migrations = True

    def _create_user_object(
        self, username: str | None, email: str | None, password: str | None, **extra: Any
    ) -> User:
        user = self.model(email=self.normalize_email(email or username).lower(), **extra)
        user.set_password(password)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        user = self._create_user_object(None, email, password, **extra)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[EmailUserManager] = EmailUserManager()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        profile = getattr(self, "profile", None)
        return (profile.name if profile and profile.name else "") or self.email


def validate_time_zone(value: str) -> None:
    if value not in TIME_ZONES:
        raise ValidationError(f"“{value}” is not a time zone prepcoach knows, e.g. Europe/Paris.")


def validate_weekly_hours(value: object) -> None:
    if not isinstance(value, list):
        raise ValidationError("Weekly hours must be a list of seven numbers.")
    try:
        WeeklyAvailability.from_list(value)
    except (AvailabilityError, TypeError, ValueError) as exc:
        raise ValidationError(str(exc)) from None


def default_weekly_hours() -> list[float]:
    return [0.0] * 7


class DateOrder(models.TextChoices):
    """How the person writes a date in numbers: what "04/12" means in their goals."""

    DMY = "DMY", "Day first: 04/12 is 4 December"
    MDY = "MDY", "Month first: 12/04 is December 4"


class Profile(models.Model):
    """What prepcoach needs to know about a job seeker to plan and judge their preparation."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    name = models.CharField(max_length=120, blank=True)
    target_role = models.CharField(max_length=200, blank=True)
    industry = models.CharField(max_length=200, blank=True)
    # Validated rather than given choices, so a tzdata update never needs a migration.
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    # Hours per weekday, Monday first: the planner schedules steps into them.
    weekly_hours = models.JSONField(
        default=default_weekly_hours, validators=[validate_weekly_hours]
    )
    # Blank until set: the sign-up and profile pages pre-fill it from the browser's locale.
    date_order = models.CharField(max_length=3, choices=DateOrder.choices, blank=True, default="")

    def __str__(self) -> str:
        return f"Profile of {self.user.email}"

    @property
    def availability(self) -> WeeklyAvailability:
        return WeeklyAvailability.from_list(self.weekly_hours)

    @property
    def is_blank(self) -> bool:
        return not (self.name or self.target_role or self.industry) and self.availability.is_empty


def profile_read(user: User) -> Profile | None:
    """The user's profile: the one this user object holds already (the time-zone middleware
    reads it at the start of every signed-in request, so a page's later needs cost no query),
    else read now. Work outside a request (tasks, mails) reads it fresh."""
    if getattr(User, "profile").is_cached(user):  # noqa: B009 (the reverse accessor)
        return getattr(user, "profile", None)
    return Profile.objects.filter(user=user).first()


TOKEN_PREFIX = "pc_"  # noqa: S105 (a prefix that marks tokens in logs, not a secret)


def hash_token(token: str) -> str:
    # Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


class AccessTokenQuerySet(models.QuerySet["AccessToken"]):
    def active(self) -> AccessTokenQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class AccessToken(models.Model):
    """A personal access token for the JSON API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart.")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[AccessToken, str]:
        """Create a token and return it with its secret, which is never shown again."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, token_hash=hash_token(secret), hint=secret[:8]
        )
        return token, secret

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class MailFrequency(models.TextChoices):
    """How often a periodic e-mail (reminders, the reading digest) goes out, on the user's
    morning; coach.reminders.reminder_due decides when."""

    OFF = "off", "Off"
    DAILY = "daily", "Every morning"
    WEEKLY = "weekly", "Monday mornings"
