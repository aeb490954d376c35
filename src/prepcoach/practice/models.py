"""Improve (practice): the question bank, attempts and their recordings, mock interviews,
drills and practice settings."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import JSONField, Q, Value
from django.db.models.functions import Lower
from django.urls import reverse

from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.body_language import BodyLanguageSettings
from prepcoach.coach.body_language.thresholds import from_stored
from prepcoach.coach.delivery import DeliverySettings


class Question(models.Model):
    class Category(models.TextChoices):
        BEHAVIORAL = "behavioral", "Behavioral"
        SITUATIONAL = "situational", "Situational"
        ROLE_SPECIFIC = "role-specific", "Role-specific"
        MOTIVATION = "motivation", "Motivation and career goals"

    class Seniority(models.TextChoices):
        ANY = "any", "Any level"
        JUNIOR = "junior", "Junior"
        MID = "mid", "Mid-level"
        SENIOR = "senior", "Senior"
        LEAD = "lead", "Lead or manager"

    # None: the starter bank everyone shares. A user's own questions are theirs alone.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    text = models.CharField("question", max_length=300)
    category = models.CharField(
        max_length=16, choices=Category.choices, default=Category.BEHAVIORAL
    )
    competency = models.CharField(max_length=40, blank=True)
    field = models.CharField(max_length=40, default="general")
    seniority = models.CharField(max_length=8, choices=Seniority.choices, default=Seniority.ANY)
    difficulty = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    source = models.CharField(
        max_length=200, blank=True, help_text="Where you heard it, e.g. “Acme onsite, May 2026”."
    )
    # Asked in a real interview (added from its debrief): the company and the round.
    company = models.CharField(max_length=120, blank=True)
    interview_round = models.CharField("round", max_length=80, blank=True)
    sample_good = models.TextField("a good sample answer", blank=True)
    sample_weak = models.TextField("a weak sample answer", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Deleting a question deletes its drill cards (its answers keep their own copy of the words).
    drill_cards = GenericRelation("DrillCard")

    class Meta:
        ordering: ClassVar = ["category", "competency", "text"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                Lower("text"), condition=Q(owner__isnull=True), name="practice_bank_text_unique"
            ),
            models.UniqueConstraint(
                "owner",
                Lower("text"),
                condition=Q(owner__isnull=False),
                name="practice_own_text_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("practice:question", args=[self.pk])

    @property
    def in_bank(self) -> bool:
        return self.owner_id is None


class PracticeSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_settings"
    )
    daily_target = models.PositiveSmallIntegerField(
        "drills a day", default=10, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    speak_questions = models.BooleanField("read questions aloud", default=True)
    # The feedback thresholds (defaults and their sources: coach.delivery.DeliverySettings).
    pace_low = models.PositiveSmallIntegerField(
        "slowest good pace (wpm)",
        default=130,
        validators=[MinValueValidator(60), MaxValueValidator(250)],
    )
    pace_high = models.PositiveSmallIntegerField(
        "fastest good pace (wpm)",
        default=160,
        validators=[MinValueValidator(60), MaxValueValidator(300)],
    )
    fillers_per_min_high = models.DecimalField(
        "fillers a minute before a tip",
        max_digits=4,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(30)],
    )
    long_pause_s = models.DecimalField(
        "a long pause (seconds)",
        max_digits=3,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    # Body language (defaults and sources: coach.body_language.frames.BodyLanguageSettings).
    look_away_s = models.DecimalField(
        "a look away worth naming (seconds)",
        max_digits=3,
        decimal_places=1,
        default=2,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(20)],
    )
    # The other body-language thresholds the user changed, stored as shares 0..1 where a share
    # (coach.body_language.thresholds: each one's range and source); the rest keep the defaults.
    body_language_thresholds = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Practice settings of {self.user}"

    def body_language_settings(self) -> BodyLanguageSettings:
        return replace(
            from_stored(self.body_language_thresholds or {}), look_away_s=float(self.look_away_s)
        )

    def delivery_settings(self) -> DeliverySettings:
        return DeliverySettings(
            pace_low=self.pace_low,
            pace_high=self.pace_high,
            fillers_per_min_high=float(self.fillers_per_min_high),
            long_pause_s=float(self.long_pause_s),
        )


class MockSession(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "In progress"
        FINISHED = "finished", "Finished"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mocks"
    )
    # The job it prepares for: its description's key terms are looked for in the answers.
    opportunity = models.ForeignKey(
        "jobs.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mocks",
    )
    company = models.CharField(max_length=120, blank=True)
    role = models.CharField(max_length=120, blank=True)
    field = models.CharField(max_length=40, default="general")
    seniority = models.CharField(max_length=8, default="any")
    seconds_per_answer = models.PositiveSmallIntegerField(
        default=120, validators=[MinValueValidator(30), MaxValueValidator(900)]
    )
    speak = models.BooleanField(default=True)
    question_ids = models.JSONField(default=list)  # in the order they are asked
    # Their words too: a question deleted later must not take the interview with it.
    question_texts = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-started_at"]

    def __str__(self) -> str:
        return f"Mock interview {self.pk} of {self.user}"

    @property
    def about(self) -> str:
        """What the mock was for, as every page names it: "Data analyst at Acme", the role or
        the company alone, or "" for a mock with neither (no job, no target role): a summary's
        line read "· Finished" then, and one with a company alone "at Globex · In progress"."""
        return " at ".join(part for part in (self.role, self.company) if part)


# An answer's JSON columns that grow with it (a spoken answer's analysis is tens of KB): a page
# listing answers by their question defers them.
BULKY_FIELDS = ("analysis", "evidence", "body_language", "stream", "pieces")


def recording_path(attempt: Attempt, filename: str) -> str:
    return f"recordings/{attempt.user_id}/{attempt.pk}/{filename}"


class Attempt(models.Model):
    """One answer, typed or recorded: saved before anything else happens to it."""

    class Mode(models.TextChoices):
        DRILL = "drill", "Drill"
        MOCK = "mock", "Mock interview"
        PRACTICE = "practice", "Free practice"

    class Status(models.TextChoices):
        RECORDING = "recording", "Recording"
        SAVED = "saved", "Saved"
        QUEUED = "queued", "Waiting for analysis"
        ANALYSING = "analysing", "Analysing"
        ANALYSED = "analysed", "Analysed"
        FAILED = "failed", "Analysis failed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    # The question may be deleted later; its words stay with the answer.
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    question_text = models.CharField(max_length=300)
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.PRACTICE)
    session = models.ForeignKey(
        MockSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    follow_up_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    # It answers a follow-up: kept when the answer it follows up is deleted (the link is then
    # null), so it is still judged on what the follow-up asked for, never as a first answer (a
    # review found "What changed, in numbers?" judged as a whole story after its first answer
    # went). Set on save whenever the link is; a database default too, so rows written by
    # code that predates it (a migration's historical model) still save.
    is_follow_up = models.BooleanField(default=False, db_default=False)
    # The job a free-practice answer was practised for ("Practising for" on the question page):
    # its key terms and advert are read as a mock's job's are. A mock's answer is read against
    # its mock's job instead (`accounts.access.answer_job`). Deleting the job keeps the answer.
    job = models.ForeignKey(
        "jobs.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_answers",
    )
    text = models.TextField("typed answer", blank=True)
    rating = models.PositiveSmallIntegerField(
        "how it went (1–5)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SAVED)
    failure = models.TextField(blank=True)  # why the analysis could not run
    recording_note = models.TextField(blank=True)  # what happened to the recording itself
    recording = models.FileField(upload_to=recording_path, blank=True, max_length=300)
    media_type = models.CharField(max_length=40, blank=True)
    with_video = models.BooleanField(default=False)
    bytes_received = models.PositiveBigIntegerField(default=0)
    chunks_received = models.PositiveIntegerField(default=0)
    interrupted = models.BooleanField(
        default=False, help_text="Finalised without the recorder saying it stopped."
    )
    last_chunk_at = models.DateTimeField(null=True, blank=True)
    analysis = models.JSONField(null=True, blank=True)
    # What improvement areas read of the analysis (`coach.answer_evidence`), written with it,
    # so pages showing areas never read whole analyses; None until written (the reader then
    # falls back to `analysis`).
    evidence = models.JSONField(null=True, blank=True, editable=False)
    # What the camera showed (coach.body_language), kept apart from the answer's analysis and
    # its rating: the report, or a note saying why there is none.
    body_language = models.JSONField(null=True, blank=True)
    # When the picture's reading began (the speech report saved): the page waits for it from
    # then, not from the speech analysis's start. None for an answer never read this way
    # (analysed before the feature, or imported): the page offers to read it, without waiting.
    body_language_started_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    analysis_started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    # When the analysis was last asked for: a queued answer waiting far longer was lost.
    queued_at = models.DateTimeField(null=True, blank=True)
    # Transcribed while recorded (practice.streaming): {"state": coach.speech.streaming's JSON,
    # "pieces": how many pieces it was made from, "digest": their SHA-256}; None when nothing
    # was, once the analysis used it, or when the joined pieces are not the ones it read.
    stream = models.JSONField(null=True, blank=True)
    # A streaming step is waiting for this answer (at most one is queued: it reads every piece).
    stream_queued_at = models.DateTimeField(null=True, blank=True)
    # How many pieces there were (the pieces 0 to it, less one) when the browser last said the
    # speaker had gone quiet: a step reads up to there without waiting for STEP_PIECES more.
    stream_quiet = models.PositiveIntegerField(null=True, blank=True)
    # A streaming step has been in its pass of the model since then: the analysis at Stop
    # waits a little for it rather than read the same seconds again (`streaming.handed_over`).
    stream_started_at = models.DateTimeField(null=True, blank=True)
    # Each piece stored, by index: its SHA-256, recorded once the piece is in the store.
    # db_default too: a process still on the code before this field (a rolling upgrade of a
    # shared server, or a migration's historical models) inserts answers without it.
    pieces = models.JSONField(default=dict, db_default=Value({}, JSONField()), blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        # A user's newest answers (analysed ones for the areas, all for the lists) read in
        # order from the index, not sorted from all of them on every dashboard view.
        indexes: ClassVar = [models.Index(fields=["user", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"Answer to “{self.question_text[:40]}”"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """The evidence follows the analysis on every save; an update of the analysis by
        queryset must set it too (`practice.tasks`)."""
        if self.follow_up_to_id is not None:
            self.is_follow_up = True
        if "analysis" not in self.get_deferred_fields():  # else reading it is a query
            self.evidence = None if self.analysis is None else answer_evidence(self.analysis)
        fields = kwargs.get("update_fields")
        if fields is not None and "analysis" in fields and "evidence" not in fields:
            kwargs["update_fields"] = [*fields, "evidence"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("practice:attempt", args=[self.pk])

    @property
    def is_recorded(self) -> bool:
        return bool(self.recording) or self.status == self.Status.RECORDING

    @property
    def is_busy(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.ANALYSING}


class DrillCard(models.Model):
    """Any item a user drills: a question, one of their STAR stories, or a company fact."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drill_cards"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    state = models.JSONField()  # the FSRS card
    due = models.DateTimeField(db_index=True)
    reviews = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["due"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="practice_one_card_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"Drill card {self.pk} of {self.user}"


class DrillReview(models.Model):
    card = models.ForeignKey(DrillCard, on_delete=models.CASCADE, related_name="review_log")
    rating = models.CharField(max_length=5)
    reviewed_at = models.DateTimeField()
    attempt = models.ForeignKey(Attempt, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering: ClassVar = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.rating} at {self.reviewed_at}"
