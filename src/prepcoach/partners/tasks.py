"""The weekly progress mail to partners who asked for it."""

from __future__ import annotations

from django.tasks import task

from prepcoach.accounts.timing import local_now
from prepcoach.coach.partners import weekly_mail_due
from prepcoach.partners.mail import send_weekly
from prepcoach.partners.models import Partnership


@task()
def send_partner_mails() -> int:
    """Each partner who opted in gets a report a week, in their own morning."""
    sent = 0
    wanted = Partnership.objects.filter(weekly_mail=True, partner__is_active=True)
    for partnership in wanted.select_related("owner__profile", "partner"):
        now = local_now(partnership.partner)
        if not weekly_mail_due(now, partnership.last_mail_on):
            continue
        if send_weekly(partnership, now.date()):
            sent += 1
            Partnership.objects.filter(pk=partnership.pk).update(last_mail_on=now.date())
    return sent
