"""The debriefs of real interviews (the interview itself is the job's: `prepcoach.jobs`). Seen
by their owner only: no grant (partner, group, link) opens them. Deleting the job deletes its
interviews and their debriefs."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse

from prepcoach.jobs.models import MAX_TEXT as JOB_TEXT
from prepcoach.jobs.models import Interview

MAX_TEXT = JOB_TEXT  # each free-text box of an interview or a debrief
MAX_QUESTION = 300  # the question bank's own limit (practice.Question.text)
DEBRIEF_STOP_SALT = "prepcoach.interviews.debrief.stop"  # the debrief mail's one-click stop


class Debrief(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "waiting", "Waiting to hear"
        NEXT = "next", "Next round"
        REJECTED = "rejected", "Rejected"
        OFFER = "offer", "Offer"
        WITHDRAWN = "withdrawn", "I withdrew"

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="debrief")
    went_well = models.TextField("what went well", blank=True, max_length=MAX_TEXT)
    went_badly = models.TextField("what didn't go well", blank=True, max_length=MAX_TEXT)
    # coach.debrief.BODY_LANGUAGE key → "yes", "partly" or "no".
    body_language = models.JSONField(default=dict, blank=True)
    # coach.debrief.COMPETENCIES key → 1..5.
    ratings = models.JSONField(default=dict, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    feedback = models.TextField("feedback received", blank=True, max_length=MAX_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Debrief of {self.interview_id}"


class AskedQuestion(models.Model):
    """A question the interviewer asked, and how the answer went."""

    class Went(models.TextChoices):
        WELL = "well", "Well"
        PARTLY = "partly", "Partly"
        BADLY = "badly", "Badly"

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField("question", max_length=MAX_QUESTION)
    went = models.CharField("how it went", max_length=8, choices=Went.choices, blank=True)
    notes = models.TextField("notes on your answer", blank=True, max_length=MAX_TEXT)

    class Meta:
        ordering: ClassVar = ["pk"]

    def __str__(self) -> str:
        return self.text


class DebriefMail(models.Model):
    """Whether the user wants the debrief reminder mail (on unless they stopped it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debrief_mail"
    )
    wanted = models.BooleanField("mail me a debrief reminder after each interview", default=True)

    def __str__(self) -> str:
        return f"Debrief mail for {self.user_id}: {'on' if self.wanted else 'off'}"


class Transcript(models.Model):
    """A transcript of the interview (or of a mock for it) the user pasted or uploaded, as
    given: `coach.interview_transcript` reads it again on each view. `speaker` is who the user
    says they were (blank: as the reading found); `readings` keeps the answer reader's findings
    for each answer by a digest of its question and words, so a page is not read twice."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="transcripts")
    text = models.TextField()
    filename = models.CharField(max_length=200, blank=True)
    speaker = models.CharField("you are", max_length=80, blank=True)
    readings = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Transcript of {self.interview_id}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:transcript", args=[self.pk])
