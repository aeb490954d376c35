"""Transcribing an answer while it is recorded (issue 15, item 1), so that when it ends only
its last seconds are left for the analysis.

Each piece stored queues a streaming step (`queue_stream_step`) once STEP_PIECES pieces came
since the last step saw (`Attempt.stream["read"]`), or at once when the browser sent it as the
speaker went quiet (`Attempt.stream_quiet`: the step then reads the answer's last words before
Stop, `coach.speech.streaming.Closing`), at most one per answer waiting or running
(`Attempt.stream_queued_at`, taken by a conditional UPDATE, given back when the step ends, or
taken again once STREAM_STALE old: a worker that died); a step that ends queues the next itself
when enough pieces came while it ran. Steps are queued at STEP_PRIORITY, below every analysis,
so they use only lanes no analysis is waiting for. A step reads the
pieces so far (a browser's WebM pieces joined are a valid recording, cut short), decodes them
(only from `streaming.resume_from(state)` on, `audio.decode_from`, when the pieces the state
was made from are those bytes still: their SHA-256), and advances the stored state
(`coach.speech.streaming`) over the finished stretches of speech; a step whose words changed
then reads the settled text as the report will (`pipeline.read_settled`), so the report's
reading at stop finds those sentences read.
A quiet piece's step in its pass when the answer is saved (Stop pressed) hands its state over:
it stores it while the answer waits for or is in its analysis (`Attempt.stream_started_at`
marks the pass), and the analysis, finding the pass marked as it begins and at least
HEAD_START_S old (`step_in_pass`), reads nothing of the rest itself but decodes the recording
and waits for the state, up to settings.STREAM_HANDOVER_WAIT_MS (`handed_over`), rather than
read the same last seconds again beside the step.
`Attempt.stream` keeps it with how many pieces it read and their SHA-256, so it survives a
worker's restart; finalise keeps it only when the joined pieces begin with those, and
`analyse_attempt` uses it only when it matches the joined recording's audio. Nothing is lost
when a step fails, or never runs: the analysis then reads the whole file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from prepcoach.accounts.access import answer_job
from prepcoach.coach.limits import RECORDING_GRACE_S
from prepcoach.coach.speech.audio import AudioError, decode, decode_from
from prepcoach.coach.speech.pipeline import read_settled
from prepcoach.coach.speech.streaming import (
    StreamState,
    advance,
    from_json,
    latest_words,
    matches,
    resume_from,
    to_json,
)
from prepcoach.ops import store
from prepcoach.practice.engines import borrowed_engine, load_spare
from prepcoach.practice.models import Attempt
from prepcoach.practice.recordings import joinable, stored_pieces

logger = logging.getLogger(__name__)
# A step queued this long ago and not finished lost its worker: another may be queued.
STREAM_STALE = dt.timedelta(seconds=60)
# A step reads the whole recording so far, so one runs only once this many pieces (6 s at the
# 2 s timeslice) arrived since the last step read: a 10-minute answer takes ~100, not 300.
STEP_PIECES = 3
# Below every analysis (coach.queueing gives them 0, -1, -2...): steps use only idle lanes.
STEP_PRIORITY = -100
# The analysis at Stop waits for a quiet step only once it has been in its pass this long
# (seconds). A pass over the answer's last 20-odd seconds takes 2-3 s on one core here
# (bench_push: 2.7 s), so a step that began a second or more ago has less left than a fresh
# reading of the same rest would take, while one that has only begun has all of it: in
# `bench/bench_stop.py`, quiet steps queued behind the step before them were handed over 2.9-3.3
# s after Stop, and waiting for them made the end slower than reading the rest beside them
# (thirty-sixth session; chosen by that reasoning, not fitted: no held-out runs).
HEAD_START_S = 1.0
# The analyses that may take a state handed over: saved and waiting, or being read.
HANDED_TO = (Attempt.Status.SAVED, Attempt.Status.QUEUED, Attempt.Status.ANALYSING)


def queue_stream_step(attempt_id: int) -> None:
    """Queue a streaming step for a recording answer once STEP_PIECES pieces arrived since the
    last step read, or a piece the browser sent as the speaker went quiet, unless one is
    waiting or running (its end asks again)."""
    attempt = (
        Attempt.objects.filter(pk=attempt_id)
        .only("chunks_received", "stream", "stream_quiet")
        .first()
    )
    if attempt is None:
        return
    read = _last_read(attempt)
    quiet = attempt.stream_quiet is not None and attempt.stream_quiet > read
    if attempt.chunks_received < read + STEP_PIECES and not quiet:
        return
    now = timezone.now()
    free = Q(stream_queued_at__isnull=True) | Q(stream_queued_at__lt=now - STREAM_STALE)
    taken = Attempt.objects.filter(free, pk=attempt_id, status=Attempt.Status.RECORDING).update(
        stream_queued_at=now
    )
    if not taken:
        return
    try:
        stream_attempt.using(priority=STEP_PRIORITY).enqueue(attempt_id)
    except Exception:  # the piece is stored; the analysis reads the whole file if need be
        logger.exception("streaming step of attempt %s not queued", attempt_id)
        Attempt.objects.filter(pk=attempt_id).update(stream_queued_at=None)


@task(queue_name="analysis")  # the analysis lanes, which hold the speech engines
def stream_attempt(attempt_id: int) -> str:
    """Transcribe what is finished of a recording answer so far. Never fails the answer."""
    failed = False
    try:
        return _advance(attempt_id)
    except Exception:  # the analysis reads the whole file instead
        logger.exception("streaming step of attempt %s failed", attempt_id)
        failed = True
        return "failed"
    finally:
        Attempt.objects.filter(pk=attempt_id).update(stream_queued_at=None)
        if not failed:  # pieces that arrived while this step ran (they queued nothing)
            queue_stream_step(attempt_id)


def _last_read(attempt: Attempt) -> int:
    """How many pieces the last step read (0 before any)."""
    kept = attempt.stream or {}
    return max(int(kept.get("read", 0)), int(kept.get("pieces", 0)))


def _kept_state(attempt: Attempt) -> StreamState | None:
    """The state the last steps made, or None: none yet, or one that cannot be read (the
    whole recording so far is read again, as `tasks.streamed_state` does at the end)."""
    kept = attempt.stream or {}
    if "state" not in kept:
        return None
    try:
        return from_json(kept["state"])
    except (KeyError, TypeError, ValueError):
        logger.warning("attempt %s: its streamed state is unreadable", attempt.pk)
        return None


def _note_read(attempt_id: int, read: int) -> None:
    """Remember that a step saw `read` pieces counted (kept beside any state)."""
    with transaction.atomic():
        now = Attempt.objects.select_for_update().filter(pk=attempt_id).first()
        if now is not None and now.status == Attempt.Status.RECORDING and _last_read(now) < read:
            Attempt.objects.filter(pk=attempt_id).update(
                stream={**(now.stream or {}), "read": read}
            )


def _advance(attempt_id: int) -> str:
    attempt = (
        Attempt.objects.filter(pk=attempt_id, status=Attempt.Status.RECORDING)
        .select_related("session__opportunity", "job")  # the job its settled text is read for
        .first()
    )
    if attempt is None:
        return "saved"  # finalised meanwhile: the analysis does the rest
    done = _step(attempt)
    # Whatever came of it, the next step waits for STEP_PIECES more than this one saw (after
    # a gap, too: the pieces counted past it are never joined while it lasts).
    _note_read(attempt_id, attempt.chunks_received)
    return done


def _step(attempt: Attempt) -> str:
    attempt_id = attempt.pk
    state = _kept_state(attempt)
    names = joinable(stored_pieces(attempt))
    if not names or (state is not None and len(names) <= (attempt.stream or {}).get("pieces", 0)):
        return "nothing new"
    kept = attempt.stream or {}
    limit = settings.RECORDING_MAX_SECONDS + RECORDING_GRACE_S
    with tempfile.TemporaryDirectory(prefix="prepcoach-stream-") as scratch:
        path = Path(scratch) / "so-far"
        digest = hashlib.sha256()
        same = False  # the pieces the state was made from are still these bytes
        with path.open("wb") as out:
            for count, name in enumerate(names, start=1):
                data = store.read(name)
                digest.update(data)
                out.write(data)
                if count == kept.get("pieces"):
                    same = digest.hexdigest() == kept.get("digest")
        # A late step decodes only the seconds it needs (a state that matches them), else all.
        offset = resume_from(state) if same else 0
        tail = decode_from(path, offset, limit) if offset else None
        if tail is None or state is None or not matches(state, tail, offset):
            offset = 0
            try:
                tail = decode(path, limit).samples
            except AudioError:
                return "not readable yet"  # too short so far, say; the next pieces may do
    # Saved meanwhile (the piece that came with Stop queued this step): its analysis reads the
    # rest, and a pass of the model here would only take a core from it. A step for a quiet
    # piece marks its pass, so that if Stop comes during it the analysis waits for it
    # (`handed_over`): it reads the last words the analysis would read. Any other step in its
    # pass at Stop saves the analysis nothing (the rest is read at Stop anyway): none waits.
    recording = Attempt.objects.filter(pk=attempt_id, status=Attempt.Status.RECORDING)
    quiet = (attempt.stream_quiet or 0) > _last_read(attempt)
    began = timezone.now() if quiet else None
    if not recording.update(stream_started_at=began):
        return "saved"
    try:
        with borrowed_engine() as engine:
            load_spare()  # so the answer's analysis never waits for an engine to load
            after = advance(engine, tail, state, offset)
        return _store(attempt, state, after, names, digest.hexdigest(), offset, began)
    finally:
        if began is not None:  # its own mark only (a step replacing a lost one has its own)
            Attempt.objects.filter(pk=attempt_id, stream_started_at=began).update(
                stream_started_at=None
            )


def _store(
    attempt: Attempt,
    state: StreamState | None,
    after: StreamState,
    names: list[str],
    digest: str,
    offset: int,
    began: dt.datetime | None,
) -> str:
    """Keep the state a step made, onto a state it is newer than: while the answer is
    recorded, or once saved when the step's pass was marked at `began` (handed over)."""
    attempt_id = attempt.pk
    if after == state or not (after.settled_s or after.ahead or after.closing):
        return "nothing finished"
    with transaction.atomic():
        # Only onto a state this step is newer than, and only while the answer is recorded:
        # finalise decides under this lock which state the joined recording keeps.
        now = Attempt.objects.select_for_update().filter(pk=attempt_id).first()
        if now is None:
            return "saved"
        handed = began is not None and now.status in HANDED_TO and now.stream_started_at == began
        if now.status != Attempt.Status.RECORDING and not handed:
            return "saved"
        if _kept_state(now) is not None and (now.stream or {}).get("pieces", 0) >= len(names):
            return "overtaken"
        Attempt.objects.filter(pk=attempt_id).update(
            stream={
                "state": to_json(after), "pieces": len(names), "digest": digest,
                "read": max(_last_read(now), attempt.chunks_received),
                "from": offset,  # the second it decoded from (0: the whole recording so far)
            }
        )  # fmt: skip
    if handed:
        return "handed over"  # the analysis reads now: no core for a head start
    if latest_words(after) != (latest_words(state) if state else ()):
        try:  # only a head start for the report's reading at stop
            job = answer_job(attempt)  # the owner's own only, as the analysis reads it
            read_settled(
                after,
                attempt.question_text,
                job.job_description if job else "",
                job.key_terms if job else None,
            )
        except Exception:
            logger.exception("attempt %s: the settled text was not read ahead", attempt_id)
    return "advanced"


