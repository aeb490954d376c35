"""A mock's question answered again after its answer failed, in a real browser: the failed
answer's card says "Answer again", whether the page was reloaded after the failure or the card
was pushed to a page drawn while the answer was read, and the answer given again is saved in
the mock beside the failed one, each told apart on the summary.

- alice: her recording of question 1 came to nothing (the recorder said "No recording arrived…"
  and offered Retake) and she reloaded the page instead; a tester found no way to answer the
  question again. Then her answer to question 2 fails while its page waits for it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.practice import push
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTIONS = ["Tell me about a time you led a project.", "Why do you want this role?"]
NOTHING_ARRIVED = (
    "No recording arrived for this answer: check that the microphone works (the level meter "
    "moves) and record it again, or type your answer."
)
ANSWER = (
    "Our release kept slipping, so I took on the plan. I split the work into weekly goals "
    "and met the team each Monday. We shipped on time and cut defects by 30 percent."
)
SHOTS = Path("/tmp/prepcoach-shots")  # noqa: S108 (a look at the pages, kept for a person)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"mock-answer-again-{name}.png"), full_page=True)


def held_by_the_browser() -> None:
    """Until the page's request for the card is waiting on the server."""
    give_up = time.monotonic() + 60
    while push.WAITS.held == 0:
        assert time.monotonic() < give_up, "the page never asked for the card"
        time.sleep(0.02)


def test_alice_answers_again_after_a_reload_and_after_a_failure_pushed_to_the_page(
    page: Page, alice: User
) -> None:
    questions = [Question.objects.create(owner=alice, text=text) for text in QUESTIONS]
    session = MockSession.objects.create(
        user=alice, question_ids=[q.pk for q in questions], question_texts=QUESTIONS, speak=False
    )
    failed = Attempt.objects.create(
        user=alice, question=questions[0], question_text=QUESTIONS[0], session=session,
        mode=Attempt.Mode.MOCK, status=Attempt.Status.FAILED, failure=NOTHING_ARRIVED,
    )  # fmt: skip
    log_in(page, alice)

    # The reload: the failed answer is shown, with the way to answer again.
    page.goto(f"/improve/mock/{session.pk}/1/")
    expect(page.get_by_text(NOTHING_ARRIVED)).to_be_visible()
    expect(page.get_by_text("Follow-up", exact=True)).to_have_count(0)
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    shot(page, "reloaded")
    page.get_by_role("link", name="Answer again").click()
    expect(page.get_by_role("heading", name="Answer it again")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Record")).to_be_enabled()
    page.get_by_role("textbox", name="Your answer").fill(ANSWER)
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_text("Answer saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="How your answer went")).to_have_count(2)
    expect(page.get_by_role("link", name="Answer again")).to_have_count(0)
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")
    again = Attempt.objects.filter(session=session).exclude(pk=failed.pk).get()
    assert again.text == ANSWER
    shot(page, "answered")

    # Question 2: the page waits for the answer, which the worker then fails.
    waiting = Attempt.objects.create(
        user=alice, question=questions[1], question_text=QUESTIONS[1], session=session,
        mode=Attempt.Mode.MOCK, status=Attempt.Status.QUEUED, media_type="audio/webm",
    )  # fmt: skip
    page.goto(f"/improve/mock/{session.pk}/2/")
    expect(page.get_by_text("Reading your answer")).to_be_visible()
    expect(page.get_by_role("heading", name="Follow-up")).to_be_visible()  # asked meanwhile
    held_by_the_browser()
    reason = "The speech engine stopped: analyse it again later, or answer again."
    Attempt.objects.filter(pk=waiting.pk).update(status=Attempt.Status.FAILED, failure=reason)
    expect(page.get_by_text(reason)).to_be_visible()
    # The follow-up asked of it while it was read is withdrawn with its forms: no follow-up is
    # answered of an answer nothing of which was read (they stayed, a review found).
    expect(page.get_by_text("The follow-up is withdrawn")).to_be_visible()
    expect(page.get_by_role("heading", name="Follow-up")).to_have_count(0)
    expect(page.locator("input[name=follow_up_to]")).to_have_count(0)
    expect(page.locator("[data-recorder]")).to_have_count(0)
    shot(page, "follow-up-withdrawn")
    # The page was drawn while the answer was read: the question's own forms are not on it.
    expect(page.get_by_role("heading", name="Answer it again")).to_have_count(0)
    page.get_by_role("link", name="Answer again").click()
    expect(page.get_by_role("heading", name="Answer it again")).to_be_visible()
    expect(page.get_by_role("button", name="Save answer")).to_have_count(1)  # the question's
    expect(page.get_by_text("Follow-up", exact=True)).to_have_count(0)
    shot(page, "pushed-then-opened")

    # The summary: every answer kept, each link saying what it is.
    page.goto(f"/improve/mock/{session.pk}/")
    expect(page.get_by_role("link", name="Answer it again")).to_have_count(1)  # question 2's
    # Question 1's recording, nothing of which arrived, says so; question 2's arrived.
    expect(page.get_by_role("link", name="recording (nothing arrived)")).to_have_count(1)
    expect(page.get_by_role("link", name="recorded answer")).to_have_count(1)
    expect(
        page.get_by_role("link", name=f"typed answer, {len(ANSWER.split())} words")
    ).to_be_visible()
    shot(page, "summary")
