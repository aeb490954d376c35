"""Recordings arrive in chunks while the user speaks; each is written to disk before anything
else happens, so a closed tab, a lost network or a crashed browser keeps what was recorded.

Chunks are idempotent by index: the same chunk sent twice is accepted once; a different chunk
under an index already taken is refused. A chunk is written to the store under a name of its own
(its index and digest) before the answer's row is locked, and counted under the lock
(`Attempt.pieces`, index -> digest), so a slow store never holds the row while other requests
wait; a piece written but refused under the lock is removed again. Finalising joins the chunks
in order into one file (a WebM rewritten to state its duration) and hands the attempt to
analysis, unless the joined file plays longer than RECORDING_MAX_SECONDS (the chunk count alone
does not bound it: one chunk may hold 45 minutes); that one is kept, failed with the reason.
Nothing here deletes a recording.
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


def chunk_name(attempt: Attempt, index: int, digest: str = "") -> str:
    """A piece's name in the store: its index and the start of its SHA-256 (a piece stored
    before pieces were named by digest has none)."""
    named = f".{digest[:16]}" if digest else ""
    return f"{folder(attempt)}/chunks/{index:06d}{named}.part"


def too_long_to_analyse(path: Path) -> str | None:
    """Why the recording at `path` is not analysed (it plays longer than the limit), or None.
    Read from its packets, so a few chunks holding a long recording are caught."""
    return recording_too_long(measured_seconds(path), settings.RECORDING_MAX_SECONDS)


def max_chunks() -> int:
    # Twice the chunks the longest allowed answer needs: browsers do not slice exactly.
    return 2 * settings.RECORDING_MAX_SECONDS // settings.RECORDING_CHUNK_SECONDS + 10


def store_chunk(
    attempt: Attempt, index: int, data: bytes, quiet: bool = False, last: bool = False
) -> bool:
    """Write one chunk; returns False when it was already there (a retry). Raises
    RecordingError with what to do otherwise. `quiet`: the browser sent it as soon as its
    level meter heard the speaker go quiet (`Attempt.stream_quiet`). `last`: the browser sent
    it as Stop was pressed, and finalise follows: it queues no streaming step, which would
    read the recording so far only to find the answer saved, on a core the analysis needs.

    The piece is written before the answer's row is locked, under a name its bytes decide, so
    two requests never overwrite each other's piece; the lock (the one finalise takes) is held
    only to check and count it: a chunk is either counted before the join (and joined) or
    refused after it and removed, never left behind unjoined.
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
    digest = hashlib.sha256(data).hexdigest()
    # Refusals and retries are answered before anything is written (the row unlocked).
    if _counted(Attempt.objects.get(pk=attempt.pk), index, digest, len(data)):
        return False
    name = chunk_name(attempt, index, digest)
    try:
        store.put(name, data)  # whole in the store or absent; no lock held meanwhile
    except StoreUnavailableError as error:
        raise RecordingError(f"{error} Piece {index} was not stored.", 503) from error
    locked = attempt
    try:
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
            if _counted(locked, index, digest, len(data)):
                return False  # a twin request counted the same piece (the same name)
            quieted = {"stream_quiet": index + 1} if quiet else {}
            Attempt.objects.filter(pk=attempt.pk).update(
                pieces={**locked.pieces, str(index): digest},
                bytes_received=F("bytes_received") + len(data),
                chunks_received=F("chunks_received") + 1,
                last_chunk_at=timezone.now(),
                **quieted,
            )
    except RecordingError:
        # Refused under the lock (saved meanwhile, another piece took the index, over the
        # limit): this piece was never counted, so never joined, and is removed, unless its
        # name is a counted piece's own (never another request's counted file).
        counted = {chunk_name(attempt, int(i), d) for i, d in locked.pieces.items()}
        if name not in counted:
            with contextlib.suppress(StoreUnavailableError, FileNotFoundError):
                store.delete(name)
        raise
    if not last:
        _after_piece(attempt.pk)
    return True


