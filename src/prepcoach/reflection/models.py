"""Grow: STAR stories, retrospectives on past roles, and dated answers to reflection prompts."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from prepcoach.coach.stories import SavedStory, StoryCheck, StoryInfo, check_story

PROMPTS = {
    "five-years": "Where do you see yourself in five years?",
    "motivation": "What motivates you?",
    "values": "What do you value most in your work?",
    "next-role": "What do you want from your next role?",
    "challenge": "What is a challenge you faced, and what did it teach you?",
}


class Story(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(max_length=150)
    situation = models.TextField(blank=True)
    task = models.TextField(blank=True)
    action = models.TextField(blank=True)
    result = models.TextField(blank=True)
    metrics = models.CharField(
        max_length=200, blank=True, help_text="The numbers that show the result."
    )
    competencies = models.JSONField(default=list, blank=True)
    tags = models.CharField(max_length=200, blank=True, help_text="Comma-separated.")
    # The retrospective draft it was saved from (`reflection.views.draft_key`), so saving that
    # draft again opens this story, even after it was finished in the STAR form.
    drafted_from = models.CharField(max_length=64, blank=True, default="")
    # Deleting it deletes its drill cards.
    drill_cards = GenericRelation("practice.DrillCard")
    # The interviews it is chosen for.
    opportunities = models.ManyToManyField("jobs.Opportunity", blank=True, related_name="stories")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["-updated_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reflection:story", args=[self.pk])

    @property
    def lines(self) -> str:
        """Its title, parts, metrics and tags, one a line (`coach.stories.StoryInfo.lines`):
        where a text is read sentence by sentence (a value or job term it covers, quoted), a
        title or a part without a full stop is never run into the next (a trial quoted "…40
        examples documented data quality, SQL"), and the title and the tags, the owner's labels,
        are told from what the story tells, to be read by their words alone."""
        told = (self.situation, self.task, self.action, self.result, self.metrics)
        return StoryInfo.lines(self.title, told, self.tags)

    @property
    def text(self) -> str:
        return " ".join(
            [
                self.title,
                self.situation,
                self.task,
                self.action,
                self.result,
                self.metrics,
                self.tags,
            ]
        )

    @property
    def parts(self) -> dict[str, str]:
        return {
            "situation": self.situation,
            "task": self.task,
            "action": self.action,
            "result": self.result,
        }

    @property
    def saved(self) -> SavedStory[int]:
        """The story as the coach reads a bank (`coach.stories.read_bank`); the competencies
        as ticked, leaving out anything stored that is no name."""
        ticked = self.competencies if isinstance(self.competencies, list) else []
        return SavedStory(
            self.pk, self.title, self.parts, self.lines,
            tuple(c for c in ticked if isinstance(c, str)),
        )  # fmt: skip

    @property
    def star_check(self) -> StoryCheck:
        return check_story(self.parts, self.metrics)


class Retrospective(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="retrospectives"
    )
    role = models.CharField("role or project", max_length=150)
    organisation = models.CharField(max_length=150, blank=True)
    period = models.CharField(max_length=60, blank=True, help_text="e.g. “2021–2023”.")
    energised = models.TextField("Which projects energised you, and why?", blank=True)
    stumbled = models.TextField("Where did you stumble, and how did you grow?", blank=True)
    best_team = models.TextField("Which team environments brought out your best?", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.role} {self.organisation}".strip()

    def get_absolute_url(self) -> str:
        return reverse("reflection:retro", args=[self.pk])


class Reflection(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    prompt = models.CharField(max_length=20, choices=list(PROMPTS.items()))
    answer = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_prompt_display()} ({self.created_at:%Y-%m-%d})"


class EntryVector(models.Model):
    """An entry's sentence vector for the patterns page, kept so a view does not embed the
    same words again: found by the model that made it and a hash of the text it was made
    from, so an edited entry or another model is embedded anew."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entry_vectors"
    )
    model = models.CharField(max_length=80)
    text_hash = models.CharField(max_length=64)  # SHA-256 of the text, hex
    vector = models.BinaryField()  # float32 (array('f')), in the machine's byte order

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["user", "model", "text_hash"], name="entry_vector_once")
        ]

    def __str__(self) -> str:
        return f"{self.model} vector {self.text_hash[:8]}"


class ThemeSet(models.Model):
    """The patterns page's themes as the worker found them when an entry was saved, kept with
    a digest of everything they were found from (each entry's key, group and words, the
    sentence model, the theme finder's code), so the page reads them instead of finding them
    again, and a digest that no longer matches (an entry changed since, a new model or a new
    finder) is never shown: the page then finds the themes itself, writing nothing."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_set"
    )
    digest = models.CharField(max_length=64)  # SHA-256, hex
    themes = models.JSONField(default=list)  # coach.patterns.Theme fields, in the page's order

    def __str__(self) -> str:
        return f"themes {self.digest[:8]}"
