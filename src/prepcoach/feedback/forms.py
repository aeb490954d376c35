from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.coach.feedback import OVERALL, Thing, rubric_for
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

    def __init__(self, *args: Any, spoken: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not spoken:  # a written story has no transcript or measures to show
            del self.fields["show_transcript"]
            del self.fields["show_measures"]
            self.instance.show_transcript = self.instance.show_measures = False


CRITERION_CHOICES = [("", "can't tell"), *((str(k), v) for k, v in SCORES.items())]


OVERALL_LABEL = {
    "answer": "Overall, how did the answer go? (1–5)",
    "mock interview": "Overall, how did the mock interview go? (1–5)",
    "story": "Overall, how well does the story work? (1–5)",
}
PIN_HELP = (
    "Start a line with a time to pin it to that moment: “0:42 — this is where you lost me”. "
    "The button under the player adds the current time for you."
)
COMMENTS_HELP = {
    "answer": PIN_HELP,
    "mock interview": "About the interview as a whole. Comments on one answer go under it.",
    "story": "What works, what is missing, what you would ask next.",
}


def _comments_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=MAX_COMMENT_CHARS, help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_COMMENT_CHARS}),
        error_messages={"max_length": f"Keep the comments under {MAX_COMMENT_CHARS} characters "
                        "(this has %(show_value)d)."},
    )  # fmt: skip


class ReviewForm(forms.Form):
    """A review on the rubric of `thing` (`coach.feedback.rubric_for`); for a mock interview,
    a comment box for each of its `answers` as well (`comments_1`, `comments_2`, …)."""

    reviewer_name = forms.CharField(
        label="Your name", max_length=100,
        error_messages={"required": "Add your name, so they know whose feedback this is."},
    )  # fmt: skip
    overall = forms.TypedChoiceField(
        label=OVERALL_LABEL["answer"], coerce=int,
        choices=[(str(k), str(k)) for k in OVERALL], widget=forms.RadioSelect,
    )  # fmt: skip
    comments = _comments_field("Comments", PIN_HELP)

    def __init__(
        self, *args: Any, thing: Thing = "answer", answers: int = 0, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.thing = thing
        self.rubric = rubric_for(thing)
        self.fields["overall"].label = OVERALL_LABEL[thing]
        self.fields["overall"].error_messages["required"] = (
            f"Give the {thing} an overall score from 1 to 5."
        )
        self.fields["comments"].help_text = COMMENTS_HELP[thing]
        if thing != "answer":
            self.fields["comments"].label = "General comments"
        for name, label in self.rubric:
            self.fields[f"score_{name}"] = forms.ChoiceField(
                label=f"{name.capitalize()}: {label}", choices=CRITERION_CHOICES,
                required=False, widget=forms.RadioSelect,
            )  # fmt: skip
        self.answers = answers
        for n in range(1, answers + 1):
            self.fields[f"comments_{n}"] = _comments_field(f"Comments on answer {n}", PIN_HELP)

    def scores(self) -> dict[str, int]:
        return {
            name: int(self.cleaned_data[f"score_{name}"])
            for name, _ in self.rubric
            if self.cleaned_data.get(f"score_{name}") not in (None, "")
        }

    def criteria(self) -> list[forms.BoundField]:
        return [self[f"score_{name}"] for name, _ in self.rubric]

    def answer_comments(self) -> list[forms.BoundField]:
        return [self[f"comments_{n}"] for n in range(1, self.answers + 1)]

    def answer_texts(self) -> list[str]:
        """What was written under each answer, in order (after `is_valid`)."""
        return [self.cleaned_data.get(f"comments_{n}", "") for n in range(1, self.answers + 1)]
