"""Files (recordings and their chunks) through Django's storage API, so that the same code
works on the local media folder (the embedded default) and on an S3-compatible object store
(a shared server: PREPCOACH_STORAGE_URL), where web and worker machines share nothing else.

Everything here takes a storage name ("recordings/3/17/answer.webm"), never a path. A store
that cannot be reached, or refuses to write (its bucket or disk full), raises
StoreUnavailableError with words for the person; a name that is not there raises
FileNotFoundError.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage

BLOCK = 1024 * 1024
UNAVAILABLE = (
    "The recording store cannot be reached just now ({reason}). Nothing is lost: what was "
    "recorded is kept and sent again."
)
FULL = (
    "The recording store has no room just now ({reason}). Nothing is lost: what was recorded "
    "is kept and sent again once there is room."
)
MISSING_CODES = {"404", "NoSuchKey", "NotFound"}
# How S3-compatible stores say they are full: MinIO's drives full (507) and a bucket over its
# hard quota (400), Ceph's quota (403), and the generic codes.
FULL_CODES = {
    "XMinioStorageFull",
    "XMinioAdminBucketQuotaExceeded",
    "StorageFull",
    "QuotaExceeded",
    "EntityTooLarge",
}


class StoreUnavailableError(Exception):
    """The object store (or the media disk) cannot take or give files just now. `reason` is
    the why alone ("its disk is full"), for messages about other things than a recording."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def _unavailable(reason: str, full: bool = False) -> StoreUnavailableError:
    return StoreUnavailableError((FULL if full else UNAVAILABLE).format(reason=reason), reason)


def _store_errors() -> tuple[type[BaseException], ...]:
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # the local media folder only
        return ()
    return (BotoCoreError, ClientError)


