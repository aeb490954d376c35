"""The reminder mail's one-click stop: reminders off, without signing in."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from prepcoach.accounts.mailstop import stop_view
from prepcoach.goals.models import REMINDERS_STOP_SALT, ReminderSettings


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def reminders_stop(request: HttpRequest, signed: str) -> HttpResponse:
    """One click from the reminder mail, no sign-in: reminders off, and nothing else."""

    def turn_off(reminders: ReminderSettings) -> None:
        ReminderSettings.objects.filter(pk=reminders.pk).update(
            frequency=ReminderSettings.Frequency.OFF
        )

    return stop_view(
        request, signed, salt=REMINDERS_STOP_SALT, turn_off=turn_off,
        find=lambda user_id: ReminderSettings.objects.filter(user_id=user_id).first(),
        words={"what": "reminder mails", "question": "Stop the reminder mails?",
               "done_text": "You will get no more mails about due steps and follow-ups. They "
               "still show in your plan and your calendar feed.",
               "settings_text": "You can change reminders on the calendar page after signing "
               "in."},
    )  # fmt: skip
