"""The debrief reminder: one mail per interview, an hour after its time and within its day,
to users who did not stop it, with a one-click stop (`accounts.mailstop`)."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.timing import local_now, mail_user
from prepcoach.coach import debrief as core
from prepcoach.interviews.models import DEBRIEF_STOP_SALT, DebriefMail
from prepcoach.jobs.models import Interview


@task()
def send_debrief_reminders() -> int:
    """Mail each interview's debrief reminder when due; returns how many were sent."""
    now = timezone.now()
    stopped = DebriefMail.objects.filter(wanted=False).values("user_id")
    candidates = (
        Interview.objects.select_related("opportunity", "user")
        .filter(debrief_mailed_at__isnull=True, debrief__isnull=True, user__is_active=True)
        .filter(starts_at__lte=now - core.MAIL_AFTER, starts_at__gt=now - core.DEBRIEF_WINDOW)
        .exclude(user_id__in=stopped)
    )
    sent = 0
    for interview in candidates:
        if not core.debrief_mail_due(interview.starts_at, now, written=False, mailed=False):
            continue
        # Claimed by a conditional UPDATE: two workers never both mail the same interview.
        claimed = Interview.objects.filter(pk=interview.pk, debrief_mailed_at__isnull=True)
        if not claimed.update(debrief_mailed_at=now):
            continue
        user = interview.user
        local = interview.starts_at.astimezone(local_now(user).tzinfo)
        job = interview.opportunity
        context = {
            "interview": interview, "job": job, "when": core.when_words(local),
            "url": settings.SITE_URL + reverse("interviews:debrief", args=[interview.pk]),
        }  # fmt: skip
        body = render_to_string("interviews/email/debrief_reminder.txt", context)
        subject = f"How did it go? Your debrief of {job.company}"
        stop = stop_url("interviews:mail_stop", user.pk, DEBRIEF_STOP_SALT)
        if mail_user(user, subject, body, stop):
            sent += 1
        else:  # the server refused it: the next check tries again
            Interview.objects.filter(pk=interview.pk).update(debrief_mailed_at=None)
    return sent