def step_in_pass(attempt_id: int, head_start_s: float | None = None) -> bool:
    """Whether a quiet piece's step has been in its pass for this answer at least
    `head_start_s` seconds (HEAD_START_S when None) and is in it still (its mark is set and
    not STREAM_STALE old: a worker that died leaves one)."""
    began = (
        Attempt.objects.filter(pk=attempt_id).values_list("stream_started_at", flat=True).first()
    )
    if began is None:
        return False
    now = timezone.now()
    ahead = dt.timedelta(seconds=HEAD_START_S if head_start_s is None else head_start_s)
    return now - STREAM_STALE < began <= now - ahead


def handover_wait_s() -> float:
    """How long the analysis at Stop waits for a quiet piece's step in its pass, in seconds
    (settings.STREAM_HANDOVER_WAIT_MS)."""
    return float(settings.STREAM_HANDOVER_WAIT_MS) / 1000


def handed_over(attempt_id: int, wait_s: float = 0.0) -> StreamState | None:
    """The latest state a streaming step stored for this answer, once no step is in its pass
    (waiting for one up to `wait_s` seconds); None when none is stored or it cannot be read.
    Called by the analysis after decoding (`analyse_recording`'s `newer`)."""
    deadline = time.monotonic() + wait_s
    while True:
        row = Attempt.objects.filter(pk=attempt_id).values("stream", "stream_started_at").first()
        if row is None:
            return None
        began = row["stream_started_at"]
        running = began is not None and began > timezone.now() - STREAM_STALE
        if not running or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    kept = row["stream"] or {}
    try:
        return from_json(kept["state"]) if "state" in kept else None
    except (KeyError, TypeError, ValueError):
        return None
