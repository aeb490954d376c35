"""Background work for practice: analysing answers, and saving recordings left unfinished."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from prepcoach.coach.content import analyse_content
from prepcoach.practice.models import Attempt

logger = logging.getLogger(__name__)
ANALYSIS_VERSION = 1


def queue_analysis(attempt: Attempt) -> Attempt:
    """Mark the attempt queued and enqueue its analysis; the attempt page shows the progress."""
    result = analyse_attempt.enqueue(attempt.pk)
    Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.SAVED).update(
        status=Attempt.Status.QUEUED, task_id=str(result.id)
    )
    attempt.refresh_from_db()
    return attempt


@task()
def analyse_attempt(attempt_id: int) -> str:
    """Read the answer. Typed answers get the content reading now; recordings are kept and
    wait for the speech engine (the analysis issue adds transcripts and delivery)."""
    attempt = Attempt.objects.filter(pk=attempt_id).first()
    if attempt is None:
        return "gone"
    Attempt.objects.filter(pk=attempt_id).update(status=Attempt.Status.ANALYSING)
    try:
        if attempt.text.strip():
            content = analyse_content(attempt.text)
            analysis = {
                "version": ANALYSIS_VERSION,
                "engine": "prepcoach-content",
                "content": {
                    "words": content.words,
                    "star": {k: asdict(v) for k, v in content.star.items()},
                    "quantified_result": asdict(content.quantified_result),
                    "ownership": asdict(content.ownership),
                    "hedges": list(content.hedges),
                },
            }
        else:
            analysis = {
                "version": ANALYSIS_VERSION,
                "engine": "none",
                "note": "The recording is saved. Transcripts and delivery feedback need the "
                "speech engine, which this version of prepcoach does not include yet.",
            }
    except Exception as error:  # a bug must not lose the answer: say so and keep it
        logger.exception("analysis of attempt %s failed", attempt_id)
        Attempt.objects.filter(pk=attempt_id).update(
            status=Attempt.Status.FAILED,
            failure=f"The analysis stopped with an error ({type(error).__name__}); the answer "
            "is kept and can be analysed again.",
        )
        return "failed"
    Attempt.objects.filter(pk=attempt_id).update(status=Attempt.Status.ANALYSED, analysis=analysis)
    return "analysed"


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