def _translated[**P, T](function: Callable[P, T]) -> Callable[P, T]:
    """Store failures as StoreUnavailableError (or FileNotFoundError for a missing name)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return function(*args, **kwargs)
        except (StoreUnavailableError, FileNotFoundError):
            raise
        except OSError as error:
            if error.errno in {errno.ENOSPC, errno.EDQUOT}:
                raise _unavailable("its disk is full", full=True) from error
            raise
        except _store_errors() as error:
            code = str(getattr(error, "response", {}).get("Error", {}).get("Code", ""))
            if code in MISSING_CODES:
                raise FileNotFoundError(str(error)) from error
            if code in FULL_CODES:
                raise _unavailable(f"it is full: {code}", full=True) from error
            raise _unavailable(type(error).__name__) from error

    return wrapper


def storage() -> Storage:
    return default_storage


def is_local(where: Storage | None = None) -> bool:
    return isinstance(where or storage(), FileSystemStorage)


@_translated
def exists(name: str) -> bool:
    return bool(storage().exists(name))


@_translated
def read(name: str) -> bytes:
    with storage().open(name, "rb") as handle:
        return bytes(handle.read())


@_translated
def size(name: str) -> int:
    return int(storage().size(name))


@_translated
def put(name: str, content: bytes | Path) -> None:
    """Write `name` whole, replacing what was there: on the media folder through a temporary
    file and a rename (whole or absent, never half); on an object store by one upload."""
    where = storage()
    if isinstance(where, FileSystemStorage):
        target = Path(where.path(name))
        # Twice: `delete_folder` of the user's last other answer may remove the user's folder
        # between making it and writing into it (FileNotFoundError); the second try makes it again.
        for last_try in (False, True):
            target.parent.mkdir(parents=True, exist_ok=True)
            partial: Path | None = None
            try:
                # A temporary file of this write's own: two writes of one name at once (a resent
                # piece in another thread) never fill, rename or delete each other's.
                handle, made = tempfile.mkstemp(".tmp", f".{target.name}.", target.parent)
                os.close(handle)
                partial = Path(made)
                if where.file_permissions_mode is not None:
                    os.chmod(partial, where.file_permissions_mode)
                if isinstance(content, Path):
                    shutil.copyfile(content, partial)
                else:
                    partial.write_bytes(content)
                os.replace(partial, target)
                return
            except FileNotFoundError:
                if last_try:
                    raise
            finally:
                if partial is not None:
                    partial.unlink(missing_ok=True)  # this write's own, gone once renamed
    with contextlib.ExitStack() as stack:
        body: File[Any]
        if isinstance(content, Path):
            body = File(stack.enter_context(content.open("rb")), name=content.name)
        else:
            body = ContentFile(content, name=posixpath.basename(name))
        saved = where.save(name, body)  # an object store overwrites (AWS_S3_FILE_OVERWRITE)
    if saved != name:
        where.delete(saved)
        raise _unavailable(f"it renamed {name}")


@_translated
def save(name: str, content: IO[bytes]) -> str:
    """Write `content` under `name`, or under a free name beside it when `name` is taken (as
    Django's storages do); returns the name used."""
    return str(storage().save(name, File(content, name=posixpath.basename(name))))


@_translated
def files_in(folder: str) -> list[str]:
    """The names of the files directly in `folder` (none when it does not exist)."""
    where = storage()
    if isinstance(where, FileSystemStorage) and not Path(where.path(folder)).is_dir():
        return []
    _, files = where.listdir(folder)
    return sorted(posixpath.join(folder, f) for f in files)


@_translated
def delete(name: str) -> None:
    storage().delete(name)


@_translated
def delete_folder(folder: str) -> None:
    """`folder` and everything under it; on the media folder its parent goes too once empty
    (the user's folder, once their last answer is gone)."""
    where = storage()
    if isinstance(where, FileSystemStorage):
        place = Path(where.path(folder))
        shutil.rmtree(place, ignore_errors=True)
        with contextlib.suppress(OSError):
            place.parent.rmdir()
        return
    folders, files = where.listdir(folder)
    for name in files:
        where.delete(posixpath.join(folder, name))
    for sub in folders:
        delete_folder(posixpath.join(folder, sub))


def _s3_object(name: str) -> Any:
    handle: Any = storage().open(name, "rb")  # an S3File: nothing downloaded yet
    return handle.obj  # the boto3 object


@_translated
def read_range(name: str, start: int, end: int) -> bytes:
    """Bytes `start` to `end` (inclusive) of `name`, without fetching the rest."""
    where = storage()
    if isinstance(where, FileSystemStorage):
        with where.open(name, "rb") as handle:
            handle.seek(start)
            return bytes(handle.read(end - start + 1))
    body = _s3_object(name).get(Range=f"bytes={start}-{end}")["Body"]
    return bytes(body.read())


def _blocks_of(name: str) -> Iterator[bytes]:
    where = storage()
    if isinstance(where, FileSystemStorage):
        with where.open(name, "rb") as handle:
            yield from iter(functools.partial(handle.read, BLOCK), b"")
        return
    yield from _s3_object(name).get()["Body"].iter_chunks(BLOCK)


def blocks(name: str) -> Iterator[bytes]:
    """`name` a block at a time, streamed (a whole recording is never held in memory)."""
    try:
        yield from _blocks_of(name)
    except _store_errors() as error:  # raised while streaming
        raise _unavailable(type(error).__name__) from error


@contextlib.contextmanager
def local_copy(name: str) -> Iterator[Path]:
    """A path on this machine holding `name` for as long as the block runs: the file itself on
    the media folder; on an object store a download into a temporary folder, deleted after."""
    where = storage()
    if isinstance(where, FileSystemStorage):
        yield Path(where.path(name))
        return
    with tempfile.TemporaryDirectory(prefix="prepcoach-store-") as scratch:
        path = Path(scratch) / posixpath.basename(name)
        _download(name, path)
        yield path


@_translated
def _download(name: str, path: Path) -> None:
    with path.open("wb") as out:
        _s3_object(name).download_fileobj(out)
