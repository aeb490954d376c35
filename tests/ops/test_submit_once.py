"""A form sent twice is done once (issue 11, class 7): every form carries a submit key; a copy
of a request (a double-click, a resent form, a concurrent twin) gets the first response and
the work is not repeated; other values, or a later send, are a new request."""

import datetime as dt
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.ops.models import SubmittedRequest
from prepcoach.ops.submit_once import REPLAY_SECONDS
from prepcoach.reading.models import ReadingItem

LIST = "/grow/reading/"


def submit_key(page: str) -> str:
    found = re.search(r'name="submit_key" value="([0-9a-f]{32})"', page)
    assert found, "every form with a CSRF token carries a submit key"
    return found.group(1)


def item(key: str, title: str = "Designing Data-Intensive Applications") -> dict[str, str]:
    return {"title": title, "link": "", "kind": "book", "status": "to_read", "takeaways": "",
            "submit_key": key}  # fmt: skip


def test_every_form_gets_a_new_submit_key_on_every_page(alice_client: Client) -> None:
    assert reverse("reading:list") == LIST
    first, second = (submit_key(alice_client.get(LIST).text) for _ in range(2))
    assert first != second


def test_a_double_click_adds_one_item_and_both_get_the_same_answer(
    alice_client: Client, alice: User
) -> None:
    key = submit_key(alice_client.get(LIST).text)
    first = alice_client.post(LIST, item(key))
    again = alice_client.post(LIST, item(key))
    assert (first.status_code, again.status_code) == (302, 302)
    assert first["Location"] == again["Location"] == LIST
    assert ReadingItem.objects.filter(user=alice).count() == 1
    page = alice_client.get(LIST).text
    assert page.count("Designing Data-Intensive Applications") == 1


def test_other_values_or_a_later_send_are_new_requests(alice_client: Client, alice: User) -> None:
    key = submit_key(alice_client.get(LIST).text)
    alice_client.post(LIST, item(key))
    alice_client.post(LIST, item(key, "Another book"))  # same page, other words: done
    assert ReadingItem.objects.filter(user=alice).count() == 2
    SubmittedRequest.objects.update(
        created_at=timezone.now() - dt.timedelta(seconds=REPLAY_SECONDS + 1)
    )
    alice_client.post(LIST, item(key))  # sent again long after: the user means it
    assert ReadingItem.objects.filter(user=alice).count() == 3


def test_a_form_with_errors_is_answered_the_same_twice_and_saves_nothing(
    alice_client: Client, alice: User
) -> None:
    key = submit_key(alice_client.get(LIST).text)
    first = alice_client.post(LIST, item(key, ""))
    again = alice_client.post(LIST, item(key, ""))
    assert first.status_code == again.status_code == 200
    assert "What is it called?" in again.text
    assert not ReadingItem.objects.exists()


def test_another_person_with_the_same_key_is_not_given_alices_answer(
    alice_client: Client, alice: User, bob: User
) -> None:
    key = submit_key(alice_client.get(LIST).text)
    alice_client.post(LIST, item(key))
    bob_client = Client()
    bob_client.force_login(bob)
    bob_client.post(LIST, item(key))
    assert ReadingItem.objects.filter(user=bob).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_twins_add_one_item(alice: User) -> None:
    client = Client()
    client.force_login(alice)
    key = submit_key(client.get(LIST).text)
    start = threading.Barrier(2)
    answers: list[tuple[int, str]] = []

    def send() -> None:
        try:
            start.wait()
            response = client.post(LIST, item(key))
            answers.append((response.status_code, response["Location"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [(302, LIST), (302, LIST)]
    assert ReadingItem.objects.filter(user=alice).count() == 1


def test_an_api_call_sent_again_with_its_idempotency_key_happens_once(
    alice_client: Client, alice: User
) -> None:
    from prepcoach.goals.models import Goal, Step

    def send(path: str, body: str, key: str) -> tuple[int, bytes]:
        response = alice_client.post(
            path, body, content_type="application/json", headers={"Idempotency-Key": key}
        )
        return response.status_code, response.content

    body = '{"text": "Do 3 mock interviews by Friday"}'
    first = send("/api/goals", body, "create-goal-0001")
    assert first[0] == 201
    assert send("/api/goals", body, "create-goal-0001") == first  # a retry: the same answer
    goal = Goal.objects.get(user=alice)
    step = Step.objects.create(goal=goal, title="Book a mock", due_date=timezone.localdate())
    ticked = send(f"/api/steps/{step.pk}/done", "", "tick-step-0001")
    assert send(f"/api/steps/{step.pk}/done", "", "tick-step-0001") == ticked
    step.refresh_from_db()
    assert step.done_on is not None  # ticked once, not ticked and unticked
    assert send("/api/goals", body, "create-goal-0002")[0] == 201  # a new key: a new goal
    assert Goal.objects.filter(user=alice).count() == 2


def test_a_view_that_reads_the_body_still_can(alice_client: Client) -> None:
    """The guard reads a form post's fields; the JSON API, which reads the raw body, still
    answers a form-encoded post with its own 4xx, not a 500."""
    response = alice_client.post("/api/smart", {"text": "Do 3 mocks", "submit_key": "a" * 32})
    assert 400 <= response.status_code < 500


def test_a_double_click_on_log_in_leaves_the_browser_logged_in(alice: User) -> None:
    """A log-in's response carries the new session's cookie, which a replay would not: the
    browser shows the copy's response, so the copy logs in itself."""
    from django.contrib.auth import get_user

    from tests.conftest import PASSWORD

    first_tab = Client()
    page = first_tab.get(reverse("accounts:login")).text
    browser = Client()
    for name, morsel in first_tab.cookies.items():  # the same browser, whose first answer
        browser.cookies[name] = morsel.value  # is dropped when the second click is sent
    form = {"username": "alice@example.com", "password": PASSWORD, "submit_key": submit_key(page)}
    first_tab.post(reverse("accounts:login"), form)
    copy = browser.post(reverse("accounts:login"), form)
    assert copy.status_code == 302
    assert get_user(browser).pk == alice.pk
