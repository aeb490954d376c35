"""Forms of the partner pages: invite, choose goals, accept, comment, nudge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import (
    MAX_COMMENT_CHARS,
    MAX_NUDGE_CHARS,
    PartnerInvite,
    Partnership,
)


class GoalChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Goals as checkboxes, each labelled with its own words."""

    def label_from_instance(self, obj: Goal) -> str:
        return obj.text


def _goal_field(goals: QuerySet[Goal], label: str, required: bool) -> GoalChoiceField:
    return GoalChoiceField(
        queryset=goals,
        widget=forms.CheckboxSelectMultiple,
        required=required,
        label=label,
        error_messages={"required": "Pick at least one goal to share."},
    )


def goals_to_share(owner: User) -> QuerySet[Goal]:
    return owned_by(Goal.objects.all(), owner).order_by("status", "target_date", "pk")


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Your partner's e-mail",
        help_text="They get a link that works once, for 14 days, with or without an account here.",
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.fields["goals"] = _goal_field(
            goals_to_share(owner), "Goals they will see", required=True
        )

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if email == self.owner.email.lower():
            raise forms.ValidationError(
                "That is your own address: invite the person who will keep you on track."
            )
        pending = PartnerInvite.objects.filter(
            owner=self.owner, email=email, used_at__isnull=True, expires_at__gt=timezone.now()
        ).first()
        if pending:
            raise forms.ValidationError(
                f"You already invited {email}; that link works until "
                f"{timezone.localtime(pending.expires_at):%-d %B}. Withdraw it below to send "
                "a new one."
            )
        if Partnership.objects.filter(owner=self.owner, partner__email__iexact=email).exists():
            raise forms.ValidationError(
                f"{email} is already your partner: change which goals they see below."
            )
        return email


class SharedGoalsForm(forms.Form):
    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = _goal_field(goals_to_share(owner), "Goals they see", False)


class AcceptForm(forms.Form):
    """Accepting, and in the same step sharing some of one's own goals back."""

    def __init__(self, *args: Any, accepter: User, inviter: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = _goal_field(
            goals_to_share(accepter).filter(status=Goal.Status.ACTIVE),
            f"Share some of your own goals with {inviter.display_name} too (optional)",
            required=False,
        )


class CommentForm(forms.Form):
    # No max_length on the field: the browser would cut a long paste without a word. The
    # server says how long it is instead, and the text stays in the box.
    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write something first."},
        validators=[
            MaxLengthValidator(
                MAX_COMMENT_CHARS,
                f"Keep a comment to {MAX_COMMENT_CHARS:,} characters (yours has "
                "%(show_value)s): shorten it or split it in two.",
            )
        ],
    )


class NudgeForm(forms.Form):
    note = forms.CharField(
        label="A word with the nudge (optional)",
        required=False,
        validators=[
            MaxLengthValidator(
                MAX_NUDGE_CHARS,
                f"Keep the word to {MAX_NUDGE_CHARS} characters (yours has %(show_value)s).",
            )
        ],
    )


class WeeklyMailForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Partnership
        fields = ("weekly_mail",)


class NudgeMailForm(forms.ModelForm):  # type: ignore[type-arg]
    """The owner's side: whether a nudge from this partner also comes by mail."""

    class Meta:
        model = Partnership
        fields = ("nudge_mail",)
