"""`shorten`: text shortened to fit a dashboard line at a sentence or clause (`coach.shorten`),
where `truncatechars` cut mid-word."""

from __future__ import annotations

from typing import Any

from django import template

from prepcoach.coach.shorten import shorten as shortened

register = template.Library()


@register.filter
def shorten(text: Any, limit: Any) -> str:
    return shortened(str(text or ""), int(limit))


@register.filter
def is_shortened(text: Any, limit: Any) -> bool:
    """Whether `shorten` would change more than white space: the line then carries the whole
    text in its title."""
    whole = " ".join(str(text or "").split())
    return shortened(whole, int(limit)) != whole
