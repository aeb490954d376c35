"""What every step's pages show of the user's jobs: the next interview's countdown (dashboard,
Plan, week)."""

from __future__ import annotations

from typing import Any

from django import template

from prepcoach.accounts.access import signed_in_user
from prepcoach.accounts.timing import local_now
from prepcoach.jobs import schedule

register = template.Library()


@register.inclusion_tag("jobs/partials/countdown.html", takes_context=True)
def next_interview(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    if not request.user.is_authenticated:
        return {}
    user = signed_in_user(request)
    return {"next": schedule.next_interview(user, local_now(user))}
