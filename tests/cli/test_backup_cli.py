"""`prepcoach backup` and `prepcoach restore` of the embedded home, run as a user runs them."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from tests.practice.conftest import tone_wav
from tests.support import child_env


def prepcoach(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prepcoach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("prepcoach: ")
    return lines[0]


def emails(home: Path) -> list[str]:
    with closing(sqlite3.connect(home / "prepcoach.sqlite3")) as db:
        return [row[0] for row in db.execute("select email from accounts_user order by email")]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a database (one user) and a recording in its media folder."""
    home = tmp_path_factory.mktemp("home-a")
    result = prepcoach("manage", "migrate", "-v", "0", env=child_env(home))
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(home / "prepcoach.sqlite3")) as db, db:
        db.execute(
            "insert into accounts_user (password, is_superuser, first_name, last_name, "
            "is_staff, is_active, date_joined, email) values "
            "('!', 0, '', '', 0, 1, '2026-11-30 09:00:00', 'ann@example.com')"
        )
    recording = home / "media" / "recordings" / "1" / "1" / "answer.wav"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(tone_wav(0.3))
    return home


@pytest.fixture(scope="module")
def backup(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A backup taken while another connection holds an open write transaction, as a running
    server would: the backup has what was committed and not what was not."""
    out = tmp_path_factory.mktemp("backups") / "home.zip"
    writer = sqlite3.connect(home / "prepcoach.sqlite3", isolation_level=None)
    writer.execute("pragma journal_mode=wal")
    writer.execute("begin immediate")
    writer.execute(
        "insert into accounts_user (password, is_superuser, first_name, last_name, is_staff, "
        "is_active, date_joined, email) values "
        "('!', 0, '', '', 0, 1, '2026-11-30 09:00:00', 'uncommitted@example.com')"
    )
    try:
        result = prepcoach("backup", "--out", str(out), env=child_env(home))
    finally:
        writer.execute("rollback")
        writer.close()
    assert result.returncode == 0, result.stderr
    assert "1 media files" in result.stdout
    return out


def test_the_backup_holds_the_database_media_and_a_manifest(backup: Path) -> None:
    with zipfile.ZipFile(backup) as zf:
        manifest = json.loads(zf.read("backup.json"))
        assert manifest["format"] == "prepcoach-backup"
        assert set(manifest["files"]) == {
            "prepcoach.sqlite3", "secret_key", "media/recordings/1/1/answer.wav"
        }  # fmt: skip


def test_restore_into_an_empty_home(home: Path, backup: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "home-b"
    result = prepcoach("restore", str(backup), env=child_env(fresh))
    assert result.returncode == 0, result.stderr
    assert emails(fresh) == ["ann@example.com"]  # the uncommitted row is not there
    recording = "media/recordings/1/1/answer.wav"
    assert (fresh / recording).read_bytes() == (home / recording).read_bytes()
    assert (fresh / "secret_key").read_text() == (home / "secret_key").read_text()
    check = prepcoach("check", env=child_env(fresh))
    assert check.returncode == 0, check.stderr


def test_restore_refuses_an_existing_database_without_force(
    home: Path, backup: Path, tmp_path: Path
) -> None:
    taken = tmp_path / "home-c"
    assert prepcoach("restore", str(backup), env=child_env(taken)).returncode == 0
    with closing(sqlite3.connect(taken / "prepcoach.sqlite3")) as db, db:
        db.execute("update accounts_user set email='changed@example.com'")
    message = one_line_error(prepcoach("restore", str(backup), env=child_env(taken)))
    assert "already holds a database" in message
    assert "--force" in message
    assert emails(taken) == ["changed@example.com"]

    forced = prepcoach("restore", str(backup), "--force", env=child_env(taken))
    assert forced.returncode == 0, forced.stderr
    assert emails(taken) == ["ann@example.com"]
    (kept,) = taken.glob("prepcoach.sqlite3.before-restore-*")  # nothing lost
    with closing(sqlite3.connect(kept)) as db:
        assert db.execute("select email from accounts_user").fetchall() == [
            ("changed@example.com",)
        ]
    assert list(taken.glob("media.before-restore-*"))


def spoil(backup: Path, tmp_path: Path, name: str, body: bytes) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, body if info.filename == name else src.read(info))
    path = tmp_path / "spoilt.zip"
    path.write_bytes(out.getvalue())
    return path


def test_a_tampered_or_truncated_backup_restores_nothing(backup: Path, tmp_path: Path) -> None:
    empty = tmp_path / "home-d"
    recording = "media/recordings/1/1/answer.wav"
    with zipfile.ZipFile(backup) as zf:
        sound = bytearray(zf.read(recording))
    sound[-1] ^= 1
    tampered = spoil(backup, tmp_path, recording, bytes(sound))
    message = one_line_error(prepcoach("restore", str(tampered), env=child_env(empty)))
    assert "does not match its checksum" in message
    cut = tmp_path / "cut.zip"
    cut.write_bytes(backup.read_bytes()[:1000])
    assert "cut short" in one_line_error(prepcoach("restore", str(cut), env=child_env(empty)))
    assert not (empty / "prepcoach.sqlite3").exists()
    assert not (empty / "media").exists()


def test_postgresql_backups_are_pg_dumps_job(tmp_path: Path) -> None:
    env = child_env(tmp_path, DATABASE_URL="postgresql://coach@127.0.0.1:9/prepcoach")
    message = one_line_error(prepcoach("backup", "--out", str(tmp_path / "x.zip"), env=env))
    assert "pg_dump" in message
    assert "pg_dump" in one_line_error(prepcoach("restore", str(tmp_path / "x.zip"), env=env))


def test_an_install_with_an_object_store_is_backed_up_with_the_stores_tools(
    tmp_path: Path,
) -> None:
    store = "s3://prepcoach-recordings?endpoint=http://127.0.0.1:9&region=us-east-1"
    env = child_env(tmp_path, PREPCOACH_STORAGE_URL=store)  # SQLite, recordings in the store
    message = one_line_error(prepcoach("backup", "--out", str(tmp_path / "x.zip"), env=env))
    assert "object store" in message
    assert "the store's own tools" in message
    assert not (tmp_path / "x.zip").exists()
