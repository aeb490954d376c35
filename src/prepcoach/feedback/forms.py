from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.coach.feedback import OVERALL, REVIEW_RUBRIC
from prepcoach.coach.rubric import SCORES
from prepcoach.feedback.models import (
    LINK_DAYS,
    MAX_COMMENT_CHARS,
    MAX_LINK_DAYS,
    FeedbackRequest,
)


class FeedbackRequestForm(forms.ModelForm):  # type: ignore[type-arg]
    days = forms.IntegerField(
        label="The link works for (days)", min_value=1, max_value=MAX_LINK_DAYS, initial=LINK_DAYS,
        error_messages={"max_value": f"A link can work for at most {MAX_LINK_DAYS} days.",
                        "min_value": "A link works for at least one day."},
    )  # fmt: skip

    class Meta:
        model = FeedbackRequest
        fields = ("reviewer_label", "relation", "note", "show_transcript", "show_measures")
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "maxlength": 1000})}
        help_texts = {
            "reviewer_label": "Only you see this, e.g. “Sam, my mentor”.",
            "note": "What you would like them to listen for.",
        }
        error_messages = {
            "reviewer_label": {"required": "Say who the link is for, so you can tell links apart."}
        }


CRITERION_CHOICES = [("", "can't tell"), *((str(k), v) for k, v in SCORES.items())]


class ReviewForm(forms.Form):
    reviewer_name = forms.CharField(
        label="Your name", max_length=100,
        error_messages={"required": "Add your name, so they know whose feedback this is."},
    )  # fmt: skip
    overall = forms.TypedChoiceField(
        label="Overall, how did the answer go? (1–5)", coerce=int,
        choices=[(str(k), str(k)) for k in OVERALL], widget=forms.RadioSelect,
        error_messages={"required": "Give the answer an overall score from 1 to 5."},
    )  # fmt: skip
    comments = forms.CharField(
        label="Comments", required=False, max_length=MAX_COMMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_COMMENT_CHARS}),
        help_text="Start a line with a time to pin it to that moment: “0:42 — this is where you "
        "lost me”. The button under the player adds the current time for you.",
        error_messages={"max_length": f"Keep the comments under {MAX_COMMENT_CHARS} characters "
                        "(this has %(show_value)d)."},
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in REVIEW_RUBRIC:
            self.fields[f"score_{name}"] = forms.ChoiceField(
                label=f"{name.capitalize()}: {label}", choices=CRITERION_CHOICES,
                required=False, widget=forms.RadioSelect,
            )  # fmt: skip

    def scores(self) -> dict[str, int]:
        return {
            name: int(self.cleaned_data[f"score_{name}"])
            for name, _ in REVIEW_RUBRIC
            if self.cleaned_data.get(f"score_{name}") not in (None, "")
        }
