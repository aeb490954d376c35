"""API authentication: the browser session (with CSRF) or a personal access token."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from prepcoach.accounts.middleware import activate_time_zone_of
from prepcoach.accounts.models import AccessToken, User, hash_token

# Writing last_used_at on every call would turn reads into writes; once a minute is enough to
# tell a user which token is in use.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class PersonalAccessToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = (
            AccessToken.objects.active()
            .select_related("user")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_RESOLUTION:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        # The middleware ran before the token was read: give the API the user's "today" too.
        activate_time_zone_of(found.user)
        return found.user
