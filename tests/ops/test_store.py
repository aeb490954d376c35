"""`ops.store` on the media folder (the embedded default)."""

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from prepcoach.ops import store


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def test_a_piece_written_while_its_folder_is_removed_is_written(
    media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The race: deleting the user's last other answer removes the user's folder between `put`
    # making it and writing into it. The write used to fail (a 500 to the recorder).
    real_write = Path.write_bytes
    raced: list[Path] = []

    def write_after_the_folder_went(self: Path, data: Any) -> int:
        if not raced:
            raced.append(self)
            shutil.rmtree(self.parent.parent)  # what delete_folder does to the user's folder
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_after_the_folder_went)
    store.put("recordings/1/7/chunks/0.part", b"piece")
    assert raced
    assert (media / "recordings/1/7/chunks/0.part").read_bytes() == b"piece"
    assert not list(media.rglob("*.tmp"))


def test_a_folder_is_deleted_with_its_user_folder_once_empty(media: Path) -> None:
    store.put("recordings/1/7/answer.webm", b"a")
    store.put("recordings/1/8/answer.webm", b"b")
    store.delete_folder("recordings/1/7")
    assert (media / "recordings/1/8/answer.webm").exists()
    store.delete_folder("recordings/1/8")
    assert not (media / "recordings/1").exists()


def test_twin_writes_of_the_same_piece_at_once_leave_it_whole(media: Path) -> None:
    # recorder.js sends a piece again after a dropped connection; the twin lands in another
    # thread of the same process while the first is still writing. Each write has a temporary
    # file of its own: none is cut short by the other's rename, none fails on the other's delete.
    piece = bytes(range(256)) * 16_384  # 4 MB, so the writes overlap
    failures: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(10):
                store.put("recordings/1/7/chunks/000003.part", piece)
                assert (media / "recordings/1/7/chunks/000003.part").read_bytes() == piece
        except BaseException as error:  # reported below, with its kind
            failures.append(error)

    twins = [threading.Thread(target=write) for _ in range(4)]
    for twin in twins:
        twin.start()
    for twin in twins:
        twin.join()
    assert failures == []
    assert (media / "recordings/1/7/chunks/000003.part").read_bytes() == piece
    assert not list(media.rglob("*.tmp"))
