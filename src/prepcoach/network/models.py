"""The user's own network: the people they meet and the events they attend. Only their owner
ever sees them (no grant opens a contact to a partner, a group or a link)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from prepcoach.coach.contact_import import MAX_NAME, MAX_NOTES, MAX_SHORT, contact_key
from prepcoach.goals.models import validate_plan_date


class Contact(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=MAX_NAME)
    email = models.EmailField("e-mail", max_length=MAX_SHORT, blank=True)
    phone = models.CharField(max_length=MAX_SHORT, blank=True)
    company = models.CharField(max_length=MAX_SHORT, blank=True)
    role = models.CharField(max_length=MAX_SHORT, blank=True)
    where_met = models.CharField(
        "where you met",
        max_length=MAX_SHORT,
        blank=True,
        help_text="e.g. “alumni evening at King’s”, “LinkedIn”, “PyData meetup”.",
    )
    tags = models.CharField(
        max_length=MAX_SHORT, blank=True, help_text="Words you count by, e.g. “alumni, mentor”."
    )
    opportunity = models.ForeignKey(
        "jobs.Opportunity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name="the job they relate to",
    )
    notes = models.TextField(blank=True, max_length=MAX_NOTES)
    last_contact = models.DateField(
        "last in touch", null=True, blank=True, validators=[validate_plan_date]
    )
    next_follow_up = models.DateField(
        "next follow-up", null=True, blank=True, validators=[validate_plan_date]
    )
    added_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["name", "pk"]
        indexes: ClassVar = [models.Index(fields=["user", "next_follow_up"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:contact", args=[self.pk])

    @property
    def key(self) -> str:
        return contact_key(self.name, self.email, self.company)

    @property
    def counted_text(self) -> str:
        """What says who they are, for counting ("alumni", "mentor")."""
        return " ".join([self.company, self.role, self.where_met, self.tags, self.notes])


class Event(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_events"
    )
    name = models.CharField(max_length=MAX_SHORT)
    day = models.DateField(default=timezone.localdate, validators=[validate_plan_date])
    place = models.CharField(max_length=MAX_SHORT, blank=True)
    notes = models.TextField(blank=True, max_length=MAX_NOTES)
    contacts = models.ManyToManyField(
        Contact, blank=True, related_name="events", verbose_name="people you met there"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-day", "-pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:event", args=[self.pk])
