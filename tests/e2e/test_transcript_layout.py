"""The transcript pages' layout in Chromium (issue 13 review): the paste box takes the page's
width as the other writing forms' boxes do, each question's box keeps its inner padding
inside the plain list, and the transcript pages and the readiness page fit a 390 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in
from tests.interviews.conftest import add_interview, add_transcript

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LAPTOP: ViewportSize = {"width": 1280, "height": 900}


def test_the_paste_box_takes_the_pages_width(page: Page, alice: User) -> None:
    page.set_viewport_size(LAPTOP)
    interview = add_interview(alice, hours=-3)
    log_in(page, alice)
    page.goto(f"/interviews/{interview.pk}/transcript/")
    box = page.get_by_label("Paste the transcript").bounding_box()
    assert box
    assert box["width"] >= 600, box  # not a 28rem column


def test_each_question_box_keeps_its_padding(page: Page, alice: User) -> None:
    page.set_viewport_size(LAPTOP)
    saved = add_transcript(add_interview(alice, hours=-3))
    log_in(page, alice)
    page.goto(f"/interviews/transcripts/{saved.pk}/")
    card = page.locator("#pair-0 .card")
    padding = card.evaluate(
        "e => ['Left', 'Right', 'Top'].map(s => parseFloat(getComputedStyle(e)['padding' + s]))"
    )
    assert min(padding) >= 12, padding
    question = page.locator("#pair-0 strong").first.bounding_box()
    outer = card.bounding_box()
    assert question
    assert outer
    assert question["x"] - outer["x"] >= 12


def test_the_transcript_pages_and_readiness_fit_a_phone(page: Page, alice: User) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    earlier = add_interview(alice, hours=-30)
    saved = add_transcript(earlier)
    upcoming = add_interview(alice, earlier.opportunity, hours=50)
    log_in(page, alice)
    for url in (
        f"/interviews/{earlier.pk}/transcript/",
        f"/interviews/transcripts/{saved.pk}/",
        f"/ready/{upcoming.pk}/",
    ):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
