"""The partner mails (invitation, nudge, weekly report) and the invitation lookup."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import partner_goals
from prepcoach.accounts.mailstop import stop_headers, stop_url
from prepcoach.accounts.tasks import send_email
from prepcoach.accounts.timing import user_zone
from prepcoach.coach.partners import PartnerReport, partner_report
from prepcoach.coach.progress import weekly_review
from prepcoach.goals import plans
from prepcoach.goals.models import Milestone, Step
from prepcoach.partners.models import Nudge, PartnerInvite, Partnership, hash_token

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "prepcoach.partners.unsubscribe"
MAX_TOKEN_CHARS = 100  # a real token has 43; anything much longer is not worth hashing


def pending_invite(token: str) -> PartnerInvite | None:
    """The unused, unexpired invitation a link's token opens, or None: a mistyped, expired,
    used or withdrawn link all look the same."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return (
        PartnerInvite.objects.filter(
            token_hash=hash_token(token), used_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("owner__profile")
        .first()
    )


def send_invite(invitation: PartnerInvite, url: str) -> None:
    inviter = invitation.owner.display_name
    body = render_to_string(
        "partners/email/invite.txt",
        {"invitation": invitation, "inviter": inviter, "url": url,
         "goals": invitation.goals.all()},
    )  # fmt: skip
    subject = f"{inviter} asks you to be their accountability partner on prepcoach"
    send_email.enqueue(subject, body, [invitation.email])


NUDGES_SALT = "prepcoach.partners.nudges"


def nudges_stop_url(partnership: Partnership) -> str:
    return stop_url("partners:nudges_stop", partnership.pk, NUDGES_SALT)


def send_nudge(nudge: Nudge, plan_url: str) -> None:
    """The nudge by mail, unless the owner stopped such mails; it ends with a one-click stop."""
    partnership = nudge.partnership
    if not partnership.nudge_mail:
        return
    body = str(render_to_string(
        "partners/email/nudge.txt",
        {"partner": partnership.partner.display_name, "note": nudge.note, "plan_url": plan_url},
    ))  # fmt: skip
    who = partnership.partner.display_name
    stop = nudges_stop_url(partnership)
    body += f"\nNo more nudge mails from {who}: {stop}\n"
    subject = f"{partnership.partner.display_name} sent you a nudge"
    send_email.enqueue(subject, body, [partnership.owner.email], headers=stop_headers(stop))


def unsubscribe_url(partnership: Partnership) -> str:
    return stop_url("partners:unsubscribe", partnership.pk, UNSUBSCRIBE_SALT)


def report_for(partnership: Partnership, today: dt.date) -> PartnerReport:
    """What the partner is told: only the goals the owner shares with them."""
    goals = list(
        partner_goals(partnership.partner, partnership).prefetch_related("steps", "check_ins")
    )
    steps = Step.objects.filter(goal__in=[g.pk for g in goals])
    reached = Milestone.objects.filter(
        goal__in=[g.pk for g in goals], reached_on__gt=today - dt.timedelta(days=7)
    )
    progress = [plans.progress_of(g, today) for g in goals]
    zone = user_zone(partnership.owner)  # the day a goal was closed, on its owner's clock
    return partner_report(
        partnership.owner.display_name,
        [(g.text, p) for g, p in zip(goals, progress, strict=True)],
        weekly_review([plans.step_state(s) for s in steps], today),
        [m.title for m in reached],
        outcomes=[plans.outcome_of(g, p, zone) for g, p in zip(goals, progress, strict=True)],
    )


def send_weekly(partnership: Partnership, today: dt.date) -> bool:
    """One weekly report, with a one-click unsubscribe (RFC 8058); False when refused."""
    report = report_for(partnership, today)
    stop = unsubscribe_url(partnership)
    body = render_to_string(
        "partners/email/weekly.txt",
        {
            "report": report,
            "page_url": settings.SITE_URL + reverse("partners:detail", args=[partnership.pk]),
            "unsubscribe_url": stop,
        },
    )
    message = EmailMessage(
        subject=f"prepcoach: {report.owner}'s week",
        body=body,
        to=[partnership.partner.email],
        headers=stop_headers(stop),
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("partner mail %s failed", partnership.pk)
        return False
    return True
