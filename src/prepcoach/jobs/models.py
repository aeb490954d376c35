"""The job a user prepares for: the root of Plan, Grow and Improve, so upstream of all three.

Every step reads the job from here (Plan: the SMART check's relevance, the facts goal's count
and the week's interviews; Grow: research and the brief; Improve: mocks and drills; the
debriefs: the interview they are of) and none of them imports another to do so. The tables
kept the names they had when these models lived in `research` and `interviews`
(`jobs/migrations/0001_initial.py` moved them without moving a row). Seen by their owner only.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone

from prepcoach.coach.keywords import key_terms
from prepcoach.coach.optional_terms import OptionalTerm, optional_terms
from prepcoach.jobs import terms as corrections

MAX_TEXT = 5000  # each free-text box of an interview or a debrief


class Opportunity(models.Model):
    class Stage(models.TextChoices):
        INTERESTED = "interested", "Interested"
        APPLIED = "applied", "Applied"
        INTERVIEWING = "interviewing", "Interviewing"
        OFFER = "offer", "Offer"
        CLOSED = "closed", "Closed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunities"
    )
    company = models.CharField(max_length=120)
    role = models.CharField(max_length=120)
    link = models.URLField(blank=True, max_length=500)
    job_description = models.TextField(
        blank=True, help_text="Paste the advert; HTML copied by mistake is reduced to its text."
    )
    values = models.TextField(
        "company values", blank=True, help_text="One per line, as the company states them."
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.INTERESTED)
    # No box of interview dates: when its interviews are is its `Interview` rows alone
    # (`interview_days`; the form's dates box makes them, jobs 0003 dropped the old copy).
    # Company research, in Markdown.
    mission = models.TextField(blank=True)
    strategy = models.TextField(blank=True)
    products = models.TextField(blank=True)
    culture = models.TextField("culture and values", blank=True)
    news = models.TextField("recent news", blank=True)
    competitors = models.TextField(blank=True)
    people = models.TextField("people met", blank=True)
    notes = models.TextField(blank=True)
    my_questions = models.TextField(
        "my questions for the interviewer", blank=True, help_text="One per line."
    )
    logistics = models.TextField(blank=True, help_text="Where, when, who, format, what to bring.")
    fact_target = models.PositiveSmallIntegerField("key facts to collect", default=5)
    # The owner's corrections of the key terms the advert gives (`jobs/terms.py`), not a copy
    # of them: an advert edited later gives its own terms, corrected the same way.
    terms_removed = models.JSONField(default=list, blank=True)  # as the page showed them
    terms_added = models.JSONField(default=list, blank=True)  # as the owner typed them
    # A knowledge goal whose progress is the number of facts collected.
    facts_goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "research_opportunity"
        ordering: ClassVar = ["stage", "-updated_at"]

    def __str__(self) -> str:
        return f"{self.role} at {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("research:opportunity", args=[self.pk])

    def interview_days(
        self, *, held_by: dt.datetime | None = None, ahead_of: dt.datetime | None = None
    ) -> list[dt.date]:
        """The days of the job's interviews, earliest first, each once, on the current clock
        (the user's, in a request), read from its `Interview` rows: the one record of when
        they are, so an interview moved or deleted on its page is moved or gone wherever a
        job's interview dates are shown or used (the jobs list, the brief, the facts goal's
        deadline, the interviewer's thanks, the job's form). `held_by`: only those that had
        started by then; `ahead_of`: only those starting after it. Reads the interviews a
        list prefetched (`prefetch_related("interviews")`), so a list asks once."""
        return sorted(
            {
                timezone.localtime(i.starts_at).date()
                for i in self.interviews.all()
                if i.user_id == self.user_id
                and (held_by is None or i.starts_at <= held_by)
                and (ahead_of is None or i.starts_at > ahead_of)
            }
        )

    @property
    def value_list(self) -> list[str]:
        return [line.strip() for line in self.values.splitlines() if line.strip()]

    @property
    def extracted_terms(self) -> list[str]:
        """The skills, tools and domains the advert asks for, as the extractor reads them;
        never the company's own name or the job's title."""
        return key_terms(self.job_description, company=self.company, title=self.role)

    @property
    def corrected_terms(self) -> corrections.Corrected:
        """The extractor's terms with the owner's corrections: each term marked when the
        owner added it, and the removed ones the advert still gives."""
        return corrections.corrected(
            self.extracted_terms, _texts(self.terms_removed), _texts(self.terms_added)
        )

    @property
    def key_terms(self) -> list[str]:
        """The job's key terms as its owner corrected them: the advert's (`extracted_terms`)
        but those removed, then those added, each once whatever its case. What every step
        measures answers and plans against."""
        return self.corrected_terms.texts

    @property
    def optional_terms(self) -> tuple[OptionalTerm, ...]:
        """Of the key terms, those the advert asks for only as a plus ("React experience is a
        plus"), with its words that say so: what prepcoach prepares the user for leads with
        what the job requires (`coach.readiness.likely_questions`). A term the owner added is
        required unless the advert itself says otherwise."""
        return optional_terms(self.job_description, self.key_terms)

    def remove_term(self, term: str) -> str | None:
        """Take `term` out of the key terms; the term as it was shown, or None when it was
        not one. Not saved."""
        shown = self.corrected_terms.find(term)
        if shown is not None:
            self.terms_removed = corrections.with_term(_texts(self.terms_removed), shown)
        return shown

    def restore_term(self, term: str) -> str | None:
        """Bring a removed term back; the term as it is shown again, or None when it was not
        removed. Not saved."""
        self.terms_removed = corrections.without(_texts(self.terms_removed), term)
        return self.corrected_terms.find(term)

    def add_term(self, term: str) -> str:
        """Add a term (checked by the form: not empty, not too long, not a key term already);
        a term removed before is brought back instead. The term as shown. Not saved."""
        if self.corrected_terms.find_removed(term) is None:
            self.terms_added = corrections.with_term(_texts(self.terms_added), term)
        return self.restore_term(term) or corrections.tidy(term)


def _texts(value: object) -> list[str]:
    """A JSON list of terms as stored; anything else in it (a hand-edited row) is left out."""
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


class Fact(models.Model):
    """One key fact about the company, with where it came from."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="facts")
    # Deleting it deletes its drill cards.
    drill_cards = GenericRelation("practice.DrillCard")
    text = models.CharField("fact", max_length=500)
    source = models.CharField(max_length=500, help_text="A link, or where you read or heard it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "research_fact"
        ordering: ClassVar = ["created_at"]

    def __str__(self) -> str:
        return self.text

    @property
    def source_is_link(self) -> bool:
        return self.source.startswith(("http://", "https://"))


class Interview(models.Model):
    """A real interview of a job. Seen by its owner only: no grant (partner, group, link)
    opens it. Deleting the job deletes its interviews (and their debriefs)."""

    class Format(models.TextChoices):
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        ON_SITE = "on-site", "On site"
        TAKE_HOME = "take-home", "Take-home task"
        ASSESSMENT = "assessment", "Assessment centre"
        OTHER = "other", "Other"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews"
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="interviews"
    )
    starts_at = models.DateTimeField()
    round_name = models.CharField(
        "round", max_length=80, help_text="e.g. “phone screen”, “first round”, “final round”."
    )
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.VIDEO)
    interviewers = models.TextField(
        blank=True,
        max_length=MAX_TEXT,
        help_text="One a line, with their role: “Ana Lee, Head of Data”.",
    )
    # Set when the debrief reminder went out: it goes once per interview.
    debrief_mailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "interviews_interview"
        ordering: ClassVar = ["starts_at", "pk"]
        indexes: ClassVar = [
            models.Index(fields=["user", "starts_at"], name="interviews__user_id_997448_idx")
        ]

    def __str__(self) -> str:
        return f"{self.round_name} at {self.opportunity.company}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:detail", args=[self.pk])
