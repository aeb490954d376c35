"""Export and import with recordings in an S3-compatible object store (a real one on loopback:
moto in server mode), as on a shared server: the archive carries the recording read from the
store, and the import writes it back into the store under the new answer."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.base import ContentFile

from prepcoach.accounts.archive import write_archive
from prepcoach.accounts.archive_import import import_archive
from prepcoach.practice.models import Attempt
from tests.conftest import make_user
from tests.object_store import ObjectStore
from tests.practice.conftest import tone_wav


@pytest.mark.django_db
def test_an_archive_carries_recordings_from_the_store_and_puts_them_back(
    object_store: ObjectStore, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.STORAGES = object_store.storages()
    sound = tone_wav(0.3)
    ann = make_user("ann@example.com", name="Ann")
    answer = Attempt.objects.create(user=ann, question_text="Tell me about yourself.")
    answer.recording.save("answer.wav", ContentFile(sound))
    assert object_store.read(answer.recording.name) == sound

    out = io.BytesIO()
    write_archive(ann, out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        media = [n for n in zf.namelist() if n.startswith("media/")]
        assert [zf.read(n) for n in media] == [sound]

    ben = make_user("ben@example.com", name="Ben")
    import_archive(io.BytesIO(out.getvalue()), ben)
    copy = Attempt.objects.get(user=ben)
    assert copy.recording.name != answer.recording.name
    assert object_store.read(copy.recording.name) == sound

    with django_capture_on_commit_callbacks(execute=True):
        ann.delete()  # her recording leaves the store; Ben's copy stays
    assert object_store.names() == [copy.recording.name]
