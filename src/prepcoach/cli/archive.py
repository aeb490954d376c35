"""`prepcoach export` and `prepcoach import`: one user's data as an archive, and back.

The archive is the one the account page's "Download all my data" gives
(`prepcoach.accounts.archive`); an import goes into a new account (created here, without a
password: set one with `prepcoach manage changepassword`) or an existing empty one.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from prepcoach.cli import UserError, django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = subparsers.add_parser(
        "export", help="write everything one user owns into a .zip archive (JSON, recordings)"
    )
    export.add_argument("--email", required=True, help="whose data")
    export.add_argument("--out", required=True, type=Path, help="the .zip file to write")
    export.set_defaults(handler=run_export)
    load = subparsers.add_parser(
        "import", help="recreate a user's data from an archive, in a new or empty account"
    )
    load.add_argument("archive", type=Path, help="a .zip written by `prepcoach export`")
    load.add_argument("--email", required=True, help="the account to fill (created if new)")
    load.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists():
        raise UserError(f"{out} already exists: choose another name, or move it away first.")
    if not out.parent.is_dir():
        raise UserError(f"{out.parent} is not a folder: create it, or write the archive elsewhere.")
    django_setup.setup()
    django_setup.check_database()
    from prepcoach.accounts import archive
    from prepcoach.accounts.models import User

    user = User.objects.filter(email__iexact=args.email.strip()).first()
    if user is None:
        raise UserError(f"no account has the e-mail {args.email!r}.")
    fd, partial = tempfile.mkstemp(prefix=".prepcoach-export-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            written = archive.write_archive(user, handle)
        os.replace(partial, out)  # a half-written archive never bears the name asked for
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    rows = sum(written.counts.values())
    print(f"Wrote {out}: {rows} records and {written.files} recordings of {user.email}.")
    if written.missing:
        print(f"{len(written.missing)} recordings were missing from disk and are not in it.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    source: Path = args.archive
    if not source.is_file():
        raise UserError(f"{source} is not a file: give the path of a prepcoach archive (.zip).")
    django_setup.setup()
    django_setup.check_database()
    from django.core.management import call_command
    from django.db import transaction

    from prepcoach.accounts.archive import ArchiveError
    from prepcoach.accounts.archive_import import import_archive
    from prepcoach.accounts.models import User

    call_command("migrate", interactive=False, verbosity=0)  # a fresh install, as serve does
    email = args.email.strip().lower()
    try:
        with transaction.atomic(), source.open("rb") as handle:
            user = User.objects.filter(email__iexact=email).first()
            created = user is None
            if user is None:
                user = User.objects.create_user(email=email, password=None)
            result = import_archive(handle, user)
    except ArchiveError as exc:
        raise UserError(f"nothing was imported: {exc}") from None
    print(result.summary())
    if created:
        print(
            f"Created the account {email} without a password: set one with "
            f"`prepcoach manage changepassword {email}`."
        )
    return 0
