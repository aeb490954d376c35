"""The panels watching an answer (its page's status panel, a mock answer's short report) are told
of a change by a long poll (practice/push.py): answered at once when the answer already changed,
as soon as it changes during the wait, with the same panel when the wait ends at its bound, at
once with a slower re-ask when every wait is taken, never for another person, and no longer
once the page has watched for half an hour.

Personas: Alice, whose answer is being read; Bob, another user who must learn nothing of it."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.push import PushSettings
from prepcoach.practice import push
from prepcoach.practice.models import Attempt, MockSession, Question

ANALYSED: dict[str, Any] = {"version": 1, "content": None, "note": "Read by the worker."}
PANELS = ["practice:attempt_status", "practice:mock_answer"]


def browser_of(person: User, multithread: bool = True) -> Client:
    """`person`'s browser against a server with many threads per process, which may hold a
    request while the others serve the rest (waitress and gunicorn's gthread say so in
    wsgi.multithread), or with one (`multithread` False, as gunicorn's sync worker says; Django's
    test client says False unless told)."""
    client = Client()
    environ: dict[str, Any] = client.defaults  # the WSGI environ: wsgi.multithread is a bool
    environ["wsgi.multithread"] = multithread
    client.force_login(person)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return browser_of(alice)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits of half a second, so a wait that ends at its bound ends soon."""
    monkeypatch.setattr(push, "SETTINGS", PushSettings(hold_s=0.5, tick_s=0.05))


@pytest.fixture
def long_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits of two minutes: only a change ends one early."""
    monkeypatch.setattr(push, "SETTINGS", PushSettings(hold_s=120, tick_s=0.05))


def queued(user: User, question: Question) -> Attempt:
    session = MockSession.objects.create(user=user, question_ids=[question.pk])
    return Attempt.objects.create(
        user=user, question=question, question_text=question.text, text="I fixed the reports.",
        status=Attempt.Status.QUEUED, mode=Attempt.Mode.MOCK, session=session,
    )  # fmt: skip


def watched_url(client: Client, name: str, attempt: Attempt) -> str:
    """The address the panel asks next, as the page drew it."""
    first = client.get(reverse(name, args=[attempt.pk]))
    assert first["X-Wait"] == "now"  # a first look is answered at once
    found = re.search(r'hx-get="([^"]+)"', first.text)
    assert found is not None, first.text
    return found.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("name", PANELS)
def test_a_panel_that_saw_an_older_state_is_answered_at_once(
    long_waits: None, alice_client: Client, alice: User, question: Question, name: str
) -> None:
    attempt = queued(alice, question)
    url = watched_url(alice_client, name, attempt)
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.ANALYSED, analysis=ANALYSED)
    answer = alice_client.get(url)
    assert answer["X-Wait"] == "now"
    assert answer["Cache-Control"] == "no-store"
    assert "hx-get" not in answer.text  # nothing left to watch
    assert "Reading your answer" not in answer.text
    assert "Waiting for analysis" not in answer.text


@pytest.mark.parametrize("name", PANELS)
def test_the_change_is_sent_while_the_request_waits(
    long_waits: None, transactional_db: None, alice: User, name: str
) -> None:
    """The worker saves Alice's report while her panel's request is held: the request answers
    with it, before its two-minute bound."""
    own = Question.objects.create(owner=alice, text="Tell me about a late project.")
    attempt = queued(alice, own)
    client = browser_of(alice)
    url = watched_url(client, name, attempt)
    errors: list[BaseException] = []

    def worker_saves_the_report() -> None:
        try:
            give_up = time.monotonic() + 60  # the request never waited: the test fails
            while push.WAITS.held == 0 and time.monotonic() < give_up:
                time.sleep(0.01)
            Attempt.objects.filter(pk=attempt.pk).update(
                status=Attempt.Status.ANALYSED, analysis=ANALYSED
            )
        except BaseException as error:  # reported by the test's thread
            errors.append(error)
        finally:
            connection.close()

    worker = threading.Thread(target=worker_saves_the_report)
    worker.start()
    answer = client.get(url)
    worker.join()
    assert errors == []
    assert answer["X-Wait"] == "changed"
    assert "hx-get" not in answer.text
    assert push.WAITS.held == 0  # the wait was given back


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("practice:attempt_status", "Waiting for analysis"),
        ("practice:mock_answer", "Reading your answer"),
    ],
)
def test_a_wait_without_a_change_ends_at_its_bound_and_the_panel_asks_again_at_once(
    short_waits: None, alice_client: Client, alice: User, question: Question, name: str,
    shown: str,
) -> None:  # fmt: skip
    attempt = queued(alice, question)  # queued: not yet taken by a worker
    url = watched_url(alice_client, name, attempt)
    answer = alice_client.get(url)
    assert answer["X-Wait"] == "bound"
    again = re.search(r'hx-get="([^"]+)" hx-trigger="([^"]+)"', answer.text)
    assert again is not None
    assert again.group(1).replace("&amp;", "&") == url  # the same state seen, the same start
    assert again.group(2) == "load, push-retry"  # at once, no delay
    assert shown in answer.text  # the queued answer, drawn by this panel
    assert push.WAITS.held == 0


@pytest.mark.parametrize("name", PANELS)
def test_a_wait_looks_more_often_while_the_answer_is_being_analysed(
    alice_client: Client,
    alice: User,
    question: Question,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its report is due within seconds then, and is on screen up to a look after it is saved;
    a queued answer is looked at as before."""
    monkeypatch.setattr(
        push, "SETTINGS", PushSettings(hold_s=0.3, tick_s=0.1, analysing_tick_s=0.02)
    )
    asked: list[float] = []
    real_sleep = time.sleep
    me = threading.current_thread()  # the test client runs the view on this thread

    def sleep(seconds: float) -> None:
        if threading.current_thread() is me:  # another thread's sleep is not the wait's
            asked.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr(push.time, "sleep", sleep)
    attempt = queued(alice, question)
    assert alice_client.get(watched_url(alice_client, name, attempt))["X-Wait"] == "bound"
    assert max(asked) == pytest.approx(0.1)
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.ANALYSING)
    attempt.refresh_from_db()
    asked.clear()
    assert alice_client.get(watched_url(alice_client, name, attempt))["X-Wait"] == "bound"
    assert max(asked) == pytest.approx(0.02)


