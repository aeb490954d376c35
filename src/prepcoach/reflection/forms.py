from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.coach.stories import COMPETENCIES
from prepcoach.reflection.models import PROMPTS, Reflection, Retrospective, Story


class StoryForm(forms.ModelForm):  # type: ignore[type-arg]
    competencies = forms.MultipleChoiceField(
        choices=[(c, c.capitalize()) for c in COMPETENCIES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Story
        fields = (
            "title",
            "situation",
            "task",
            "action",
            "result",
            "metrics",
            "competencies",
            "tags",
            "opportunities",
        )
        # spoken-length.js shows each part's length told aloud as it is typed.
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 3, "data-spoken-length": ""}),
            "task": forms.Textarea(attrs={"rows": 2, "data-spoken-length": ""}),
            "action": forms.Textarea(attrs={"rows": 4, "data-spoken-length": ""}),
            "result": forms.Textarea(attrs={"rows": 3, "data-spoken-length": ""}),
            "opportunities": forms.CheckboxSelectMultiple,
        }
        labels = {"opportunities": "Bring it to these interviews"}
        error_messages = {
            "title": {"required": "Give the story a short title, e.g. “The late reports”."}
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["opportunities"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = user.opportunities.all()


class RetrospectiveForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Retrospective
        fields = ("role", "organisation", "period", "energised", "stumbled", "best_team")
        widgets = {
            f: forms.Textarea(attrs={"rows": 3}) for f in ("energised", "stumbled", "best_team")
        }
        error_messages = {"role": {"required": "Which role or project are you looking back on?"}}


class ReflectionForm(forms.ModelForm):  # type: ignore[type-arg]
    prompt = forms.ChoiceField(choices=list(PROMPTS.items()), widget=forms.HiddenInput)

    class Meta:
        model = Reflection
        fields = ("prompt", "answer")
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"answer": {"required": "Write a few sentences first."}}
