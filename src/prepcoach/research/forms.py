from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from prepcoach.coach.deadlines import DateOrder
from prepcoach.coach.limits import MAX_JOB_ADVERT_CHARS
from prepcoach.coach.text import plain_text
from prepcoach.coach.written_dates import example, read_dates, write_dates
from prepcoach.jobs import schedule
from prepcoach.jobs.models import Fact, Interview, Opportunity
from prepcoach.jobs.terms import MAX_ADDED_TERMS, MAX_TERM_CHARS, tidy

MAX_DESCRIPTION = MAX_JOB_ADVERT_CHARS  # the same cap as the API and the CLI


class OpportunityForm(forms.ModelForm):  # type: ignore[type-arg]
    """The job, and a box of its interview dates. The box shows the days of the job's
    interviews (`Opportunity.interview_days`, the one record of them) in the person's order;
    saved, a day taken out of it and a day typed into it, paired in order, move the first's
    interview to the second (`schedule.move_dated`, `moved`: one still ahead with no debrief),
    and each other day newly typed becomes an interview of the job (`schedule.add_dated`).
    A day taken out that moves nowhere cancels nothing: its interview is deleted on its own
    page (said on saving, `kept`)."""

    interview_dates = forms.CharField(required=False, label="Interview dates")
    # The days the box showed (ISO), so only a day typed into it is new: one whose interview
    # was moved or deleted in another tab while this form was open is not made again.
    dates_shown = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Opportunity
        fields = ("company", "role", "link", "stage", "job_description", "values")
        widgets = {
            "job_description": forms.Textarea(attrs={"rows": 10}),
            "values": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "company": {"required": "Which company is it?"},
            "role": {"required": "Which role is it?"},
            "link": {
                "invalid": "That is not a web address: paste the advert's link, starting with https://."
            },
        }

    def __init__(
        self,
        *args: Any,
        date_order: str = "",
        today: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        """`date_order` is the person's ("DMY", "MDY" or "" when not set: the profile's), how
        the dates box reads "10/12" and writes the dates back."""
        super().__init__(*args, **kwargs)
        self.date_order: DateOrder | None = (
            "DMY" if date_order == "DMY" else "MDY" if date_order == "MDY" else None
        )
        self.today = today or timezone.localdate()
        self.added: list[Interview] = []  # the interviews the dates typed made, on saving
        self.moved: list[tuple[dt.date, dt.date]] = []  # (from, to): interviews moved, on saving
        self.kept: list[dt.date] = []  # days taken out of the box whose interviews stay
        hint = (
            f"One or more dates, separated by commas: e.g. {example(self.date_order)}. Change "
            "a date to move its interview (one still ahead, not debriefed); each new date "
            "becomes an interview. Delete one on its own page."
        )
        self.fields["interview_dates"].help_text = hint
        shown = self.instance.interview_days() if self.instance.pk else []
        if shown:
            self.initial["interview_dates"] = write_dates(shown, self.date_order)
        self.initial["dates_shown"] = ",".join(d.isoformat() for d in shown)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        company, role = data.get("company", ""), data.get("role", "")
        same = Opportunity.objects.filter(
            user=self.instance.user, company__iexact=company.strip(), role__iexact=role.strip()
        ).exclude(pk=self.instance.pk)
        if company and role and same.exists():
            raise forms.ValidationError(
                f"You already have {role} at {company}: open it from Grow instead."
            )
        return data

    def clean_values(self) -> str:
        return plain_text(self.cleaned_data.get("values", ""))

    def clean_job_description(self) -> str:
        text = plain_text(self.cleaned_data.get("job_description", ""))
        if len(text) > MAX_DESCRIPTION:
            raise forms.ValidationError(
                f"The description is over {MAX_DESCRIPTION:,} characters: "
                "paste the advert's text only."
            )
        return text

    def clean_interview_dates(self) -> list[dt.date]:
        read = read_dates(self.cleaned_data.get("interview_dates", ""), self.today, self.date_order)
        if read.problem:
            raise forms.ValidationError(read.problem)
        return list(read.dates)

    def clean_dates_shown(self) -> set[dt.date]:
        """Written by the page, never typed: anything else in it is passed over."""
        shown = set()
        for piece in self.cleaned_data.get("dates_shown", "").split(","):
            try:
                shown.add(dt.date.fromisoformat(piece.strip()))
            except ValueError:
                continue
        return shown

    def save(self, commit: bool = True) -> Opportunity:
        """Saved, the days the box showed and no longer holds are paired in order with the
        days typed that it did not show, and each pair's interview moves (`schedule.move_dated`,
        `moved`); each day typed left over becomes an interview of the job
        (`schedule.add_dated`: none on a day the job has one), which every page reads; a day
        taken out left over (or whose interview has started or has its debrief) is kept with
        its interview (`kept`). Only the days the box showed count as taken out, so a form
        opened before an interview was moved or deleted in another tab moves nothing back."""
        opportunity: Opportunity = super().save(commit=commit)
        if commit:
            typed: list[dt.date] = self.cleaned_data["interview_dates"]
            shown: set[dt.date] = self.cleaned_data["dates_shown"]
            zone = timezone.get_current_timezone()
            new = [d for d in typed if d not in shown]
            out = shown - set(typed)
            self.moved = schedule.move_dated(opportunity, out, new, zone, timezone.now())
            moved_to = {to for _, to in self.moved}
            self.added = schedule.add_dated(
                opportunity, [d for d in new if d not in moved_to], zone
            )
            self.kept = [d for d in opportunity.interview_days() if d in out]
        return opportunity


class ResearchForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Opportunity
        fields = (
            "mission",
            "strategy",
            "products",
            "culture",
            "news",
            "competitors",
            "people",
            "notes",
            "my_questions",
            "logistics",
            "fact_target",
        )
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in (
                "mission",
                "strategy",
                "products",
                "culture",
                "news",
                "competitors",
                "people",
                "notes",
            )
        }
        help_texts = {"notes": "Markdown works: **bold**, lists, [links](https://…)."}


class FactForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Fact
        fields = ("text", "source")
        error_messages = {
            "text": {"required": "Write the fact."},
            "source": {"required": "Every fact needs its source: a link, or where you heard it."},
        }

    prefix = "fact"


class KeyTermForm(forms.Form):
    """A key term the extractor missed, added by the job's owner. No `maxlength` on the box: a
    longer term pasted is kept in it and explained, not cut short by the browser."""

    term = forms.CharField(
        label="Add a term the advert asks for",
        error_messages={
            "required": "Type the term to add: a skill, tool or subject the advert asks for, "
            "e.g. “stakeholder management”."
        },
    )

    def __init__(self, *args: Any, opportunity: Opportunity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity

    def clean_term(self) -> str:
        term = tidy(self.cleaned_data.get("term", ""))
        if len(term) > MAX_TERM_CHARS:
            raise forms.ValidationError(
                f"A term is at most {MAX_TERM_CHARS} characters (this one is {len(term)}): "
                "a skill or a tool, not a sentence."
            )
        corrected = self.opportunity.corrected_terms
        shown = corrected.find(term)
        if shown is not None:
            same = "" if shown == term else f" (as “{shown}”)"
            raise forms.ValidationError(f"“{term}” is already a key term{same}.")
        added = sum(t.added for t in corrected.terms)
        if added >= MAX_ADDED_TERMS and corrected.find_removed(term) is None:
            raise forms.ValidationError(
                f"You have added {added} terms, the most a job takes: remove one first."
            )
        return term
