"""Background work for practice: analysing answers (transcribed while recorded where they
were: practice/streaming.py), and saving recordings left unfinished."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.tasks import task
from django.utils import timezone

from prepcoach.accounts.access import answer_job, followed_up_answer
from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.answer import AnswerAnalysis, analyse_answer
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.body_language.pipeline import SPEECH_KEPT, Unavailable, analyse_video
from prepcoach.coach.followups import asks_of_follow_up
from prepcoach.coach.limits import RECORDING_GRACE_S
from prepcoach.coach.queueing import Admission, AnalysisState, admit_analysis, analysis_state
from prepcoach.coach.relevance import asked_for, follow_up_kind
from prepcoach.coach.speech.audio import AudioError
from prepcoach.coach.speech.engine import SpeechEngine
from prepcoach.coach.speech.model import ModelError
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.coach.speech.streaming import StreamState, from_json, resume_from
from prepcoach.ops import store
from prepcoach.ops.queues import restarts, worker_lost
from prepcoach.ops.recovery import task_orphaned
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.practice.engines import borrowed_engine, held_here
from prepcoach.practice.measured import update_debrief_goals, update_measured_goals
from prepcoach.practice.models import Attempt, PracticeSettings
from prepcoach.practice.recordings import too_long_to_analyse
from prepcoach.practice.streaming import handed_over, handover_wait_s, step_in_pass

logger = logging.getLogger(__name__)
# An analysis still running after this long lost its worker: a 10-minute answer is read in
# about 3 minutes on a 2-core laptop. (A worker that dies is noticed much sooner by its stale
# heartbeat, ops/recovery.py; this is the backstop.)
STUCK_AFTER = dt.timedelta(minutes=15)
BUSY = (Attempt.Status.QUEUED, Attempt.Status.ANALYSING)


class AnalysisQueueFullError(Exception):
    """The person has as many analyses waiting as they may: the answer stays saved."""

    def __init__(self, admission: Admission) -> None:
        super().__init__(admission.message)
        self.admission = admission


def admission_for(attempt: Attempt) -> Admission:
    """May this answer be queued for analysis now (its owner's other waiting ones counted)?"""
    waiting = Attempt.objects.filter(user_id=attempt.user_id, status__in=BUSY).exclude(
        pk=attempt.pk
    )
    return admit_analysis(waiting.count(), settings.ANALYSES_QUEUED_PER_USER)


def queue_analysis(attempt: Attempt) -> Attempt:
    """Mark the attempt queued and enqueue its analysis, in its owner's turn (coach.queueing);
    the attempt page shows the progress. Raises AnalysisQueueFullError, changing nothing, when
    its owner already has ANALYSES_QUEUED_PER_USER waiting."""
    with transaction.atomic():
        # One admission at a time per person, so two at once cannot both take the last place:
        # the owner's row stays locked (PostgreSQL; on SQLite the transaction holds the write
        # lock, IMMEDIATE) from the count until this answer is marked queued.
        User.objects.select_for_update().filter(pk=attempt.user_id).first()
        admission = admission_for(attempt)
        if not admission.admitted:
            raise AnalysisQueueFullError(admission)
        now = timezone.now()
        # The evidence goes with the old analysis: a worker still on the code before it (a
        # rolling upgrade) writes a new analysis without it, and the areas then read that.
        Attempt.objects.filter(pk=attempt.pk).update(
            status=Attempt.Status.QUEUED, finalised_at=attempt.finalised_at or now,
            queued_at=now, evidence=None,
        )  # fmt: skip
    # The immediate backend (tests) runs it right here.
    result = analyse_attempt.using(priority=admission.priority).enqueue(attempt.pk)
    Attempt.objects.filter(pk=attempt.pk).update(task_id=str(result.id))
    attempt.refresh_from_db()
    return attempt


def state_of(attempt: Attempt) -> AnalysisState:
    """What the answer's analysis is doing ("restarting" after its worker died)."""
    queued = attempt.status == Attempt.Status.QUEUED
    analysing = attempt.status == Attempt.Status.ANALYSING
    return analysis_state(
        attempt.status,
        restarts(attempt.task_id) if queued else 0,
        worker_lost=analysing and worker_lost(attempt.task_id),
    )


@dataclass(frozen=True)
class Requeued:
    """The outcome of "Analyse again": queued or not, what to say, and the HTTP status."""

    queued: bool
    message: str
    http_status: int


def analyse_again(attempt: Attempt) -> Requeued:
    """Queue an answer's analysis again, for the page, the API and the CLI alike."""
    if attempt.status == Attempt.Status.RECORDING:
        return Requeued(False, "This answer is still being recorded.", 409)
    if not state_of(attempt).may_analyse_again:
        return Requeued(
            False, "This answer is already being analysed: its page updates when it is done.", 409
        )
    if attempt.recording:
        try:
            with store.local_copy(str(attempt.recording.name)) as path:
                problem = too_long_to_analyse(path)
        except StoreUnavailableError as error:
            return Requeued(False, str(error), 503)
        except FileNotFoundError:
            problem = "The recording is missing from the store: record the answer again."
        if problem:
            return Requeued(False, problem, 422)
    # "Analyse again" reads the whole file, whatever was transcribed while it was recorded.
    # A step still in its pass may not hand its state over to it either (its mark is gone).
    Attempt.objects.filter(pk=attempt.pk).update(stream=None, stream_started_at=None)
    try:
        queue_analysis(attempt)
    except AnalysisQueueFullError as error:
        return Requeued(False, str(error), 429)
    return Requeued(True, "Analysing again.", 202)


def _read(attempt: Attempt, engine: SpeechEngine | None) -> AnswerAnalysis:
    """The analysis of a typed answer, or of a recording with the lane's engine."""
    category = attempt.question.category if attempt.question else "behavioral"
    preferences = PracticeSettings.objects.filter(user=attempt.user).first()
    thresholds = preferences.delivery_settings() if preferences else None
    # The mock's job, else the job the answer was practised for (the owner's own only).
    job = answer_job(attempt)
    job_description = job.job_description if job else ""
    # The job's key terms as its owner corrected them (junk removed, missed skills added).
    job_terms = job.key_terms if job else None
    # A follow-up asked of a plan ("Who would you involve, and when?") asks about the plan, so
    # its answer is read as one, as its question was asked (`relevance.follow_up_kind`); any
    # other follow-up asks for what its question asked for ("What was the outcome?" of a story
    # is more of the story) unless its words ask for a plan (`followups.asks_of_follow_up`), as
    # every other page judges it (`feedback.subjects.answer_asks`).
    parent = followed_up_answer(attempt)  # only the same owner's answer is read
    kind = follow_up_kind(parent.question_text, parent.analysis) if parent else None
    asks = (
        asks_of_follow_up(asked_for(parent.question_text, parent.analysis), attempt.question_text)
        if parent
        else None
    )
    # Its question leans on the answer before it, whoever's that is (no verdict is given).
    is_follow_up = attempt.is_follow_up
    if engine is not None:
        streamed = streamed_state(attempt)
        # A quiet piece's step still reading the answer's last words is waited for, not raced,
        # once it is well into its pass (`streaming.step_in_pass`, HEAD_START_S); only when
        # its state can spare the end a reading (one that holds the language: before it, the
        # end reads from the start whatever it is given); and never from inside that step
        # (the test suite's immediate backend runs an analysis there, holding the step's
        # engine and its own: it would wait for itself).
        waits = streamed is not None and resume_from(streamed) > 0 and held_here() < 2
        wait_s = handover_wait_s() if waits and step_in_pass(attempt.pk) else 0.0
        # The recording comes from the store: on a shared server a copy downloaded to this
        # worker for the analysis and deleted after it.
        try:
            with store.local_copy(str(attempt.recording.name)) as path:
                if problem := too_long_to_analyse(path):  # checked again: the file is re-read
                    raise AudioError(problem)
                return analyse_recording(
                    path, engine,
                    question=attempt.question_text, category=category, settings=thresholds,
                    job_description=job_description, job_terms=job_terms,
                    # The decoder counts samples, which a file cannot fake the way it can fake
                    # the timestamps too_long_to_analyse reads: the same limit, on the sound.
                    max_seconds=settings.RECORDING_MAX_SECONDS + RECORDING_GRACE_S,
                    streamed=streamed, kind=kind, asks=asks,
                    follow_up=is_follow_up, newer=lambda: handed_over(attempt.pk, wait_s),
                    awaiting=wait_s > 0,
                )  # fmt: skip
        except FileNotFoundError:
            raise AudioError(
                "The recording is missing from the store: record the answer again."
            ) from None
        except StoreUnavailableError as error:
            raise AudioError(f"{error} Analyse it again once the store is back.") from error
    return analyse_answer(
        text=attempt.text,
        question=attempt.question_text,
        category=category,
        settings=thresholds,
        job_description=job_description,
        job_terms=job_terms,
        kind=kind,
        asks=asks,
        follow_up=is_follow_up,
    )


def streamed_state(attempt: Attempt) -> StreamState | None:
    """What was transcribed while the answer was recorded (kept by finalise only when it was
    read from the joined pieces, or stored since by a quiet piece's step handing it over), or
    None: the whole file is read then. Read now, not from `attempt` as the task loaded it:
    borrowing an engine may have taken a second (loading one), in which a step in its pass
    at Stop may have handed its state over (review of the thirty-sixth session)."""
    stream = Attempt.objects.filter(pk=attempt.pk).values_list("stream", flat=True).first()
    if not stream:
        return None
    try:
        return from_json(stream["state"])
    except (KeyError, TypeError, ValueError):
        logger.warning("attempt %s: its streamed transcript is unreadable", attempt.pk)
        return None


def read_body_language(attempt: Attempt) -> None:
    """The video's body-language report, stored beside the speech report (never in it). A
    picture that cannot be read, or a machine without the landmark models, stores a note."""
    Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.ANALYSED).update(
        body_language_started_at=timezone.now()  # the page waits 15 minutes from here
    )
    preferences = PracticeSettings.objects.filter(user=attempt.user).first()
    thresholds = preferences.body_language_settings() if preferences else None
    try:
        with store.local_copy(str(attempt.recording.name)) as path:
            found = analyse_video(
                path, thresholds, max_seconds=settings.RECORDING_MAX_SECONDS + RECORDING_GRACE_S
            )
        stored = found.to_json()
    except (FileNotFoundError, StoreUnavailableError) as error:
        missing = f"The recording could not be read again ({error}). {SPEECH_KEPT}"
        stored = Unavailable(missing).to_json()
    except Exception as error:  # the speech report stands whatever happens here
        logger.exception("body language of attempt %s failed", attempt.pk)
        stored = Unavailable(
            f"The body-language reading stopped with an error ({type(error).__name__}). "
            f"{SPEECH_KEPT}"
        ).to_json()
    Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.ANALYSED).update(
        body_language=stored
    )


