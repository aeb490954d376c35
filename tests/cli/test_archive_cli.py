"""`prepcoach export` and `prepcoach import`, run as a user runs them: the export from the
suite's database, the import into a fresh install (its own home, its own SQLite)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile

from prepcoach.goals.models import Goal, Step
from prepcoach.practice.models import Attempt
from tests.conftest import make_user
from tests.practice.conftest import tone_wav
from tests.support import child_env, database_url


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
    return lines[0]


@pytest.fixture
def exported(transactional_db: None, tmp_path: Path, settings: Any) -> tuple[Path, bytes]:
    """Ann's data (a goal with a step, a recorded answer) exported by the command."""
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    ann = make_user("ann@example.com", name="Ann")
    goal = Goal.objects.create(user=ann, text="Run 3 mock interviews by Friday")
    Step.objects.create(goal=goal, title="Book a room", due_date=goal.created_at.date())
    sound = tone_wav(0.3)
    answer = Attempt.objects.create(user=ann, question_text="Tell me about yourself.")
    answer.recording.save("answer.wav", ContentFile(sound))
    out = tmp_path / "ann.zip"
    env = child_env(tmp_path / "home-a", DATABASE_URL=database_url(), MEDIA_ROOT=str(media))
    result = prepcoach("export", "--email", "ANN@example.com", "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "2 records" not in result.stdout  # more than the goal and step: profile, answer
    assert "1 recordings" in result.stdout
    return out, sound


def test_export_then_import_into_a_fresh_install(
    exported: tuple[Path, bytes], tmp_path: Path
) -> None:
    archive, sound = exported
    home = tmp_path / "home-b"
    result = prepcoach("import", str(archive), "--email", "ann@new.example", env=child_env(home))
    assert result.returncode == 0, result.stderr
    assert "Imported" in result.stdout
    assert "prepcoach manage changepassword ann@new.example" in result.stdout
    with sqlite3.connect(home / "prepcoach.sqlite3") as db:
        (user_id,) = db.execute(
            "select id from accounts_user where email='ann@new.example'"
        ).fetchone()
        assert db.execute("select text from goals_goal where user_id=?", (user_id,)).fetchall() == [
            ("Run 3 mock interviews by Friday",)
        ]
        assert db.execute(
            "select name from accounts_profile where user_id=?", (user_id,)
        ).fetchone() == ("Ann",)
        (name,) = db.execute("select recording from practice_attempt").fetchone()
    assert (home / "media" / name).read_bytes() == sound

    again = prepcoach("import", str(archive), "--email", "ann@new.example", env=child_env(home))
    assert "already holds data" in one_line_error(again)


def test_bad_input_is_one_line_and_changes_nothing(
    exported: tuple[Path, bytes], tmp_path: Path
) -> None:
    archive, _ = exported
    home = tmp_path / "home-c"
    env = child_env(home)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(archive.read_bytes()[:-100])
    assert "nothing was imported" in one_line_error(
        prepcoach("import", str(broken), "--email", "ann@new.example", env=env)
    )
    with sqlite3.connect(home / "prepcoach.sqlite3") as db:
        assert db.execute("select count(*) from accounts_user").fetchone() == (0,)
    assert "is not a file" in one_line_error(
        prepcoach("import", str(tmp_path / "nothing.zip"), "--email", "a@b.c", env=env)
    )
    assert "no account has the e-mail" in one_line_error(
        prepcoach(
            "export", "--email", "nobody@example.com", "--out", str(tmp_path / "x.zip"), env=env
        )
    )
    assert "already exists" in one_line_error(
        prepcoach("export", "--email", "ann@example.com", "--out", str(archive), env=env)
    )
