"""Deleting an account deletes its recordings from disk, once the deletion is committed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from prepcoach.accounts.models import User
from prepcoach.ops import store
from prepcoach.practice.models import Attempt
from prepcoach.practice.recordings import chunk_name
from tests.conftest import make_user
from tests.practice.conftest import tone_wav


def recorded(user: User) -> tuple[Path, Path]:
    done = Attempt.objects.create(user=user, question_text="Tell me about yourself.")
    done.recording.save("answer.wav", ContentFile(tone_wav(0.2)))
    unfinished = Attempt.objects.create(
        user=user, question_text="Why us?", status=Attempt.Status.RECORDING
    )
    store.put(chunk_name(unfinished, 0), tone_wav(0.1))
    return Path(done.recording.path), Path(store.storage().path(chunk_name(unfinished, 0)))


@pytest.mark.django_db
def test_deleting_an_account_removes_its_recordings_and_chunks(
    tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    ann, ben = make_user("ann@example.com"), make_user("ben@example.com")
    ann_files, ben_files = recorded(ann), recorded(ben)
    with django_capture_on_commit_callbacks(execute=True):
        ann.delete()
    assert not any(p.exists() for p in ann_files)
    assert not (tmp_path / "recordings" / str(ann_files[0].parts[-3])).exists()
    assert all(p.exists() for p in ben_files)  # nobody else's


@pytest.mark.django_db(transaction=True)
def test_a_deletion_rolled_back_keeps_the_recordings(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    ann = make_user("ann@example.com")
    files = recorded(ann)

    def delete_then_fail() -> None:
        with transaction.atomic():
            User.objects.get(pk=ann.pk).delete()
            raise RuntimeError("something failed after the delete")

    with pytest.raises(RuntimeError):
        delete_then_fail()
    assert all(p.exists() for p in files)
    assert Attempt.objects.filter(user=ann).count() == 2
