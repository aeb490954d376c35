"""Who may see what: the one place that decides it.

Every view and API endpoint that reads a user-owned row fetches it through these helpers, so an
owner check is never forgotten and never written twice. Sharing (partners, groups, links) will
add grants here.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from prepcoach.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that login_required (or an API auth) has already let through."""
    assert isinstance(request.user, User)
    return request.user


def owned_by[M: Model](queryset: QuerySet[M], user: User, owner_field: str = "user") -> QuerySet[M]:
    """The rows of queryset that belong to user."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{owner_field: user})


def get_owned_or_404[M: Model](
    queryset: QuerySet[M], user: User, owner_field: str = "user", **lookup: Any
) -> M:
    """One row the user owns; 404 (not 403) otherwise, so ids of others' rows reveal nothing."""
    try:
        return owned_by(queryset, user, owner_field).get(**lookup)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def shared_or_owned[M: Model](
    queryset: QuerySet[M], user: User, owner_field: str = "owner"
) -> QuerySet[M]:
    """Rows everyone shares (no owner, such as the starter question bank) and the user's own."""
    shared = Q(**{f"{owner_field}__isnull": True})
    if not user.is_authenticated:
        return queryset.filter(shared)
    return queryset.filter(shared | Q(**{owner_field: user}))
