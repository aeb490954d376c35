from __future__ import annotations

from typing import Any

from django import forms

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.contact_import import MAX_IMPORT_BYTES
from prepcoach.goals.forms import DATE_ERROR, DateInput
from prepcoach.goals.models import validate_plan_date
from prepcoach.jobs.models import Opportunity
from prepcoach.network.models import Contact, Event


class ContactForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Contact
        fields = (
            "name",
            "email",
            "phone",
            "company",
            "role",
            "where_met",
            "opportunity",
            "tags",
            "last_contact",
            "next_follow_up",
            "notes",
        )
        widgets = {
            "last_contact": DateInput(),
            "next_follow_up": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {"required": "Give their name, so you can find them again."},
            "last_contact": {"invalid": DATE_ERROR},
            "next_follow_up": {"invalid": DATE_ERROR},
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        field = self.fields["opportunity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = owned_by(Opportunity.objects.all(), owner)
        field.empty_label = "none"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, email = data.get("name", ""), data.get("email", "")
        if name:
            twin = (
                owned_by(Contact.objects.all(), self.owner)
                .exclude(pk=self.instance.pk)
                .filter(email__iexact=email)
                if email
                else None
            )
            if twin is not None and (found := twin.first()) is not None:
                raise forms.ValidationError(
                    f"{found.name} already has the e-mail {email}: edit that contact instead."
                )
        return data


class FollowedUpForm(forms.Form):
    next_follow_up = forms.DateField(
        label="Next follow-up (optional)",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": DATE_ERROR},
        # The model's own check: a save with update_fields runs no model validators.
        validators=[validate_plan_date],
    )


class EventForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Event
        fields = ("name", "day", "place", "contacts", "notes")
        widgets = {
            "day": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "contacts": forms.CheckboxSelectMultiple(),
        }
        labels = {"name": "Event", "day": "Date"}
        error_messages = {
            "name": {"required": "Name the event, e.g. “PyData London meetup”."},
            "day": {"invalid": DATE_ERROR},
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contacts"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = owned_by(Contact.objects.all(), owner)
        field.required = False


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV or vCard file",
        help_text="A CSV with a header row (Name or First name/Last name, Email, Company, Role, "
        "Where met, Tags, Notes, Last contact, Next follow-up: LinkedIn's Connections.csv "
        "works as it is), or a .vcf exported from your address book. Up to "
        f"{MAX_IMPORT_BYTES // 1024 // 1024} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.vcf,.vcard,text/csv,text/vcard"}),
        error_messages={
            "required": "Choose a file to import.",
            "empty": "The file is empty: there is nothing to import.",
        },
    )
