"""When an owner's account is deleted, ownership passes to the longest-standing member; a group
left with no members closes (is deleted)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from prepcoach.accounts.models import User
from prepcoach.groups.models import Group


def settle(group: Group) -> Group | None:
    """Give an ownerless group to its longest-standing member, or close it if none is left.
    Returns the group, or None when it closed."""
    first = group.memberships.select_related("user").first()
    if first is None:
        group.delete()
        return None
    group.owner = first.user
    group.save(update_fields=["owner"])
    return group


@receiver(post_delete, sender=User)
def settle_ownerless_groups(sender: type[User], instance: User, **kwargs: Any) -> None:
    for group in Group.objects.filter(owner__isnull=True):
        settle(group)
