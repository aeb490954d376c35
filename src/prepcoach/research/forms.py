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

MAX_DESCRIPTION = MAX_JOB_ADVERT_CHARS  # the same cap as the API and the CLI


class OpportunityForm(forms.ModelForm):  # type: ignore[type-arg]
    interview_dates = forms.CharField(required=False, label="Interview dates")

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
        self.dates_before = set(self.instance.interview_dates)  # what the box held
        self.added: list[Interview] = []  # the interviews the dates typed made, on saving
        hint = f"One or more dates, separated by commas: e.g. {example(self.date_order)}."
        self.fields["interview_dates"].help_text = hint
        if self.instance.pk and self.instance.interview_dates:
            saved = (dt.date.fromisoformat(d) for d in self.instance.interview_dates)
            self.initial["interview_dates"] = write_dates(saved, self.date_order)

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

    def clean_interview_dates(self) -> list[str]:
        read = read_dates(self.cleaned_data.get("interview_dates", ""), self.today, self.date_order)
        if read.problem:
            raise forms.ValidationError(read.problem)
        return [d.isoformat() for d in read.dates]

    def save(self, commit: bool = True) -> Opportunity:
        """Saved, each date newly typed becomes an interview of the job (`schedule.add_dated`),
        which the week, the countdown and the debrief read: a date typed before, whose
        interview the user has since deleted or moved, is not made again."""
        opportunity: Opportunity = super().save(commit=False)
        opportunity.interview_dates = self.cleaned_data["interview_dates"]
        if commit:
            opportunity.save()
            new = [dt.date.fromisoformat(d) for d in opportunity.interview_dates]
            typed = [d for d in new if d.isoformat() not in self.dates_before]
            self.added = schedule.add_dated(opportunity, typed, timezone.get_current_timezone())
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
