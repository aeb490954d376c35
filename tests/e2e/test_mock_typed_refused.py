"""A typed answer refused in a mock interview, in a real browser: it comes back inside the mock
with what was typed, and the next one is saved in the mock.

- alice: starts a two-question mock, saves "🙂🙂🙂" as her answer, then a real one. A tester's
  refusal landed on the question bank's page ("Practising for: No particular job"), the mock's
  header, timer and Skip gone, and the next answer was saved as free practice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.e2e.conftest import log_in, watched_page

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("sentence_model")]

ANSWER = (
    "Our release kept slipping, so I took on the plan. I split the work into weekly goals "
    "and met the team each Monday. We shipped on time and cut defects by 30 percent."
)


@pytest.fixture
def refusing_page(browser: Browser, live_server: object, settings: object) -> Iterator[Page]:
    """A watched tab that expects the browser's own line for the refused answer's 422; any
    other error is a fault."""
    with watched_page(browser, str(live_server), expected=lambda t: "status of 422" in t) as tab:
        yield tab


def test_a_refused_answer_comes_back_inside_the_mock(refusing_page: Page, alice: User) -> None:
    page = refusing_page
    # Her own questions: a browser test's database may have been emptied of the starter bank
    # by the transactional tests before it.
    for text in ("Tell me about a time you led a project.", "Why do you want this role?"):
        Question.objects.create(owner=alice, text=text, category="behavioral")
    log_in(page, alice)
    page.goto("/improve/mock/new/")
    page.get_by_label("Questions", exact=True).fill("2")
    page.get_by_label("Read the questions aloud").uncheck()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()
    mock = page.url

    box = page.get_by_role("textbox", name="Your answer")
    box.fill("🙂🙂🙂")
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_text("Type your answer in words, or record it.")).to_be_visible()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()  # still the mock's page
    expect(page.get_by_role("button", name="Skip this question")).to_be_visible()
    expect(page.get_by_role("button", name="Finish the interview")).to_be_visible()
    expect(page.locator("[data-timer]")).to_be_visible()
    expect(page.get_by_label("Practising for")).to_have_count(0)
    expect(page).to_have_url(mock)  # the mock's own address
    expect(box).to_have_value("🙂🙂🙂")  # what was typed, kept
    assert not Attempt.objects.filter(user=alice).exists()

    box.fill(ANSWER)
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_text("Answer saved.")).to_be_visible()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()
    assert re.fullmatch(r".*/improve/mock/\d+/1/", page.url)
    attempt = Attempt.objects.get(user=alice)
    assert attempt.session == MockSession.objects.get(user=alice)
    assert attempt.mode == Attempt.Mode.MOCK