@pytest.mark.parametrize("name", PANELS)
def test_another_person_is_refused_and_holds_no_wait(
    long_waits: None, alice_client: Client, alice: User, bob: User, question: Question, name: str
) -> None:
    attempt = queued(alice, question)
    url = watched_url(alice_client, name, attempt)
    other = Client()
    other.force_login(bob)
    refused = other.get(url)
    assert refused.status_code == 404
    assert "X-Wait" not in refused
    assert question.text not in refused.text
    assert Client().get(url).status_code == 302  # signed out: to the log-in page


@pytest.mark.parametrize("name", PANELS)
def test_when_every_wait_is_taken_the_panel_is_answered_at_once_and_asks_again_in_2_s(
    long_waits: None,
    alice_client: Client,
    alice: User,
    bob: User,
    question: Question,
    name: str,
    settings: Any,
) -> None:
    settings.PUSH_WAITS = 2
    attempt = queued(alice, question)
    url = watched_url(alice_client, name, attempt)
    with push.WAITS.plan(bob.pk, True, 0), push.WAITS.plan(bob.pk, True, 0):  # both taken
        answer = alice_client.get(url)
    assert answer["X-Wait"] == "busy"
    assert 'hx-trigger="load delay:2s, push-retry"' in answer.text
    assert push.WAITS.held == 0


def test_one_person_holds_at_most_three_waits(
    long_waits: None, alice_client: Client, alice: User, question: Question, settings: Any
) -> None:
    settings.PUSH_WAITS = 50
    attempt = queued(alice, question)
    url = watched_url(alice_client, "practice:attempt_status", attempt)
    with (
        push.WAITS.plan(alice.pk, True, 0),
        push.WAITS.plan(alice.pk, True, 0),
        push.WAITS.plan(alice.pk, True, 0),
    ):
        assert alice_client.get(url)["X-Wait"] == "busy"


@pytest.mark.parametrize("name", PANELS)
def test_a_page_watching_for_half_an_hour_stops_and_offers_to_check_again(
    long_waits: None, alice_client: Client, alice: User, question: Question, name: str
) -> None:
    attempt = queued(alice, question)
    url = watched_url(alice_client, name, attempt)
    long_ago = int(time.time()) - 31 * 60
    answer = alice_client.get(re.sub(r"since=\d+", f"since={long_ago}", url))
    assert answer["X-Wait"] == "stopped"
    assert 'hx-trigger="load' not in answer.text  # it asks no more by itself
    assert "stopped checking after 30 minutes" in answer.text
    check = re.search(r'href="([^"]+)" hx-get="([^"]+)"[^>]*>Check again<', answer.text)
    assert check is not None
    assert check.group(1) == reverse("practice:attempt", args=[attempt.pk])  # without script
    resumed = alice_client.get(check.group(2))  # "Check again" starts watching anew
    assert resumed["X-Wait"] == "now"
    assert 'hx-trigger="load, push-retry"' in resumed.text


def test_a_start_time_in_the_future_counts_from_now(
    short_waits: None, alice_client: Client, alice: User, question: Question
) -> None:
    attempt = queued(alice, question)
    url = watched_url(alice_client, "practice:attempt_status", attempt)
    future = re.sub(r"since=\d+", f"since={int(time.time()) + 10**9}", url)
    answer = alice_client.get(future)
    assert answer["X-Wait"] == "bound"
    shown = re.search(r"since=(\d+)", answer.text)
    assert shown is not None
    assert int(shown.group(1)) <= int(time.time())


@pytest.mark.parametrize("name", PANELS)
def test_a_single_threaded_server_holds_no_wait_and_the_panel_asks_again_in_2_s(
    long_waits: None, alice: User, question: Question, name: str, settings: Any
) -> None:
    """Under gunicorn's sync worker (one thread, wsgi.multithread false, as Django's test client
    says too) a held request would hold up every other request of the process for 20 s."""
    settings.PUSH_WAITS = 4
    single = browser_of(alice, multithread=False)
    attempt = queued(alice, question)
    url = watched_url(single, name, attempt)
    answer = single.get(url)
    assert answer["X-Wait"] == "busy"
    assert 'hx-trigger="load delay:2s, push-retry"' in answer.text
    assert push.WAITS.held == 0
