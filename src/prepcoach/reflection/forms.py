from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.coach.limits import MAX_REFLECTION_CHARS, MAX_STORY_PART_CHARS, too_long
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
        # spoken-length.js shows each part's length told aloud as it is typed. No `maxlength`:
        # a browser would cut a pasted part short without a word; `clean` refuses one over the
        # limit with its count, and the text comes back in the form.
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
        # A user with no job saw the field as an empty box: it is left out (the page says how
        # to add a job instead), and saving then leaves the story's jobs as they are.
        self.no_jobs = not field.queryset.exists()
        if self.no_jobs:
            del self.fields["opportunities"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for part in ("situation", "task", "action", "result"):
            if message := too_long(data.get(part) or "", MAX_STORY_PART_CHARS, part):
                self.add_error(part, message)
        return data


class RetrospectiveForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Retrospective
        fields = ("role", "organisation", "period", "energised", "stumbled", "best_team")
        # No `maxlength`, as on the story form: a tester's 10,000 pasted words were cut to
        # 10,000 characters mid-word and saved without a word; `clean` refuses them instead.
        widgets = {
            f: forms.Textarea(attrs={"rows": 3}) for f in ("energised", "stumbled", "best_team")
        }
        error_messages = {"role": {"required": "Which role or project are you looking back on?"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("energised", "stumbled", "best_team"):
            if message := too_long(data.get(name) or "", MAX_REFLECTION_CHARS, "answer"):
                self.add_error(name, message)
        return data


class ReflectionForm(forms.ModelForm):  # type: ignore[type-arg]
    prompt = forms.ChoiceField(choices=list(PROMPTS.items()), widget=forms.HiddenInput)

    class Meta:
        model = Reflection
        fields = ("prompt", "answer")
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}  # no `maxlength`: see above
        error_messages = {"answer": {"required": "Write a few sentences first."}}

    def clean_answer(self) -> str:
        answer: str = self.cleaned_data["answer"]
        if message := too_long(answer, MAX_REFLECTION_CHARS, "answer"):
            raise forms.ValidationError(message)
        return answer
