"""Goals, their steps, check-ins and milestones; the calendar feed and reminder settings."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import MailFrequency
from prepcoach.coach.goal_kind import GoalKind
from prepcoach.coach.smart import MAX_GOAL_CHARS, MAX_TARGET, format_date

FIRST_PLAN_YEAR, LAST_PLAN_YEAR = 2000, 2100


def validate_plan_date(value: dt.date) -> None:
    """Dates a preparation plan can hold; 9999-12-31 is a typo, and it breaks calendars."""
    if not FIRST_PLAN_YEAR <= value.year <= LAST_PLAN_YEAR:
        raise ValidationError(
            f"Pick a date between {FIRST_PLAN_YEAR} and {LAST_PLAN_YEAR}.", code="out_of_range"
        )


class Goal(models.Model):
    class Kind(models.TextChoices):
        KNOWLEDGE = GoalKind.KNOWLEDGE.value, "Knowledge: the industry, the company, the role"
        SKILLS = GoalKind.SKILLS.value, "Skills: communication, technical, problem solving"
        BEHAVIORAL = GoalKind.BEHAVIORAL.value, "Behavioral: answers, body language, presentation"
        NETWORKING = GoalKind.NETWORKING.value, "Networking: contacts, events, mentors"
        # A goal none of the four fits (a health or study goal), or one prepcoach cannot read
        # yet: saying "other" is truer than filing it under a kind it is not.
        OTHER = "other", "Other: none of the four"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    text = models.CharField("goal", max_length=MAX_GOAL_CHARS)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OTHER)
    # Whose `kind` it is: True, prepcoach's reading of the goal's words (the user asked it to
    # suggest one, or gave none through the API); False, the user's own choice, never to be
    # overwritten; None, not recorded (saved before 2026-12-04, when either could hold the same
    # kind, or set by prepcoach itself, as the job's facts goal). Only a kind read from the words
    # may be read again when the reading changes.
    kind_suggested = models.BooleanField(null=True, default=None, editable=False)
    why = models.TextField("why it matters", blank=True)
    success_note = models.TextField("what success looks like", blank=True)
    target_date = models.DateField(
        "target date", null=True, blank=True, validators=[validate_plan_date]
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    target_value = models.DecimalField(
        "target number", max_digits=8, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(MAX_TARGET))],
    )  # fmt: skip
    unit = models.CharField(max_length=60, blank=True, help_text="e.g. “mock interviews”")
    # The improvement area (coach.improvement) whose measure moves this goal by itself, when
    # it was made from one; blank for goals the user tracks by check-ins.
    area = models.CharField(max_length=32, blank=True)  # "competency_problem_solving"
    start_date = models.DateField(default=timezone.localdate)
    completed_on = models.DateField(null=True, blank=True)
    # When it was last reached or dropped (None while active): the finished goals on the plan
    # are listed latest closed first, which editing an old goal's notes must not change.
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["status", "target_date", "-created_at"]
        indexes: ClassVar = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", args=[self.pk])

    @property
    def is_measurable(self) -> bool:
        return self.target_value is not None


class Step(models.Model):
    class Level(models.IntegerChoices):
        LOW = 1, "Low"
        MEDIUM = 2, "Medium"
        HIGH = 3, "High"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=200)
    due_date = models.DateField("due", validators=[validate_plan_date])
    estimated_hours = models.DecimalField(
        "hours", max_digits=5, decimal_places=2, default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal(200))],
    )  # fmt: skip
    impact = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.MEDIUM)
    urgency = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.MEDIUM)
    resources = models.TextField(
        blank=True, help_text="Links, books, courses or people: one per line."
    )
    # The day the user chose to work on it (moved on the week): the week and what to do today
    # show it there (`coach.planning.pinned_day`); blank, the plan places it.
    planned_on = models.DateField(
        "work on it on", null=True, blank=True, validators=[validate_plan_date],
        help_text="Optional: the day you will work on it. Left empty, prepcoach places it.",
    )  # fmt: skip
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        goal = getattr(self, "goal", None)
        if goal and goal.target_date and self.due_date and self.due_date > goal.target_date:
            raise ValidationError(
                {
                    "due_date": f"This step would be due after its goal "
                    f"({format_date(goal.target_date)}): pick an earlier date or move the goal."
                }
            )

    @property
    def resource_list(self) -> list[str]:
        return [line.strip() for line in self.resources.splitlines() if line.strip()]

    @property
    def resource_links(self) -> list[tuple[str, bool]]:
        """Each resource, and whether it is a web address the page may link to."""
        return [(r, urlsplit(r).scheme in {"http", "https"}) for r in self.resource_list]


class CheckIn(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField(default=timezone.localdate, validators=[validate_plan_date])
    value = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-day", "-created_at"]

    def __str__(self) -> str:
        return f"{self.goal}: {self.value} on {self.day}"


class Milestone(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=120)
    threshold = models.PositiveSmallIntegerField(
        "at % of the goal", validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    reached_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["threshold"]

    def __str__(self) -> str:
        return self.title


def new_feed_token() -> str:
    """Kept for migration 0001, which named it as the old plain `token` column's default."""
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A private, revocable address a calendar app subscribes to. Knowing it is the access:
    it is shown to its owner once, when made, and replaced when they make a new one. Only its
    SHA-256 is stored (`accounts.access.link_digest`), as for API tokens and feedback links."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"


REMINDERS_STOP_SALT = "prepcoach.goals.reminders.stop"  # the reminder mail's one-click stop


class ReminderSettings(models.Model):
    Frequency = MailFrequency

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=Frequency.OFF)
    last_sent_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class PlanSnapshot(models.Model):
    """Each step's finishing day as the user last saw the plan, so that when days pass and
    steps slip, prepcoach can say what moved since."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_snapshot"
    )
    taken_on = models.DateField()
    finishes = models.JSONField(default=dict)  # step id → ISO date, or null if it does not fit

    def __str__(self) -> str:
        return f"Plan of {self.user} on {self.taken_on}"
