from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader

from prepcoach.accounts.models import TIME_ZONES, DateOrder, Profile, User
from prepcoach.accounts.tasks import send_email
from prepcoach.coach.availability import MAX_HOURS_PER_DAY, SUGGESTED_HOURS, WEEKDAYS

DATE_ORDER_HELP = (
    "How you write dates in numbers, so that “by 04/12” in a goal means the day you meant."
)


def date_order_widget(hidden: bool = False) -> forms.Widget:
    # static/prepcoach/js/date-order.js fills an empty one from the browser's language.
    attrs = {"data-date-order": ""}
    return forms.HiddenInput(attrs=attrs) if hidden else forms.Select(attrs=attrs)


class SignUpForm(auth_forms.BaseUserCreationForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ("email",)

    date_order = forms.ChoiceField(
        choices=[("", "Not set"), *DateOrder.choices],
        required=False,
        widget=date_order_widget(hidden=True),
    )
    # time-zone.js puts the browser's zone here, so plans and reminders follow the person's
    # clock from the first page; one prepcoach does not know is left out (UTC).
    time_zone = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-time-zone-guess": ""})
    )

    error_messages = {
        **auth_forms.BaseUserCreationForm.error_messages,
        "email_taken": "An account with this email already exists: log in, or reset your "
        "password if you have forgotten it.",
    }

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data.get("time_zone") or ""
        return zone if zone in TIME_ZONES else ""

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(self.error_messages["email_taken"], code="email_taken")
        return email


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account. Check both, or "
        "reset your password.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email"
        self.fields["username"].widget.attrs.update(type="email", autocomplete="email")


class QueuedPasswordResetForm(auth_forms.PasswordResetForm):
    """Hands the reset mail to the worker instead of talking to SMTP inside the request."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(subject=subject, body=body, to=[to_email])


class ProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Profile
        fields = ("name", "target_role", "industry", "time_zone", "date_order")
        labels = {"target_role": "Target role", "time_zone": "Time zone", "date_order": "Dates"}
        help_texts = {
            "target_role": "The job you are preparing for, e.g. “Senior data analyst”.",
            "industry": "e.g. “Healthcare”, “Fintech”, “Public sector”.",
            "date_order": DATE_ORDER_HELP,
        }
        widgets = {"date_order": date_order_widget()}

    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=[(tz, tz.replace("_", " ")) for tz in TIME_ZONES],
        help_text="Deadlines and reminders follow it.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A first visit offers sensible hours instead of seven zeros, and the browser's time
        # zone (time-zone.js fills a select marked so) instead of UTC.
        self.first_visit = self.instance.is_blank
        hours = SUGGESTED_HOURS if self.first_visit else self.instance.availability.hours
        if self.first_visit:
            self.fields["time_zone"].widget.attrs["data-time-zone-guess"] = ""
            self.fields["time_zone"].help_text = (
                "Deadlines and reminders follow it. prepcoach suggests this browser's time "
                "zone: check it is where you are."
            )
        for index, day in enumerate(WEEKDAYS):
            self.fields[f"hours_{index}"] = forms.DecimalField(
                label=day,
                min_value=0,
                max_value=MAX_HOURS_PER_DAY,
                decimal_places=2,
                max_digits=4,
                initial=f"{hours[index]:g}",
                widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
            )

    @property
    def hour_fields(self) -> list[forms.BoundField]:
        return [self[f"hours_{index}"] for index in range(len(WEEKDAYS))]

    @property
    def other_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def save(self, commit: bool = True) -> Profile:
        profile: Profile = super().save(commit=False)
        profile.weekly_hours = [float(self.cleaned_data[f"hours_{i}"]) for i in range(7)]
        if commit:
            profile.full_clean()
            profile.save()
        return profile


class AccessTokenForm(forms.Form):
    prefix = "token"  # it shares the profile page with ProfileForm, which has a "name" too
    name = forms.CharField(
        max_length=100,
        label="Token name",
        help_text="What will use it, e.g. “laptop script”.",
    )


class ImportArchiveForm(forms.Form):
    archive = forms.FileField(
        label="A prepcoach archive (.zip)",
        error_messages={"required": "Choose the .zip file that “Download all my data” gave you."},
    )
