"""PostgreSQL restarted while the web process serves requests and a worker analyses an answer.

The database is a throwaway cluster this test starts itself (`tests.faults.Cluster`: Debian's
`initdb`/`pg_ctl` on a loopback port in a temporary folder), whatever database the rest of the
suite uses, so it can be stopped without disturbing anyone. `prepcoach serve` (the web process
and the worker it supervises) runs against it as separate programs. The cluster is stopped
(`pg_ctl -m fast`: every session ended, as a restart does) while the worker reads an answer,
kept down for a few seconds while a person's browser asks for pages, starts an answer and sends
a piece of one, then started again. During the outage every request gets a clear 503 naming
the database (a page, or JSON for the recorder), never a 500 or a traceback, and nothing it
asked for is half-written; afterwards the web process and the worker recover by themselves (no
restart by hand), the answer is analysed and the piece sent again is stored. The recovery
times are printed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.coach.speech.conftest import ANSWER, speak
from tests.faults import (
    Browser,
    Cluster,
    Programs,
    Recorder,
    queue_recorded,
    start_recording,
    wav_pieces,
)
from tests.support import child_env, free_port, wait_for

EMAIL = "dana@example.com"
PASSWORD = "a long enough password 42"
OUTAGE_S = 4.0
SETUP = f"""
from django.core.management import call_command
call_command("migrate", verbosity=0)
from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})
print("question", Question.objects.order_by("pk").first().pk)
"""


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    made = Cluster()
    try:
        made.create()
        made.create_database("prepcoach")
        yield made
    finally:
        made.destroy()


@pytest.fixture
def programs(tmp_path: Path, cluster: Cluster) -> Iterator[Programs]:
    def env(name: str) -> dict[str, str]:
        return child_env(
            tmp_path / "home", DATABASE_URL=cluster.url("prepcoach"),
            MEDIA_ROOT=str(tmp_path / "media"), WORKER_ANALYSES="1",
        )  # fmt: skip

    started = Programs(tmp_path, env)
    yield started
    started.stop_all()


def sql(cluster: Cluster, query: str, *args: Any) -> list[tuple[Any, ...]]:
    return cluster.sql("prepcoach", query, *args)


def attempt_status(cluster: Cluster, pk: int) -> str:
    return str(sql(cluster, "SELECT status FROM practice_attempt WHERE id = %s", pk)[0][0])


def test_postgresql_restarted_mid_request_gives_503s_then_recovers_by_itself(
    cluster: Cluster, programs: Programs, tmp_path: Path
) -> None:
    setup = programs.manage("setup", SETUP)
    question = int(setup.split("question", 1)[1].split()[0])
    port = free_port()
    programs.serve("web", port)  # with the worker it supervises
    browser = Browser(f"http://127.0.0.1:{port}")
    browser.log_in(EMAIL, PASSWORD)

    # A second answer is being recorded: its first piece is in, the next one comes mid-outage.
    pieces = wav_pieces(speak(ANSWER, tmp_path / "answer.wav").read_bytes())
    record = f"/improve/questions/{question}/record/"
    second = start_recording(browser, question).started
    Recorder(browser, second).send(0, pieces[0])

    # An answer the worker takes a few seconds to read: the database stops once it starts.
    reading = start_recording(browser, question)
    answer, recorder = reading.started, reading.recorder
    for index, piece in enumerate(pieces):
        recorder.send(index, piece)
    status, body, _ = browser.request(answer["finalise_url"], b"", {"Accept": "application/json"})
    assert status == 200, body
    wait_for(
        lambda: attempt_status(cluster, answer["id"]) in {"analysing", "analysed", "failed"},
        timeout=120, what="the worker to start reading the answer",
    )  # fmt: skip
    was = attempt_status(cluster, answer["id"])
    cluster.stop("fast")
    went = time.monotonic()
    pages: list[tuple[int, str]] = []
    while time.monotonic() - went < OUTAGE_S:
        status, answered, _ = browser.request("/")
        pages.append((status, answered.decode(errors="replace")))
        time.sleep(0.3)
    status, started_body, _ = browser.request(record, b"", {"Accept": "application/json"})
    assert status == 503, started_body
    assert "cannot reach its database" in json.loads(started_body)["error"]
    status, piece_body, _ = browser.request(f"{second['chunk_url']}/1/", pieces[1])
    assert status == 503, piece_body
    assert "cannot reach its database" in json.loads(piece_body)["error"]
    assert {status for status, _ in pages} == {503}, [s for s, _ in pages]
    for _, shown in pages:
        assert "prepcoach cannot reach its database just now" in shown
        assert "Traceback" not in shown
    assert browser.request("/healthz")[0] == 503

    cluster.start()
    back = time.monotonic()
    wait_for(lambda: browser.request("/")[0] == 200, timeout=60, what="the pages to come back")
    pages_back = time.monotonic() - back
    again = Recorder(browser, second).send(1, pieces[1])  # the browser sends it again
    assert again.statuses == [201]
    done = wait_for(
        lambda: attempt_status(cluster, answer["id"]) in {"analysed", "failed"},
        timeout=180, what="the answer to be analysed after the restart",
    )  # fmt: skip
    analysed_back = time.monotonic() - back
    assert done
    assert attempt_status(cluster, answer["id"]) == "analysed"
    ((analysis, runs),) = sql(
        cluster,
        "SELECT a.analysis, t.worker_ids FROM practice_attempt a "
        "JOIN django_tasks_database_dbtaskresult t ON t.id::text = a.task_id WHERE a.id = %s",
        answer["id"],
    )
    assert "reports" in analysis["transcript"]
    # Nothing half-written: the answer refused mid-outage was never created, the piece refused
    # then is stored once, after.
    assert sql(cluster, "SELECT count(*) FROM practice_attempt")[0][0] == 2
    ((chunks,),) = sql(
        cluster, "SELECT chunks_received FROM practice_attempt WHERE id = %s", second["id"]
    )
    assert chunks == 2
    wait_for(lambda: browser.request("/healthz")[0] == 200, timeout=60, what="a healthy worker")
    # The worker rode the outage out: never stopped (serve would say it restarted it), its
    # lanes waited for the database and took tasks again.
    log = programs.log("web")
    assert "the worker stopped" not in log
    assert "the database answers again; taking tasks again" in log
    print(
        f"PostgreSQL down {back - went:.1f} s ({len(pages)} page requests answered 503); pages "
        f"served again {pages_back:.1f} s after it was back; the answer the worker was reading "
        f"({was} when it stopped, read {len(runs)} time(s)) analysed {analysed_back:.1f} s "
        "after it was back"
    )


def test_an_answer_a_worker_is_reading_when_postgresql_restarts_ends_analysed(
    cluster: Cluster, programs: Programs, tmp_path: Path
) -> None:
    """The worker, a program of its own, is reading an answer when the cluster stops: the
    reading goes on without the database, the lane waits for it, hands the task it holds back
    to the queue and reads it again; the answer ends analysed and no task is left RUNNING."""
    setup = programs.manage("setup", SETUP)
    assert "question" in setup
    # Long enough (about 24 s of speech) that the worker is still reading it when the cluster
    # stops, a tenth of a second after the answer leaves the queue (the test asserts it was).
    # It is read twice (before the restart and after), so a longer one only makes the run
    # longer: three times the answer took 86 s of CI's PostgreSQL run.
    media = tmp_path / "media" / "recordings"
    media.mkdir(parents=True)
    speak(" ".join([ANSWER] * 2), media / "long.wav")
    programs.start("worker", ["worker", "--interval", "0.2"])
    queued = programs.manage("queue", queue_recorded(EMAIL, "recordings/long.wav"))
    pk = int(queued.split("attempt", 1)[1].split()[0])
    wait_for(
        lambda: attempt_status(cluster, pk) != "queued",
        timeout=180, what="the worker to start reading the answer",
    )  # fmt: skip
    was = attempt_status(cluster, pk)
    cluster.stop("fast")
    went = time.monotonic()
    assert was == "analysing"
    time.sleep(OUTAGE_S)
    cluster.start()
    back = time.monotonic()

    done = wait_for(
        lambda: attempt_status(cluster, pk) in {"analysed", "failed"},
        timeout=300, what="the answer to be analysed after the restart",
    )  # fmt: skip
    analysed_back = time.monotonic() - back
    assert done
    ((status, analysis, failure, task_id),) = sql(
        cluster, "SELECT status, analysis, failure, task_id FROM practice_attempt WHERE id = %s", pk
    )
    assert status == "analysed", failure
    assert "reports" in analysis["transcript"]
    # The worker marks the task done after the answer's own update: nothing stays RUNNING.
    wait_for(
        lambda: not sql(
            cluster, "SELECT id FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        ),
        timeout=60, what="no task left running",
    )  # fmt: skip
    ((task_status, runs),) = sql(
        cluster,
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE id::text = %s",
        task_id,
    )
    assert task_status == "SUCCESSFUL"
    assert len(runs) >= 2, runs  # handed back when the database went, and taken again
    log = programs.log("worker")
    assert "the database answers again; taking tasks again" in log
    print(
        f"PostgreSQL down {back - went:.1f} s while the worker read an answer ({was}): the "
        f"answer analysed {analysed_back:.1f} s after it was back (taken {len(runs)} time(s))"
    )