@task(queue_name="analysis")  # the analysis lanes of every worker (WORKER_ANALYSES each)
def analyse_attempt(attempt_id: int) -> str:
    """Read the answer: typed text at once; a recording decoded, transcribed and measured on
    this machine. A recording that cannot be analysed keeps its file and says why."""
    attempt = (
        Attempt.objects.filter(pk=attempt_id)
        .select_related("question", "session__opportunity", "job", "follow_up_to")
        .first()
    )
    if attempt is None:
        return "gone"
    with contextlib.ExitStack() as holding:
        # A recording is marked "analysing" only once this lane holds an engine (until then it
        # is still "queued"); the engine goes back as soon as the reading is done.
        try:
            engine = holding.enter_context(borrowed_engine()) if attempt.recording else None
        except ModelError as error:  # no speech model to load: say so, unless another has it
            Attempt.objects.filter(pk=attempt_id, status=Attempt.Status.QUEUED).update(
                status=Attempt.Status.FAILED, failure=str(error)
            )
            return "failed"
        if engine is not None:
            logger.info("attempt %s: speech engine borrowed", attempt_id)
            holding.callback(logger.info, "attempt %s: speech engine given back", attempt_id)
        # Claim it: of two tasks for the same answer (a requeue racing a slow worker), only the
        # one that finds it still queued does the work.
        claimed = Attempt.objects.filter(pk=attempt_id, status=Attempt.Status.QUEUED).update(
            status=Attempt.Status.ANALYSING, analysis_started_at=timezone.now(), failure=""
        )
        if not claimed:
            return "taken"
        try:
            result = _read(attempt, engine)
        except (AudioError, ModelError) as error:
            Attempt.objects.filter(pk=attempt_id).update(
                status=Attempt.Status.FAILED,
                failure=str(error),
                stream=None,
                stream_started_at=None,
            )
            return "failed"
        except Exception as error:  # a bug must not lose the answer: say so and keep it
            logger.exception("analysis of attempt %s failed", attempt_id)
            Attempt.objects.filter(pk=attempt_id).update(
                status=Attempt.Status.FAILED,
                failure=f"The analysis stopped with an error ({type(error).__name__}); the "
                "answer is kept and can be analysed again.",
                stream=None,
                stream_started_at=None,
            )
            return "failed"
    reads_picture = bool(attempt.recording and attempt.with_video)
    stored = result.as_dict()
    Attempt.objects.filter(pk=attempt_id).update(
        status=Attempt.Status.ANALYSED,
        analysis=stored,
        evidence=answer_evidence(stored),
        failure="",
        stream=None,  # used; an "Analyse again" reads the whole file
        stream_started_at=None,  # nor may a step still in its pass hand a state to it
        body_language=None,
        body_language_started_at=timezone.now() if reads_picture else None,
    )
    try:
        update_measured_goals(attempt.user, local_now(attempt.user).date())
        update_debrief_goals(attempt.user, local_now(attempt.user).date())
    except Exception:  # the answer is analysed and kept; a goal that did not move says nothing
        logger.exception("measured goals of user %s not updated", attempt.user_id)
    if reads_picture:
        read_body_language(attempt)  # after the speech report is saved and shown
    return "analysed"


