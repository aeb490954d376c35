"""What every step's pages show of the user's jobs: the next interview's countdown (dashboard,
Plan, week), and on a job's own page the way to how ready the user is for its next interview."""

from __future__ import annotations

from typing import Any

from django import template

from prepcoach.accounts.access import signed_in_user
from prepcoach.accounts.timing import local_now
from prepcoach.jobs import schedule
from prepcoach.jobs.models import Opportunity

register = template.Library()


@register.inclusion_tag("jobs/partials/countdown.html", takes_context=True)
def next_interview(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    if not request.user.is_authenticated:
        return {}
    user = signed_in_user(request)
    return {"next": schedule.next_interview(user, local_now(user))}


@register.inclusion_tag("jobs/partials/readiness_link.html", takes_context=True)
def job_readiness(context: template.Context, job: Opportunity) -> dict[str, Any]:
    """The job's next interview, for the link to how ready the user is for it
    (`dashboard:readiness`), among the job page's actions: a tester found the job's page, where
    its brief, research and mocks are, with no way to its readiness, reached only from the
    interview's own page or the dashboard's countdown. Nothing when no interview of the job is
    still to come: readiness is for one."""
    user = signed_in_user(context["request"])
    return {"next": schedule.next_interview(user, local_now(user), job)}
