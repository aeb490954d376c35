"""`{% watch_for %}`: how a panel showing an answer keeps watching it (practice/push.py)."""

from __future__ import annotations

import time

from django import template

from prepcoach.practice.models import Attempt
from prepcoach.practice.push import Watch, watch_of

register = template.Library()


@register.simple_tag
def watch_for(attempt: Attempt, url_name: str, given: object, body: object = None) -> Watch | None:
    """None when there is nothing to wait for (the answer is not being read, nor its picture:
    `body`, a `BodyView`); the view's `given` watch when it drew the panel (it carries since
    when the page watches); otherwise a watch beginning now (a whole page)."""
    if not (attempt.is_busy or getattr(body, "pending", False)):
        return None
    return given if isinstance(given, Watch) else watch_of(attempt, url_name, int(time.time()))