@receiver(task_orphaned)
def restart_orphaned(
    sender: object, task_path: str, task_id: str, args: list[Any], requeued: bool, **kwargs: Any
) -> None:
    """An analysis whose worker died waits again ("restarting" on its page), or, after the
    worker died on it every time, fails with the reason and keeps the answer."""
    if task_path != analyse_attempt.module_path or not args:
        return
    mine = Attempt.objects.filter(pk=args[0], task_id=task_id, status__in=BUSY)
    if requeued:
        # A step's mark left by the same dead worker would be waited for by the analysis again.
        mine.update(status=Attempt.Status.QUEUED, queued_at=timezone.now(), stream_started_at=None)
    else:
        mine.update(
            status=Attempt.Status.FAILED,
            failure="The analysis stopped each time it was tried, because the worker reading "
            "it stopped (a recording this long may need more memory than the worker has). The "
            "answer is kept and can be analysed again.",
        )


@task(priority=50)  # before the other periodic checks in the default lane
def requeue_stuck() -> int:
    """Analyses whose worker died (killed, out of memory) start again, so no answer stays
    "analysing" for ever."""
    now = timezone.now()
    waiting = Q(status=Attempt.Status.QUEUED)
    stuck = Attempt.objects.filter(
        Q(status=Attempt.Status.ANALYSING, analysis_started_at__lt=now - STUCK_AFTER)
        | (waiting & Q(queued_at__lt=now - STUCK_AFTER))
        # queued before queued_at existed
        | (waiting & Q(queued_at__isnull=True, finalised_at__lt=now - STUCK_AFTER))
    )
    count = 0
    for attempt in stuck:
        try:
            queue_analysis(attempt)
        except AnalysisQueueFullError:
            Attempt.objects.filter(pk=attempt.pk, status__in=BUSY).update(
                status=Attempt.Status.SAVED
            )
            continue  # saved; its owner analyses it again when fewer are waiting
        count += 1
    return count


