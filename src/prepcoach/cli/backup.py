"""`prepcoach backup` and `prepcoach restore`: the embedded home (SQLite and media) in one zip.

The database is copied with SQLite's online backup API, which reads a consistent snapshot while
the server and the worker go on writing; the media folder is copied after it, so every
recording the snapshot names is in the backup (uploads reach the disk before the database).
The zip holds `prepcoach.sqlite3`, `secret_key` (sessions and signed links keep working),
`media/...` and `backup.json` (format, versions, size and SHA-256 of every file).

`restore` checks the whole backup before it writes anything, refuses a home that already has a
database or media unless `--force`, and then keeps what was there beside it
(`*.before-restore-<time>`), so nothing is lost. On PostgreSQL backups are `pg_dump`'s job.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from prepcoach import __version__
from prepcoach.cli import UserError, django_setup

FORMAT = "prepcoach-backup"
FORMAT_VERSION = 1
MANIFEST = "backup.json"
DATABASE = "prepcoach.sqlite3"
SECRET_KEY = "secret_key"  # noqa: S105 (the name of the file in the home, not a key)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser(
        "backup", help="copy the database (safely, while serving) and media into one .zip"
    )
    backup.add_argument("--out", required=True, type=Path, help="the .zip file to write")
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser("restore", help="put a backup back into an empty home")
    restore.add_argument("backup", type=Path, help="a .zip written by `prepcoach backup`")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore over an existing database; the current one is kept beside it",
    )
    restore.set_defaults(handler=run_restore)


def _sqlite_home() -> tuple[Path, Path, Path]:
    """(home, database file, media folder) of an embedded install; else say what to use."""
    django_setup.setup()
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" not in db["ENGINE"]:
        raise UserError(
            "this install keeps its data in PostgreSQL: back it up with pg_dump (and restore "
            f"with pg_restore), and copy the media storage ({settings.MEDIA_ROOT}) with it."
        )
    from prepcoach.ops import store

    if not store.is_local():
        raise UserError(
            "this install keeps its recordings in an object store (PREPCOACH_STORAGE_URL): back "
            "the bucket up with the store's own tools, and the database with pg_dump."
        )
    return Path(settings.HOME), Path(db["NAME"]), Path(settings.MEDIA_ROOT)


def run_backup(args: argparse.Namespace) -> int:
    out: Path = args.out
    home, database, media = _sqlite_home()
    from prepcoach.accounts.archive import HashingWriter

    if out.exists():
        raise UserError(f"{out} already exists: choose another name, or move it away first.")
    if not database.is_file():
        raise UserError(f"there is no database at {database} yet: nothing to back up.")
    if out.resolve().is_relative_to(media.resolve()):
        raise UserError("write the backup outside the media folder it copies.")
    fd, partial = tempfile.mkstemp(prefix=".prepcoach-backup-", dir=out.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            snapshot = Path(scratch) / DATABASE
            _snapshot(database, snapshot)
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
                writer = HashingWriter(zf)
                writer.put_stream(DATABASE, _chunks(snapshot))
                if (home / SECRET_KEY).is_file():
                    writer.put(SECRET_KEY, (home / SECRET_KEY).read_bytes())
                count = 0
                for path in sorted(media.rglob("*")) if media.is_dir() else []:
                    if path.is_file():
                        name = "media/" + path.relative_to(media).as_posix()
                        writer.put_stream(name, _chunks(path))
                        count += 1
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "prepcoach_version": __version__,
                    "files": writer.files,
                }
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
        os.replace(partial, out)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    print(f"Wrote {out}: the database and {count} media files.")
    return 0


def _snapshot(database: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API)."""
    source = sqlite3.connect(database, timeout=20)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    except sqlite3.Error as exc:
        raise UserError(f"cannot read the database {database} ({exc}).") from None
    finally:
        copy.close()
        source.close()


def _chunks(path: Path) -> Any:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            yield chunk


def run_restore(args: argparse.Namespace) -> int:
    source: Path = args.backup
    home, database, media = _sqlite_home()
    from prepcoach.accounts.archive import ArchiveError
    from prepcoach.accounts.archive_import import check_files

    if not source.is_file():
        raise UserError(f"{source} is not a file: give the path of a prepcoach backup (.zip).")
    has_media = media.is_dir() and any(p.is_file() for p in media.rglob("*"))
    if ((database.exists() and database.stat().st_size) or has_media) and not args.force:
        raise UserError(
            f"{home} already holds a database or media: restore into an empty home "
            "(set PREPCOACH_HOME to a new folder), or add --force to replace them (they are "
            "kept beside it as *.before-restore-<time>). Stop the server first."
        )
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise UserError(f"{source} is not a prepcoach backup, or it was cut short.") from None
    with zf:
        try:
            manifest = json.loads(zf.read(MANIFEST))
        except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError):
            raise UserError(
                f"{source} is not a prepcoach backup: it has no readable {MANIFEST}."
            ) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise UserError(f"{source} is not a prepcoach backup.")
        if manifest.get("format_version") != FORMAT_VERSION:
            raise UserError(
                f"this backup is in format version {manifest.get('format_version')!r}; this "
                f"prepcoach reads version {FORMAT_VERSION}."
            )
        files = manifest.get("files")
        if not isinstance(files, dict) or DATABASE not in files:
            raise UserError("the backup's manifest lists no database.")
        for name in files:
            parts = PurePosixPath(name).parts
            if name not in (DATABASE, SECRET_KEY) and (
                len(parts) < 2 or parts[0] != "media" or ".." in parts or name.startswith("/")
            ):
                raise UserError(f"the backup holds a file where none belongs: {name}.")
        try:
            check_files(zf, files, MANIFEST)
        except ArchiveError as exc:
            raise UserError(str(exc).replace("archive", "backup")) from None
        _put_back(zf, files, home, database, media)
    print(
        f"Restored {database} and {sum(n.startswith('media/') for n in files)} media files. "
        "`prepcoach serve` applies any migrations the backup is missing."
    )
    return 0


def _put_back(
    zf: zipfile.ZipFile, files: dict[str, Any], home: Path, database: Path, media: Path
) -> None:
    from django.utils import timezone

    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(f".{database.name}.restoring")
    with zf.open(DATABASE) as src, incoming.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    check = sqlite3.connect(incoming)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        ok = False
    finally:
        check.close()
    if not ok:
        incoming.unlink()
        raise UserError("the backup's database is damaged: nothing was restored.")
    media.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".media-restoring-", dir=media.parent))
    for name in files:
        if name.startswith("media/"):
            target = staging.joinpath(*PurePosixPath(name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(name) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    # Everything is on disk: now swap, keeping what was there.
    kept = f"{database}.before-restore-{stamp}"
    had_data = database.exists()
    for suffix in ("", "-wal", "-shm"):  # the old log goes with the old file, under its name,
        old = Path(f"{database}{suffix}")  # so SQLite still finds it there and never here
        if old.exists():
            old.rename(f"{kept}{suffix}")
    os.replace(incoming, database)
    if media.exists():
        media.rename(media.with_name(f"{media.name}.before-restore-{stamp}"))
    staging.rename(media)
    if SECRET_KEY in files:
        key = home / SECRET_KEY
        if key.exists() and had_data:
            with contextlib.suppress(OSError):
                shutil.copy2(key, key.with_name(f"{SECRET_KEY}.before-restore-{stamp}"))
        key.write_bytes(zf.read(SECRET_KEY))
        key.chmod(0o600)
