from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from prepcoach.coach.limits import MAX_JOB_ADVERT_CHARS
from prepcoach.coach.text import plain_text
from prepcoach.jobs.models import Fact, Opportunity

MAX_DESCRIPTION = MAX_JOB_ADVERT_CHARS  # the same cap as the API and the CLI


class OpportunityForm(forms.ModelForm):  # type: ignore[type-arg]
    interview_dates = forms.CharField(
        required=False,
        label="Interview dates",
        help_text="One or more dates, YYYY-MM-DD, separated by commas.",
    )

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.interview_dates:
            self.initial["interview_dates"] = ", ".join(self.instance.interview_dates)

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
        raw = self.cleaned_data.get("interview_dates", "")
        dates = []
        for piece in filter(None, (p.strip() for p in raw.replace(";", ",").split(","))):
            try:
                dates.append(dt.date.fromisoformat(piece))
            except ValueError:
                raise forms.ValidationError(
                    f"“{piece}” is not a date: write it as YYYY-MM-DD."
                ) from None
        return [d.isoformat() for d in sorted(set(dates))]

    def save(self, commit: bool = True) -> Opportunity:
        opportunity: Opportunity = super().save(commit=False)
        opportunity.interview_dates = self.cleaned_data["interview_dates"]
        if commit:
            opportunity.save()
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
