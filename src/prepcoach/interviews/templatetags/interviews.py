"""What other pages show of the user's real interviews: the debriefs owed (dashboard) and a
job's interviews with their debriefs (its page in Grow). The next interview's countdown is the
job's (`jobs/templatetags/jobs.py`)."""

from __future__ import annotations

from typing import Any

from django import template

from prepcoach.accounts.access import signed_in_user
from prepcoach.accounts.timing import local_now
from prepcoach.coach import debrief as core
from prepcoach.interviews import plans
from prepcoach.jobs.models import Opportunity
from prepcoach.jobs.schedule import interviews_of

register = template.Library()


@register.inclusion_tag("interviews/partials/owed.html", takes_context=True)
def debriefs_owed(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    if not request.user.is_authenticated:
        return {}
    user = signed_in_user(request)
    return {"owed": plans.debriefs_owed(user, local_now(user))}


@register.inclusion_tag("interviews/partials/job_interviews.html", takes_context=True)
def job_interviews(context: template.Context, job: Opportunity) -> dict[str, Any]:
    user = signed_in_user(context["request"])
    now = local_now(user)
    found = interviews_of(user).filter(opportunity=job).select_related("debrief")
    rows = [
        (i, core.when_words(i.starts_at.astimezone(now.tzinfo), now.date()),
         core.countdown(i.starts_at, now, dated=False) if i.starts_at > now else "")
        for i in found
    ]  # fmt: skip
    return {"job": job, "rows": rows}
