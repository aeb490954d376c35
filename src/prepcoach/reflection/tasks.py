"""Background work for the Grow pages: the patterns page's kept sentence vectors and themes,
refreshed after an entry is saved or deleted, so that the page itself only reads."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.tasks import task

from prepcoach.accounts.models import User


@task()
def refresh_entry_vectors(user_id: int) -> int:
    """Keep the vectors of the user's entries and drop those of texts gone, then keep the
    themes found from them; how many vectors were made."""
    from prepcoach.reflection.patterns import store_themes, store_vectors

    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    made = store_vectors(user)
    store_themes(user)
    return made


def entry_changed(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """A story, retrospective or reflection was saved or deleted: once its transaction is
    committed, the worker embeds the new text and drops the vector of the old one."""
    user_id = instance.user_id
    transaction.on_commit(lambda: refresh_entry_vectors.enqueue(user_id), robust=True)


def connect() -> None:
    from prepcoach.reflection.models import Reflection, Retrospective, Story

    for model in (Story, Retrospective, Reflection):
        post_save.connect(entry_changed, sender=model, dispatch_uid=f"vectors-save-{model}")
        post_delete.connect(entry_changed, sender=model, dispatch_uid=f"vectors-del-{model}")
