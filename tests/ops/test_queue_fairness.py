"""Fairness by ordering, through django-tasks-db's own worker loop on the suite's database.

Each test queues work the way the pages do, then lets a worker lane take tasks one at a time
(`batch`, `max_tasks`) and looks at what ran first. Mail has a queue and a lane of its own; the
analyses of several people are queued in turns, so one person's backlog never keeps another
person's answer waiting behind it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as site_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import User
from prepcoach.ops.management.commands.run_worker import lanes
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import queue_analysis

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": site_settings.TASK_QUEUES}
}
ANSWER = "I led the migration, cut the report time by 40% and trained two analysts."


@pytest.fixture
def database_tasks(transactional_db: None, settings: Any) -> None:
    """Tasks stored in the database; real transactions, as the worker loop commits its own."""
    settings.TASKS = DATABASE_TASKS


def typed_answers(user: User, count: int) -> list[Attempt]:
    return [
        queue_analysis(Attempt.objects.create(user=user, question_text="Tell me", text=ANSWER))
        for _ in range(count)
    ]


def run(queues: list[str], tasks: int) -> None:
    Worker(
        queue_names=queues, interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=tasks, worker_id="test-lane", excluded_queue_names=[],
    ).run()  # fmt: skip


def test_a_mail_queued_after_50_analyses_of_another_user_is_sent_first(
    database_tasks: None, client: Client, alice: User, bob: User
) -> None:
    typed_answers(bob, 50)
    client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    mail_lane = next(queues for name, queues in lanes(1) if name == "mail")

    run(mail_lane, tasks=1)
    assert [m.subject for m in mail.outbox] == ["Reset your prepcoach password"]
    assert Attempt.objects.filter(user=bob, status="queued").count() == 50

    # Even a worker taking every queue in one lane (django-tasks-db's default) sends it first.
    mail.outbox.clear()
    client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    run(["*"], tasks=1)
    assert [m.subject for m in mail.outbox] == ["Reset your prepcoach password"]
    assert Attempt.objects.filter(user=bob, status="queued").count() == 50


def test_one_answer_is_read_before_another_users_backlog(
    database_tasks: None, alice: User, bob: User
) -> None:
    typed_answers(bob, 50)
    (mine,) = typed_answers(alice, 1)
    analysis_lane = next(queues for name, queues in lanes(1) if name.startswith("analysis"))

    run(analysis_lane, tasks=2)  # bob's first, queued earlier at the same turn, then alice's
    mine.refresh_from_db()
    assert mine.status == "analysed"
    assert Attempt.objects.filter(user=bob, status="analysed").count() == 1


def test_each_feed_is_a_task_of_its_own_in_the_feeds_queue(
    database_tasks: None, alice: User
) -> None:
    from prepcoach.reading.models import Feed
    from prepcoach.reading.tasks import fetch_feeds

    for n in range(3):
        Feed.objects.create(user=alice, url=f"http://127.0.0.1:9/{n}.xml")
    assert fetch_feeds.call() == 3
    assert fetch_feeds.call() == 0  # already waiting: not queued twice
    queued = DBTaskResult.objects.filter(task_path="prepcoach.reading.tasks.fetch_feed")
    assert sorted(row.args_kwargs["args"][0] for row in queued) == sorted(
        Feed.objects.values_list("pk", flat=True)
    )
    assert {row.queue_name for row in queued} == {"feeds"}
