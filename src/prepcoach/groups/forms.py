from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from prepcoach.groups.models import (
    MAX_MOCK_QUESTIONS,
    MAX_NAME_CHARS,
    Membership,
    SharedQuestion,
    member_names,
    name_of,
)
from prepcoach.practice.models import Question


def _question_label(obj: Question) -> str:
    return f"{obj.text} ({obj.source})" if obj.source else obj.text


def _member_label(obj: Membership) -> str:
    return name_of(obj.user)


def _shared_label(obj: SharedQuestion) -> str:
    return f"{obj.question.text} (shared by {name_of(obj.membership.user)})"


class GroupForm(forms.Form):
    name = forms.CharField(
        label="Group name", max_length=MAX_NAME_CHARS,
        help_text="Members see it, e.g. “Thursday data analysts”.",
        error_messages={
            "required": "Give the group a name its members will recognise.",
            "max_length": f"Keep the name under {MAX_NAME_CHARS} characters "
            "(this has %(show_value)d).",
        },
    )  # fmt: skip

    def clean_name(self) -> str:
        name = " ".join(str(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError("Give the group a name its members will recognise.")
        return name


class ShareForm(forms.Form):
    questions = forms.ModelMultipleChoiceField(
        label="Your questions to share", queryset=Question.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ticked questions show on the group board with your name; untick one to take "
        "it back.",
    )  # fmt: skip

    def __init__(self, *args: Any, own: QuerySet[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["questions"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = own
        field.label_from_instance = _question_label  # type: ignore[method-assign]


class PeerMockForm(forms.Form):
    partner = forms.ModelChoiceField(
        label="Practise with", queryset=Membership.objects.none(),
        error_messages={"required": "Choose the member to practise with.",
                        "invalid_choice": "That person is no longer in the group."},
    )  # fmt: skip
    i_interview = forms.TypedChoiceField(
        label="Who interviews first", coerce=lambda v: v == "me", initial="them",
        choices=[("them", "They interview, I answer"), ("me", "I interview, they answer")],
        widget=forms.RadioSelect,
    )  # fmt: skip
    questions = forms.ModelMultipleChoiceField(
        label="Questions", queryset=SharedQuestion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pick at least one shared question.",
                        "invalid_choice": "One of those questions is no longer shared."},
    )  # fmt: skip
    scheduled_for = forms.DateTimeField(
        label="When (optional)", required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"invalid": "Give the date and time as YYYY-MM-DD HH:MM."},
    )  # fmt: skip

    def __init__(
        self, *args: Any, others: QuerySet[Membership], shared: QuerySet[SharedQuestion],
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        assert isinstance(partner, forms.ModelChoiceField)
        partner.queryset = others
        first = others.first()
        names = member_names(first.group) if first is not None else {}

        def label(obj: Membership) -> str:
            return names.get(obj.user_id) or _member_label(obj)

        partner.label_from_instance = label  # type: ignore[method-assign]
        questions = self.fields["questions"]
        assert isinstance(questions, forms.ModelMultipleChoiceField)
        questions.queryset = shared
        questions.label_from_instance = _shared_label  # type: ignore[method-assign]

    def clean_questions(self) -> Any:
        chosen = self.cleaned_data["questions"]
        if len(chosen) > MAX_MOCK_QUESTIONS:
            raise forms.ValidationError(
                f"Pick at most {MAX_MOCK_QUESTIONS} questions for one peer mock."
            )
        return chosen
