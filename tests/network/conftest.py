"""Alice's network (alice, bob and alice_client come from tests/conftest.py)."""

from __future__ import annotations

from prepcoach.accounts.models import User
from prepcoach.network.models import Contact, Event


def add_contact(user: User, name: str, **fields: object) -> Contact:
    return Contact.objects.create(user=user, name=name, **fields)


def add_event(user: User, name: str, **fields: object) -> Event:
    return Event.objects.create(user=user, name=name, **fields)