@task(priority=50)  # before the other periodic checks in the default lane
def finalise_abandoned() -> int:
    """Save recordings whose browser stopped sending (a closed tab, a crash) with what arrived."""
    from prepcoach.practice.recordings import finalise

    now = timezone.now()
    silent = now - dt.timedelta(seconds=settings.RECORDING_ABANDONED_SECONDS)
    settled = now - dt.timedelta(seconds=settings.RECORDING_INTERRUPTED_GRACE_SECONDS)
    recording = Attempt.objects.filter(status=Attempt.Status.RECORDING)
    # Silent for long (a crash, a lost network), or closed by the page and quiet since.
    stale = recording.filter(
        (Q(created_at__lt=silent) & (Q(last_chunk_at__isnull=True) | Q(last_chunk_at__lt=silent)))
        | (Q(interrupted=True) & (Q(last_chunk_at__isnull=True) | Q(last_chunk_at__lt=settled)))
    )
    count = 0
    for attempt in stale:
        try:
            done = finalise(attempt, interrupted=True)
        except StoreUnavailableError:  # chunks kept; the next run (15 s on) tries again
            logger.warning("recording %s not saved yet: the store is unreachable", attempt.pk)
            continue
        if done.attempt.status == Attempt.Status.SAVED:
            # Over its owner's limit it stays saved, to be analysed when fewer are waiting.
            with contextlib.suppress(AnalysisQueueFullError):
                queue_analysis(done.attempt)
        count += 1
    return count
