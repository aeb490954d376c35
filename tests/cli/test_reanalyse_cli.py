"""`prepcoach reanalyse`: a user's answers queued again through the same per-person limit as
the pages, run as a real process on the suite's database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.support import child_env, database_url

ANSWER = "I led the migration, cut the report time by 40% and trained two analysts."


def reanalyse(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = child_env(tmp_path, DATABASE_URL=database_url(), ANALYSES_QUEUED_PER_USER="2")
    return subprocess.run(
        [sys.executable, "-m", "prepcoach", "reanalyse", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_failed_answers_are_queued_up_to_the_limit_and_the_rest_is_named(
    transactional_db: None, tmp_path: Path, alice: User, bob: User
) -> None:
    failed = [
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="failed")
        for _ in range(3)
    ]
    Attempt.objects.create(user=bob, question_text="Tell me", text=ANSWER, status="failed")

    result = reanalyse(tmp_path, "--email", "alice@example.com")
    assert result.returncode == 1, result.stderr
    assert "Queued 2 of 3 answers of alice@example.com for analysis." in result.stdout
    assert (
        f"Not queued ({failed[2].pk}): You already have 2 answers waiting for analysis"
        in result.stdout
    )
    statuses = [Attempt.objects.get(pk=a.pk).status for a in failed]
    assert statuses == ["queued", "queued", "failed"]  # kept, to be queued later
    assert DBTaskResult.objects.filter(queue_name="analysis").count() == 2
    assert Attempt.objects.get(user=bob).status == "failed"  # only hers


def test_an_unknown_answer_or_person_is_one_line(
    transactional_db: None, tmp_path: Path, alice: User
) -> None:
    result = reanalyse(tmp_path, "--email", "alice@example.com", "999999")
    assert result.returncode == 2
    assert "alice@example.com has no answer 999999." in result.stderr
    result = reanalyse(tmp_path, "--email", "nobody@example.com")
    assert "no account has the e-mail 'nobody@example.com'" in result.stderr