def _counted(attempt: Attempt, index: int, digest: str, size: int) -> bool:
    """True when this very piece is already counted (a resend, even after the answer was
    saved: it was); RecordingError when it may not be."""
    taken = attempt.pieces.get(str(index))
    if taken == digest:
        return True
    if attempt.status != Attempt.Status.RECORDING:
        raise RecordingError("This answer is already saved: record a new one to add more.", 409)
    if taken is not None:
        raise RecordingError(f"Piece {index} of this recording was already received.", 409)
    old = chunk_name(attempt, index)  # a piece stored before migration 0014, by index alone
    if attempt.chunks_received > len(attempt.pieces) and store.exists(old):
        # Recorded across the upgrade: counted, under its old name, so never counted twice.
        if hashlib.sha256(store.read(old)).hexdigest() == digest:
            return True
        raise RecordingError(f"Piece {index} of this recording was already received.", 409)
    if attempt.bytes_received + size > settings.RECORDING_MAX_BYTES:
        raise RecordingError(
            f"The recording is over the {settings.RECORDING_MAX_BYTES // (1024 * 1024)} MB "
            "limit: what was recorded before it is kept.",
            413,
        )
    return False


def _after_piece(attempt_id: int) -> None:
    """The answer's speech is transcribed as it arrives (a streaming step, queued once; the
    piece is counted and committed by now)."""
    from prepcoach.practice.streaming import queue_stream_step

    queue_stream_step(attempt_id)


def stored_pieces(attempt: Attempt) -> dict[int, str]:
    """Every counted piece's name in the store by index; a piece stored before pieces were
    counted by digest (an answer recorded across an upgrade) by its old name."""
    found = {int(index): chunk_name(attempt, int(index), digest)
             for index, digest in attempt.pieces.items()}  # fmt: skip
    if attempt.chunks_received > len(found):
        for name in store.files_in(f"{folder(attempt)}/chunks"):
            stem = posixpath.basename(name).removesuffix(".part")
            if name.endswith(".part") and stem.isdigit():
                found.setdefault(int(stem), name)
    return found


def joinable(pieces: dict[int, str]) -> list[str]:
    """The pieces from 0 up to the first gap, in order."""
    names: list[str] = []
    while len(names) in pieces:
        names.append(pieces[len(names)])
    return names


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
    pieces = stored_pieces(attempt)
    names = joinable(pieces)
    contiguous = len(names)
    skipped = len(pieces) - contiguous
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
        kind, name, too_long, digests = _join(attempt, names, Path(scratch))
    joined.extend(names)
    # What was transcribed while recording is kept only when it was read from these pieces.
    streamed = attempt.stream or {}
    read = streamed.get("pieces", 0)
    if not 0 < read <= contiguous or digests[read - 1] != streamed.get("digest"):
        attempt.stream = None
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
    attempt: Attempt, names: list[str], scratch: Path
) -> tuple[MediaKind | None, str, str | None, list[str]]:
    """The pieces `names` joined on this machine (a WebM made to state its length), measured,
    and stored as the answer: (its kind, its name, why it is too long or None, the SHA-256 of
    the pieces up to each one, which a streamed transcript's is compared with)."""
    joined = scratch / "answer.joining"
    running, digests = hashlib.sha256(), []
    with joined.open("wb") as out:
        for index, piece in enumerate(names):
            data = store.read(piece)
            counted = attempt.pieces.get(str(index))  # None: stored before digests were kept
            if counted is not None and hashlib.sha256(data).hexdigest() != counted:
                raise StoreUnavailableError(
                    f"Piece {index} of this recording is not stored as it arrived, so the "
                    "answer is not joined yet. Nothing is deleted: every piece is kept.",
                    f"piece {index} differs from what arrived",
                )
            running.update(data)
            digests.append(running.hexdigest())
            out.write(data)
    with joined.open("rb") as head:
        kind = sniff(head.read(16))
    _write_duration(joined, kind)
    name = f"{folder(attempt)}/answer.{kind.extension if kind else 'bin'}"
    store.put(name, joined)
    return kind, name, too_long_to_analyse(joined), digests
