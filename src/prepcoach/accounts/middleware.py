import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone


def activate_time_zone_of(user: object) -> None:
    """Make "today" and every shown time the user's own; UTC for visitors."""
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is None:
        timezone.deactivate()
        return
    try:
        timezone.activate(zoneinfo.ZoneInfo(profile.time_zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        timezone.deactivate()


class UserTimeZoneMiddleware:
    """Show every date and time in the signed-in user's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        activate_time_zone_of(request.user)
        return self.get_response(request)
