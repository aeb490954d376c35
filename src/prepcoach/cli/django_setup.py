"""Start Django for a subcommand, turning configuration mistakes into one-line messages."""

from __future__ import annotations

import os

from prepcoach.cli import UserError


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prepcoach.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise UserError(str(exc)) from None


def check_database() -> None:
    """Fail early, in one line, when the configured database cannot be reached."""
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(
            f"cannot reach the database ({reason}): check DATABASE_URL and that the server runs."
        ) from None
