"""Background work for practice: analysing answers, and saving recordings left unfinished."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from prepcoach.accounts.timing import local_now
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.speech.audio import AudioError
from prepcoach.coach.speech.engine import SpeechEngine, whisper_engine
from prepcoach.coach.speech.model import ModelError, resolve_model
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.practice.measured import update_measured_goals
from prepcoach.practice.models import Attempt, PracticeSettings

logger = logging.getLogger(__name__)
# An analysis still running after this long lost its worker: a 10-minute answer is read in
# about 3 minutes on a 2-core laptop.
STUCK_AFTER = dt.timedelta(minutes=15)


def queue_analysis(attempt: Attempt) -> Attempt:
    """Mark the attempt queued and enqueue its analysis; the attempt page shows the progress."""
    now = timezone.now()
    Attempt.objects.filter(pk=attempt.pk).update(
        status=Attempt.Status.QUEUED, finalised_at=attempt.finalised_at or now, queued_at=now
    )
    result = analyse_attempt.enqueue(attempt.pk)  # the immediate backend runs it right here
    Attempt.objects.filter(pk=attempt.pk).update(task_id=str(result.id))
    attempt.refresh_from_db()
    return attempt


@task()
def analyse_attempt(attempt_id: int) -> str:
    """Read the answer: typed text at once; a recording decoded, transcribed and measured on
    this machine. A recording that cannot be analysed keeps its file and says why."""
    attempt = (
        Attempt.objects.filter(pk=attempt_id)
        .select_related("question", "session__opportunity")
        .first()
    )
    if attempt is None:
        return "gone"
    # Claim it: of two tasks for the same answer (a requeue racing a slow worker), only the
    # one that finds it still queued does the work.
    claimed = Attempt.objects.filter(pk=attempt_id, status=Attempt.Status.QUEUED).update(
        status=Attempt.Status.ANALYSING, analysis_started_at=timezone.now(), failure=""
    )
    if not claimed:
        return "taken"
    category = attempt.question.category if attempt.question else "behavioral"
    preferences = PracticeSettings.objects.filter(user=attempt.user).first()
    thresholds = preferences.delivery_settings() if preferences else None
    job = attempt.session.opportunity if attempt.session else None
    job_description = job.job_description if job else ""
    try:
        if attempt.recording:
            result = analyse_recording(
                Path(attempt.recording.path), speech_engine(),
                question=attempt.question_text, category=category, settings=thresholds,
                job_description=job_description,
            )  # fmt: skip
        else:
            result = analyse_answer(
                text=attempt.text,
                question=attempt.question_text,
                category=category,
                settings=thresholds,
                job_description=job_description,
            )
    except (AudioError, ModelError) as error:
        Attempt.objects.filter(pk=attempt_id).update(
            status=Attempt.Status.FAILED, failure=str(error)
        )
        return "failed"
    except Exception as error:  # a bug must not lose the answer: say so and keep it
        logger.exception("analysis of attempt %s failed", attempt_id)
        Attempt.objects.filter(pk=attempt_id).update(
            status=Attempt.Status.FAILED,
            failure=f"The analysis stopped with an error ({type(error).__name__}); the answer "
            "is kept and can be analysed again.",
        )
        return "failed"
    Attempt.objects.filter(pk=attempt_id).update(
        status=Attempt.Status.ANALYSED, analysis=result.as_dict(), failure=""
    )
    try:
        update_measured_goals(attempt.user, local_now(attempt.user).date())
    except Exception:  # the answer is analysed and kept; a goal that did not move says nothing
        logger.exception("measured goals of user %s not updated", attempt.user_id)
    return "analysed"


def speech_engine() -> SpeechEngine:
    """The worker's speech engine: loaded on first use, then kept for every answer."""
    return whisper_engine(resolve_model(settings.SPEECH_MODEL, settings.MODELS_DIR))


@task()
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
        queue_analysis(attempt)
        count += 1
    return count


@task()
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
        done = finalise(attempt, interrupted=True)
        if done.attempt.status == Attempt.Status.SAVED:
            queue_analysis(done.attempt)
        count += 1
    return count
