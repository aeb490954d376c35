from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.coach.limits import MAX_ANSWER_CHARS, too_long
from prepcoach.coach.rubric import RUBRIC
from prepcoach.form_words import PlainNumberInput
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.bank import FIELDS
from prepcoach.practice.models import Attempt, MockSession, PracticeSettings, Question

MIXES = {
    "balanced": {"motivation": 1, "behavioral": 2, "situational": 1, "role-specific": 2},
    "behavioral": {"motivation": 1, "behavioral": 4, "situational": 1},
    "role": {"motivation": 1, "behavioral": 1, "role-specific": 4},
}


class QuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    field = forms.ChoiceField(choices=FIELDS, initial="general")

    class Meta:
        model = Question
        fields = ("text", "category", "competency", "field", "seniority", "difficulty", "source")
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": "Write the question."}}


class QuestionFilter(forms.Form):
    q = forms.CharField(label="Search", required=False)
    category = forms.ChoiceField(
        choices=[("", "Any category"), *Question.Category.choices], required=False
    )
    field = forms.ChoiceField(choices=[("", "Any field"), *FIELDS], required=False)
    seniority = forms.ChoiceField(
        choices=[("", "Any level"), *Question.Seniority.choices], required=False
    )
    difficulty = forms.ChoiceField(
        choices=[("", "Any difficulty"), ("1", "Easy"), ("2", "Medium"), ("3", "Hard")],
        required=False,
    )
    mine = forms.BooleanField(label="Only my questions", required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: text, category, competency, field, seniority, difficulty (and source).",
    )


class TypedAnswerForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Attempt
        fields = ("text", "rating")
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "maxlength": MAX_ANSWER_CHARS}),
            "rating": forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)]),
        }
        labels = {"text": "Your answer"}
        error_messages = {"text": {"required": "Type your answer first, or record it."}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True  # blank on the model: recorded answers have none

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if not any(ch.isalnum() for ch in text):
            raise forms.ValidationError("Type your answer in words, or record it.")
        if message := too_long(text, MAX_ANSWER_CHARS, "answer"):
            raise forms.ValidationError(message)
        return text


class RatingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Attempt
        fields = ("rating",)
        widgets = {"rating": forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)])}


class MockForm(forms.ModelForm):  # type: ignore[type-arg]
    field = forms.ChoiceField(choices=FIELDS, initial="general")
    seniority = forms.ChoiceField(choices=Question.Seniority.choices, initial="any")
    count = forms.IntegerField(label="Questions", min_value=1, max_value=12, initial=4)
    mix = forms.ChoiceField(
        choices=[
            ("balanced", "Balanced"),
            ("behavioral", "Mostly behavioral"),
            ("role", "Mostly about the role"),
        ],
        initial="balanced",
    )

    class Meta:
        model = MockSession
        fields = (
            "opportunity",
            "company",
            "role",
            "field",
            "seniority",
            "seconds_per_answer",
            "speak",
        )
        labels = {
            "seconds_per_answer": "Seconds per answer",
            "speak": "Read the questions aloud",
            "opportunity": "For the job",
        }
        help_texts = {"seconds_per_answer": "Most answers fit in 90 to 150 seconds."}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the user's own jobs can be chosen.
        field = self.fields["opportunity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Opportunity.objects.filter(user=user)
        field.empty_label = "No particular job"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if job := data.get("opportunity"):
            data["company"] = data.get("company") or job.company
            data["role"] = data.get("role") or job.role
        return data


LEVEL_CHOICES = [(2, "Yes"), (1, "Partly"), (0, "No")]


class RubricForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in RUBRIC:
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=LEVEL_CHOICES, coerce=int, widget=forms.RadioSelect
            )


class PracticeSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PracticeSettings
        fields = ("daily_target", "speak_questions")


class FeedbackSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PracticeSettings
        fields = ("pace_low", "pace_high", "fillers_per_min_high", "long_pause_s", "look_away_s")
        widgets = {
            "fillers_per_min_high": PlainNumberInput(),
            "long_pause_s": PlainNumberInput(),
            "look_away_s": PlainNumberInput(),
        }
        help_texts = {
            "look_away_s": "Default 2: in a video answer, looking away longer than this is "
            "named with its time (a glance to think is normal).",
            "pace_low": "Default 130: clear conversational English runs at 130–160 words a minute.",
            "fillers_per_min_high": "Default 3: fewer go unnoticed by most listeners.",
            "long_pause_s": "Default 3: a silence this long reads as being stuck.",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("pace_low") and data.get("pace_high") and data["pace_low"] >= data["pace_high"]:
            raise forms.ValidationError("The slowest good pace must be below the fastest.")
        return data
