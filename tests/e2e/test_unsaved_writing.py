"""Writing not yet saved is not lost by accident (issue 12, class 8), in Chromium: leaving a
page whose story, reflection, typed answer, notes or goal holds unsaved words asks first;
saving, or leaving with nothing changed, asks nothing."""

import re

import pytest
from playwright.sync_api import Dialog, Page, expect

from prepcoach.accounts.models import User
from prepcoach.reflection.models import Story
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_leaving_a_story_half_written_asks_first(page: Page, alice: User) -> None:
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # "Stay on this page"

    page.on("dialog", stay)
    log_in(page, alice)
    page.goto("/grow/stories/new/")
    page.get_by_role("link", name="Plan", exact=True).click()  # nothing typed: no question
    expect(page).to_have_url(re.compile(r"/plan/$"))
    assert asked == []

    page.goto("/grow/stories/new/")
    page.get_by_label("Title").fill("The late reports")
    page.get_by_label("Action").press_sequentially("I built a checklist.", delay=5)
    page.get_by_role("link", name="Plan", exact=True).click(no_wait_after=True)
    expect(page.get_by_label("Action")).to_have_value("I built a checklist.")  # still here
    assert asked == ["beforeunload"]
    assert page.url.endswith("/grow/stories/new/")

    page.get_by_role("button", name="Save story").click()  # saving is not leaving
    expect(page.get_by_role("status").first).to_contain_text("Story saved.")
    assert asked == ["beforeunload"]
    assert Story.objects.get(user=alice).action == "I built a checklist."


def test_a_typed_answer_half_written_asks_first(page: Page, alice: User) -> None:
    from prepcoach.practice.models import Question

    question = Question.objects.create(
        owner=alice, text="Why this company?", category="motivation", competency="motivation"
    )
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    log_in(page, alice)
    page.goto(f"/improve/questions/{question.pk}/")
    page.get_by_role("textbox", name="Your answer").press_sequentially("In my last job", delay=5)
    page.get_by_role("link", name="Plan", exact=True).click(no_wait_after=True)
    expect(page.get_by_role("textbox", name="Your answer")).to_have_value("In my last job")
    assert asked == ["beforeunload"]
