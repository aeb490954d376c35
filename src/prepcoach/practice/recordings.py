"""Recordings arrive in chunks while the user speaks; each is written to disk before anything
else happens, so a closed tab, a lost network or a crashed browser keeps what was recorded.

Chunks are idempotent by index: the same chunk sent twice is accepted once; a different chunk
under an index already taken is refused. Finalising joins the chunks in order into one file
(a WebM rewritten to state its duration) and hands the attempt to analysis, unless the joined
file plays longer than RECORDING_MAX_SECONDS (the chunk count alone does not bound it: one chunk
may hold 45 minutes); that one is kept, failed with the reason. Nothing here deletes a recording.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from prepcoach.coach.limits import recording_too_long
from prepcoach.coach.media import MediaKind, measured_seconds, remux_with_duration, sniff
from prepcoach.ops import store
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.practice.models import Attempt

logger = logging.getLogger(__name__)


class RecordingError(Exception):
    """Something the user can act on; status is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def folder(attempt: Attempt) -> str:
    """The answer's place in the store (a storage name, not a path)."""
    return f"recordings/{attempt.user_id}/{attempt.pk}"


def chunk_name(attempt: Attempt, index: int) -> str:
    return f"{folder(attempt)}/chunks/{index:06d}.part"


def too_long_to_analyse(path: Path) -> str | None:
    """Why the recording at `path` is not analysed (it plays longer than the limit), or None.
    Read from its packets, so a few chunks holding a long recording are caught."""
    return recording_too_long(measured_seconds(path), settings.RECORDING_MAX_SECONDS)


def max_chunks() -> int:
    # Twice the chunks the longest allowed answer needs: browsers do not slice exactly.
    return 2 * settings.RECORDING_MAX_SECONDS // settings.RECORDING_CHUNK_SECONDS + 10


def store_chunk(attempt: Attempt, index: int, data: bytes) -> bool:
    """Write one chunk; returns False when it was already there (a retry). Raises
    RecordingError with what to do otherwise.

    The check and the write happen under the attempt's row lock, the same lock finalise takes:
    a chunk is either written before the join (and joined) or refused after it, never left
    behind unjoined.
    """
    if not 0 <= index < max_chunks():
        raise RecordingError(
            f"The recording is longer than the {settings.RECORDING_MAX_SECONDS // 60}-minute "
            "limit: what was recorded before it is kept.",
            413,
        )
    if not data:
        raise RecordingError("An empty piece of recording arrived: check the microphone.", 400)
    if index == 0 and sniff(data[:16]) is None:
        raise RecordingError(
            "This is not audio or video prepcoach can read (WebM, Ogg, MP4/M4A, WAV, MP3).", 415
        )
    try:
        with transaction.atomic():
            return _store_chunk_locked(attempt, index, data)
    except StoreUnavailableError as error:
        raise RecordingError(f"{error} Piece {index} was not stored.", 503) from error


def _store_chunk_locked(attempt: Attempt, index: int, data: bytes) -> bool:
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.RECORDING:
        raise RecordingError("This answer is already saved: record a new one to add more.", 409)
    name = chunk_name(attempt, index)
    if store.exists(name):
        if hashlib.sha256(store.read(name)).digest() == hashlib.sha256(data).digest():
            return False
        raise RecordingError(f"Piece {index} of this recording was already received.", 409)
    if attempt.bytes_received + len(data) > settings.RECORDING_MAX_BYTES:
        raise RecordingError(
            f"The recording is over the {settings.RECORDING_MAX_BYTES // (1024 * 1024)} MB "
            "limit: what was recorded before it is kept.",
            413,
        )
    store.put(name, data)  # a chunk is either whole in the store or absent
    Attempt.objects.filter(pk=attempt.pk).update(
        bytes_received=F("bytes_received") + len(data),
        chunks_received=F("chunks_received") + 1,
        last_chunk_at=timezone.now(),
    )
    return True


def mark_interrupted(attempt: Attempt) -> None:
    """The page went away mid-answer. Chunks may still be on their way, so the join waits for
    a quiet moment (the worker's sweep) instead of happening now."""
    Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.RECORDING).update(interrupted=True)


