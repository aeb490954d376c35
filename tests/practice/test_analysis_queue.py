"""The analysis queue as Alice meets it: a limit on her answers waiting, said on the page and
in the API (the CLI's words: tests/cli/test_reanalyse_cli.py), and an answer whose worker died
shown as "restarting", which she may analyse again.

Tasks go to the database here (not run at once), so answers stay queued as on a busy server.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.conf import settings as site_settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from prepcoach.accounts.models import AccessToken, User
from prepcoach.ops.models import WorkerHeartbeat
from prepcoach.ops.recovery import recover_orphans
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import AnalysisQueueFullError, queue_analysis
from tests.practice.conftest import tone_wav

ANSWER = "I led the migration, cut the report time by 40% and trained two analysts."
WAIT_S = 120  # generous: each admission waits for the other only to count
LIMIT_WORDS = "You already have 2 answers waiting for analysis"


@pytest.fixture
def busy_server(settings: Any) -> None:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": site_settings.TASK_QUEUES,
        }
    }
    settings.ANALYSES_QUEUED_PER_USER = 2


def answer(client: Client, question: Question) -> Any:
    url = reverse("practice:typed_create", args=[question.pk])
    return client.post(url, {"text": ANSWER}, follow=True)


def test_over_the_limit_the_answer_is_saved_and_the_page_says_why(
    busy_server: None, alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    assert LIMIT_WORDS not in answer(alice_client, question).text
    assert LIMIT_WORDS not in answer(alice_client, question).text
    third = answer(alice_client, question)
    assert LIMIT_WORDS in third.text
    assert "This answer is saved" in third.text
    statuses = sorted(Attempt.objects.filter(user=alice).values_list("status", flat=True))
    assert statuses == ["queued", "queued", "saved"]  # nothing lost
    # Bob's answers are his own count.
    bob_client = Client()
    bob_client.force_login(bob)
    assert LIMIT_WORDS not in answer(bob_client, question).text
    # "Analyse again" on the saved one says the same until one of hers is done.
    saved = Attempt.objects.get(user=alice, status="saved")
    again = alice_client.post(
        reverse("practice:attempt_reanalyse", args=[saved.pk]), follow=True
    ).text
    assert LIMIT_WORDS in again
    first = Attempt.objects.filter(user=alice, status="queued").order_by("pk")[:1]
    Attempt.objects.filter(pk__in=list(first.values_list("pk", flat=True))).update(
        status="analysed"
    )
    alice_client.post(reverse("practice:attempt_reanalyse", args=[saved.pk]))
    saved.refresh_from_db()
    assert saved.status == "queued"


def test_the_api_refuses_over_the_limit_with_the_same_words(
    busy_server: None, client: Client, alice: User, question: Question
) -> None:
    _, secret = AccessToken.issue(alice, "script")
    auth = {"Authorization": f"Bearer {secret}"}
    answers = [
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="saved")
        for _ in range(3)
    ]
    for attempt in answers[:2]:
        response = client.post(f"/api/attempts/{attempt.pk}/analyse", headers=auth)
        assert response.status_code == 202
        assert response.json()["analysis_state"] == "queued"
    refused = client.post(f"/api/attempts/{answers[2].pk}/analyse", headers=auth)
    assert refused.status_code == 429
    assert LIMIT_WORDS in refused.json()["detail"]
    assert Attempt.objects.get(pk=answers[2].pk).status == "saved"
    twice = client.post(f"/api/attempts/{answers[0].pk}/analyse", headers=auth)
    assert twice.status_code == 409


def test_an_answer_whose_worker_died_shows_restarting_and_may_be_analysed_again(
    busy_server: None, alice_client: Client, alice: User, question: Question
) -> None:
    attempt = queue_analysis(
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="saved")
    )
    # A worker took it and died long ago (no heartbeat): its row says running, the answer
    # says analysing.
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=attempt.task_id).update(
        status="RUNNING", started_at=long_ago, worker_ids=["gone-123"]
    )
    # A quiet piece's step on the same worker was in its pass, and died with it.
    Attempt.objects.filter(pk=attempt.pk).update(
        status="analysing", analysis_started_at=long_ago, stream_started_at=timezone.now()
    )
    # Before any live worker's beat has queued it again, the page already says so.
    panel = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert "Restarting: the worker reading this answer stopped" in panel

    assert recover_orphans() == [attempt.task_id]
    attempt.refresh_from_db()
    assert attempt.status == "queued"
    assert attempt.stream_started_at is None  # the analysis again waits for no dead step
    panel = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert "Restarting: the worker reading this answer stopped" in panel
    assert 'hx-trigger="load, push-retry"' in panel  # still watching for the report
    assert reverse("practice:attempt_reanalyse", args=[attempt.pk]) in panel
    _, secret = AccessToken.issue(alice, "script")
    api = alice_client.get(f"/api/attempts/{attempt.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.json()["analysis_state"] == "restarting"

    again = alice_client.post(reverse("practice:attempt_reanalyse", args=[attempt.pk]), follow=True)
    assert "Analysing again." in again.text
    attempt.refresh_from_db()
    assert attempt.status == "queued"
    assert DBTaskResult.objects.get(pk=attempt.task_id).worker_ids == []  # a fresh task


def test_an_answer_whose_worker_is_alive_is_analysing(
    busy_server: None, alice_client: Client, alice: User
) -> None:
    attempt = queue_analysis(
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="saved")
    )
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    WorkerHeartbeat.objects.create(
        worker_id="alive-1", hostname="here", pid=1, started_at=long_ago, last_seen=timezone.now()
    )
    DBTaskResult.objects.filter(pk=attempt.task_id).update(
        status="RUNNING", started_at=long_ago, worker_ids=["alive-1"]
    )
    Attempt.objects.filter(pk=attempt.pk).update(status="analysing")
    panel = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert "Analysing…" in panel
    assert "Restarting" not in panel
    assert recover_orphans() == []
    refused = alice_client.post(
        reverse("practice:attempt_reanalyse", args=[attempt.pk]), follow=True
    ).text
    assert "already being analysed" in refused


def test_a_task_that_loses_its_worker_every_time_fails_with_the_reason_and_keeps_the_answer(
    busy_server: None, alice_client: Client, alice: User
) -> None:
    attempt = queue_analysis(
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="saved")
    )
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=attempt.task_id).update(
        status="RUNNING", started_at=long_ago, worker_ids=["a-1", "b-2", "c-3"]
    )
    Attempt.objects.filter(pk=attempt.pk).update(status="analysing")
    recover_orphans()
    attempt.refresh_from_db()
    assert attempt.status == "failed"
    assert "the worker reading it stopped" in attempt.failure
    assert attempt.text == ANSWER
    assert DBTaskResult.objects.get(pk=attempt.task_id).status == "FAILED"


def test_a_recording_over_the_limit_is_kept_and_the_recorder_is_told_why(
    busy_server: None, alice_client: Client, alice: User, question: Question, settings: Any,
    tmp_path: Any,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    for _ in range(2):
        answer(alice_client, question)
    started = alice_client.post(reverse("practice:recording_start", args=[question.pk])).json()
    alice_client.post(
        f"{started['chunk_url']}/0/", tone_wav(1.0), content_type="application/octet-stream"
    )
    done = alice_client.post(started["finalise_url"])
    assert done.status_code == 200
    assert done.json()["status"] == "saved"
    assert LIMIT_WORDS in done.json()["message"]
    recorded = Attempt.objects.get(user=alice, status="saved")
    assert recorded.recording  # the recording is kept, to be analysed later
    page = alice_client.get(done.json()["url"]).text
    assert LIMIT_WORDS in page  # said again on the answer's page the recorder opens


@pytest.mark.django_db(transaction=True)
def test_two_answers_queued_at_once_for_the_last_place_admit_one(
    busy_server: None, alice: User
) -> None:
    """Alice has one answer waiting of her two; two more are queued at the same moment, each on
    its own connection. Each admission waits, before it marks its answer queued, until the
    other has counted her waiting answers (or is waiting for the lock that keeps it from
    counting): without that lock both would count one and both would be queued."""
    Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="queued")
    pair = [
        Attempt.objects.create(user=alice, question_text="Tell me", text=ANSWER, status="saved")
        for _ in range(2)
    ]
    counted = [threading.Event(), threading.Event()]  # or about to wait for the lock
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def admit(me: int) -> None:
        def hook(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            statement = sql.lstrip().upper()
            if statement.startswith("BEGIN") or "FOR UPDATE" in statement:
                counted[me].set()  # the next step may wait for the other admission
            elif (
                statement.startswith("UPDATE")
                and '"PRACTICE_ATTEMPT"' in statement
                and not counted[1 - me].wait(timeout=WAIT_S)
            ):
                raise AssertionError("the other admission never counted")
            result = execute(sql, params, many, context)
            if "COUNT(" in statement:
                counted[me].set()
            return result

        try:
            with connection.execute_wrapper(hook):
                queue_analysis(Attempt.objects.get(pk=pair[me].pk))
            outcomes.append("queued")
        except AnalysisQueueFullError:
            outcomes.append("refused")
        except BaseException as error:  # reported by the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=admit, args=(me,)) for me in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == ["queued", "refused"]
    busy = Attempt.objects.filter(user=alice, status__in=["queued", "analysing"])
    assert busy.count() == 2  # her limit, not one over
    assert sorted(Attempt.objects.filter(pk__in=[a.pk for a in pair]).values_list(
        "status", flat=True
    )) == ["queued", "saved"]  # fmt: skip
