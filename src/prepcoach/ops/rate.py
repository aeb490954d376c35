"""The per-person rate limit on expensive actions, one helper for the views and the API:
`spend(user, action)` records a use when `coach.rate_limits` allows it, and otherwise says when
to try again. The API answers a refusal with 429 and `Retry-After` (`RateLimitedError`, handled
in `api/api.py`); a page does the same with `with_retry_after`."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.login_throttle import LoginDecision
from prepcoach.coach.rate_limits import RATE_LIMITS, RateDecision, judge_rate
from prepcoach.ops.models import ActionUse


class RateLimitedError(Exception):
    def __init__(self, decision: RateDecision) -> None:
        super().__init__(decision.message)
        self.decision = decision


def spend(user: User, action: str) -> RateDecision:
    """Count one use of `action` by `user` if their limit allows it. Counted and admitted under
    the person's row lock, so two requests at once cannot both take the last use."""
    limit = RATE_LIMITS[action]
    now = timezone.now()
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        uses = ActionUse.objects.filter(user=user, action=action)
        uses.filter(at__lte=now - dt.timedelta(seconds=limit.window_s)).delete()
        decision = judge_rate(limit, list(uses.values_list("at", flat=True)), now)
        if decision.allowed:
            ActionUse.objects.create(user=user, action=action, at=now)
    return decision


def spend_or_raise(user: User, action: str) -> None:
    """`spend`, for the API: a refusal raises RateLimitedError (429 with Retry-After)."""
    decision = spend(user, action)
    if not decision.allowed:
        raise RateLimitedError(decision)


def with_retry_after(
    response: HttpResponse, decision: RateDecision | LoginDecision
) -> HttpResponse:
    """A refusal's response: 429 with `Retry-After` in seconds."""
    response.status_code = 429
    response["Retry-After"] = str(decision.retry_after_s)
    return response