def write_missing_durations() -> tuple[int, int]:
    """Recordings joined before durations were written (players show 0:00): each WebM answer
    whose header states none is rewritten the same way. Returns (rewritten, left as they are)."""
    import av

    done = left = 0
    for attempt in Attempt.objects.exclude(recording="").filter(media_type="video/webm"):
        name = str(attempt.recording.name)
        with tempfile.TemporaryDirectory(prefix="prepcoach-duration-") as scratch:
            path = Path(scratch) / posixpath.basename(name)
            try:
                with store.local_copy(name) as original:
                    shutil.copyfile(original, path)
                with av.open(str(path)) as recording:
                    if recording.duration:
                        continue
            except (av.FFmpegError, OSError):
                left += 1
                continue
            _write_duration(path, sniff(path.read_bytes()[:16]))
            with av.open(str(path)) as recording:
                if recording.duration:
                    store.put(name, path)
                    done += 1
                else:
                    left += 1
    return done, left


def _write_duration(joined: Path, kind: MediaKind | None) -> None:
    """A browser's WebM states no duration (players show 0:00): the joined file is replaced by
    the same packets in a WebM that states it. Left as it came if that cannot be done."""
    if kind is None or kind.container != "webm":
        return
    remuxed = joined.with_suffix(".remuxed")
    if remux_with_duration(joined, remuxed) is not None:
        os.replace(remuxed, joined)


@dataclass(frozen=True)
class Finalised:
    attempt: Attempt
    kept_chunks: int
    skipped_chunks: int  # after a gap: kept on disk, not joined


def finalise(attempt: Attempt, interrupted: bool | None = None) -> Finalised:
    """Join the chunks into the answer's recording and queue its analysis. Safe to call again.
    Raises StoreUnavailableError (nothing changed, the chunks kept) when the store is away."""
    joined: list[str] = []
    with transaction.atomic():
        done = _finalise_locked(attempt, interrupted, joined)
    # The joined pieces go only once the answer naming the joined file is committed: a worker
    # killed, or the database lost, before the commit leaves every piece to be joined again,
    # never a RECORDING answer with its first pieces gone.
    _delete_joined(joined)
    return done


def _finalise_locked(attempt: Attempt, interrupted: bool | None, joined: list[str]) -> Finalised:
    """`finalise` under the answer's row lock; the joined pieces' names go into `joined`."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.RECORDING:
        return Finalised(attempt, attempt.chunks_received, 0)
    chunks = [n for n in store.files_in(f"{folder(attempt)}/chunks") if n.endswith(".part")]
    indexes = sorted(int(posixpath.basename(n).split(".")[0]) for n in chunks)
    contiguous = 0
    while contiguous < len(indexes) and indexes[contiguous] == contiguous:
        contiguous += 1
    skipped = len(indexes) - contiguous
    if interrupted is not None:
        attempt.interrupted = interrupted
    attempt.finalised_at = timezone.now()
    if contiguous == 0:
        attempt.status = Attempt.Status.FAILED
        attempt.failure = (
            "No recording arrived for this answer: check that the microphone works "
            "(the level meter moves) and record it again, or type your answer."
        )
        attempt.save()
        return Finalised(attempt, 0, skipped)
    with tempfile.TemporaryDirectory(prefix="prepcoach-join-") as scratch:
        kind, name, too_long = _join(attempt, contiguous, Path(scratch))
    joined.extend(chunk_name(attempt, index) for index in range(contiguous))
    attempt.recording.name = name
    attempt.media_type = kind.mime if kind else "application/octet-stream"
    if skipped:
        attempt.recording_note = (
            f"{skipped} piece(s) arrived after a gap and could not be joined; they are kept "
            "on disk. The answer up to the gap is saved."
        )
    if too_long:
        attempt.status, attempt.failure = Attempt.Status.FAILED, too_long
        attempt.save()
        return Finalised(attempt, contiguous, skipped)
    attempt.status = Attempt.Status.SAVED
    attempt.save()
    return Finalised(attempt, contiguous, skipped)


def _delete_joined(names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(StoreUnavailableError, FileNotFoundError):
            store.delete(name)  # one left over is deleted with the answer


def _join(
    attempt: Attempt, contiguous: int, scratch: Path
) -> tuple[MediaKind | None, str, str | None]:
    """Chunks 0 to `contiguous` - 1 joined on this machine (a WebM made to state its length),
    measured, and stored as the answer: (its kind, its name, why it is too long or None)."""
    joined = scratch / "answer.joining"
    with joined.open("wb") as out:
        for index in range(contiguous):
            out.write(store.read(chunk_name(attempt, index)))
    with joined.open("rb") as head:
        kind = sniff(head.read(16))
    _write_duration(joined, kind)
    name = f"{folder(attempt)}/answer.{kind.extension if kind else 'bin'}"
    store.put(name, joined)
    return kind, name, too_long_to_analyse(joined)
