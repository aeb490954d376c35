"""Reminder e-mails of due and overdue steps and follow-ups, for users who asked for them,
each with a one-click stop (`accounts.mailstop`)."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.timing import local_now, mail_user
from prepcoach.coach.reminders import digest, reminder_due
from prepcoach.goals import plans
from prepcoach.goals.models import REMINDERS_STOP_SALT, ReminderSettings
from prepcoach.network import plans as network_plans


@task()
def send_reminders() -> int:
    """Send each user whose local morning has come their digest; returns how many were sent."""
    sent = 0
    wanted = ReminderSettings.objects.exclude(frequency=ReminderSettings.Frequency.OFF)
    for reminder in wanted.select_related("user"):
        user = reminder.user
        now = local_now(user)
        if not user.is_active or not reminder_due(reminder.frequency, now, reminder.last_sent_on):
            continue
        today = now.date()
        items = digest(
            [plans.step_state(s) for s in plans.active_steps(user)], today, reminder.frequency
        )
        weekly = reminder.frequency == ReminderSettings.Frequency.WEEKLY
        follow_ups = network_plans.due_follow_ups(user, today, 7 if weekly else 1)
        if not (items.is_empty and follow_ups.is_empty):
            context = {
                "digest": items,
                "follow_ups": follow_ups,
                "plan_url": settings.SITE_URL + reverse("goals:index"),
                "settings_url": settings.SITE_URL + reverse("goals:calendar"),
                "weekly": weekly,
            }
            count = len(items.overdue) + len(items.due)
            people = len(follow_ups.overdue) + len(follow_ups.due)
            subject = "prepcoach: " + " and ".join(
                part for part in (
                    f"{count} step{'s' * (count != 1)} to look at" if count else "",
                    f"{people} follow-up{'s' * (people != 1)}" if people else "",
                ) if part
            )  # fmt: skip
            body = render_to_string("goals/email/reminder.txt", context)
            stop = stop_url("goals:reminders_stop", user.pk, REMINDERS_STOP_SALT)
            sent += mail_user(user, subject, body, stop)
        # The day is handled even when there was nothing to say: check again tomorrow.
        ReminderSettings.objects.filter(pk=reminder.pk).update(last_sent_on=today)
    return sent
