"""The report reaches an open page by a push (issue 15, item 1): Chromium holds the panel's long
poll (practice/push.py) while Alice's answer waits, and shows the report from the answer to
that same request once the worker saves it, under the app's CSP (no inline script, no eval).
The answer page's status panel and a mock question's short report alike."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, expect

from prepcoach.accounts.models import User
from prepcoach.practice import push
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

READ: dict[str, Any] = {"version": 1, "content": None, "note": "Read by the worker just now."}


def held_by_the_browser() -> None:
    """Until the page's request is waiting on the server (the live server runs in this process)."""
    give_up = time.monotonic() + 60
    while push.WAITS.held == 0:
        assert time.monotonic() < give_up, "the page never asked for the report"
        time.sleep(0.02)


@pytest.mark.parametrize("where", ["answer page", "mock question"])
def test_the_report_is_pushed_to_the_open_page_when_the_worker_saves_it(
    page: Page, alice: User, where: str
) -> None:
    question = Question.objects.create(owner=alice, text="Tell me about a late project.")
    session = MockSession.objects.create(user=alice, question_ids=[question.pk])
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text="I fixed the reports.",
        status=Attempt.Status.QUEUED, mode=Attempt.Mode.MOCK, session=session,
    )  # fmt: skip
    waits: list[str] = []

    def remember(response: Response) -> None:
        if "seen=" in response.url:
            waits.append(response.headers.get("x-wait", ""))

    page.on("response", remember)
    log_in(page, alice)
    if where == "answer page":
        page.goto(f"/improve/attempts/{attempt.pk}/")
        expect(page.get_by_text("Waiting for analysis")).to_be_visible()
    else:
        page.goto(f"/improve/mock/{session.pk}/1/")
        expect(page.get_by_text("Reading your answer")).to_be_visible()
    held_by_the_browser()
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.ANALYSED, analysis=READ)
    if where == "answer page":
        expect(page.get_by_text("Read by the worker just now.")).to_be_visible()
        expect(page.get_by_text("Waiting for analysis")).to_have_count(0)
    else:
        expect(page.get_by_text("Reading your answer")).to_have_count(0)
        expect(page.get_by_text("Saved; it has not been read.")).to_be_visible()
    assert waits[-1] == "changed"  # the held request brought it, not a later one
    assert page.locator("[data-push]").count() == 0  # nothing left to watch


def test_a_panel_whose_answer_was_deleted_says_so_and_stops_asking(
    browser: Browser, live_server: object, alice: User
) -> None:
    """Alice deletes her answer in another tab while its page watches it: the held request is
    answered 404, which asking again will not change. The panel says the answer is gone and asks
    no more, even after two minutes of the page's timers (a failure that may pass, a 5xx or no
    answer, is asked again after 5, 10, 20, 40 s...)."""
    question = Question.objects.create(owner=alice, text="Tell me about a late project.")
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text="I fixed the reports.",
        status=Attempt.Status.QUEUED,
    )  # fmt: skip
    context = browser.new_context(base_url=str(live_server))
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []

    def remember(message: ConsoleMessage) -> None:
        # The browser logs the refused request (404) itself; anything else is a fault.
        if message.type == "error" and "404" not in message.text:
            errors.append(message.text)

    asked: list[str] = []
    page.on("console", remember)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request", lambda request: asked.append(request.url) if "seen=" in request.url else None
    )
    page.clock.install()  # the page's timers, run forward below instead of waited for
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    expect(page.get_by_text("Waiting for analysis")).to_be_visible()
    held_by_the_browser()
    Attempt.objects.filter(pk=attempt.pk).delete()
    expect(page.get_by_text("This answer is no longer available.")).to_be_visible()
    assert page.locator("[data-push]").count() == 0
    asked_before = len(asked)
    page.clock.run_for(120_000)
    page.evaluate("0")  # a round trip: any request the timers started has been reported
    assert len(asked) == asked_before, asked[asked_before:]
    context.close()
    assert errors == []
