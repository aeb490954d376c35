"""An answer deleted in any way (the user's "delete" or "retake", or their whole account, whose
answers go with it) takes its recording and any chunks left of it off the disk.

The files go once the deletion is committed, never before: a deletion rolled back keeps them.
"""

from __future__ import annotations

import contextlib
import shutil
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from prepcoach.practice.models import Attempt
from prepcoach.practice.recordings import folder


@receiver(post_delete, sender=Attempt)
def remove_recording(sender: type[Attempt], instance: Attempt, **kwargs: Any) -> None:
    name = instance.recording.name if instance.recording else ""
    storage = instance.recording.storage
    place = folder(instance)

    def remove() -> None:
        if name:
            storage.delete(name)
        shutil.rmtree(place, ignore_errors=True)  # chunks of a recording never finalised
        with contextlib.suppress(OSError):
            place.parent.rmdir()  # the user's folder, once their last answer is gone

    transaction.on_commit(remove, robust=True)
