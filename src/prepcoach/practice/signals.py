"""An answer deleted in any way (the user's "delete" or "retake", or their whole account, whose
answers go with it) takes its recording and any chunks left of it out of the store (the media
folder or the object store).

The files go once the deletion is committed, never before: a deletion rolled back keeps them.

A debrief saved moves the goals made from its areas (`measured.update_debrief_goals`), and a
review saved (a link's reviewer's, or a peer mock interviewer's) the goals made from a plan's
reasons or check (`measured.update_review_goals`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from prepcoach.accounts.timing import local_now
from prepcoach.feedback.models import Review
from prepcoach.interviews.models import Debrief
from prepcoach.ops import store
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.practice.measured import update_debrief_goals, update_review_goals
from prepcoach.practice.models import Attempt
from prepcoach.practice.recordings import folder

logger = logging.getLogger(__name__)


@receiver(post_delete, sender=Attempt)
def remove_recording(sender: type[Attempt], instance: Attempt, **kwargs: Any) -> None:
    name = instance.recording.name if instance.recording else ""
    place = folder(instance)

    def remove() -> None:
        try:
            if name:
                store.delete(name)
            store.delete_folder(place)  # chunks of a recording never finalised, or past a gap
        except StoreUnavailableError:
            logger.exception("the recording of deleted answer %s is left in %s", instance.pk, place)

    transaction.on_commit(remove, robust=True)


@receiver(post_save, sender=Debrief)
def debrief_saved(sender: type[Debrief], instance: Debrief, **kwargs: Any) -> None:
    """A debrief saved can move a goal made from a competency area (`measured.py`), once it
    is committed (its questions are saved with it)."""
    user = instance.interview.user

    def move() -> None:
        update_debrief_goals(user, local_now(user).date())

    transaction.on_commit(move, robust=True)  # a goal that did not move loses nothing


@receiver(post_save, sender=Review)
def review_saved(sender: type[Review], instance: Review, **kwargs: Any) -> None:
    """A review saved, new or sent again, can move a goal made from a plan's reasons or check
    (`measured.py`), once it is committed."""
    user = instance.request.owner

    def move() -> None:
        update_review_goals(user, local_now(user).date())

    transaction.on_commit(move, robust=True)  # a goal that did not move loses nothing
