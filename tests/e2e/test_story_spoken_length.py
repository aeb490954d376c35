"""A story's parts show how long they take to say as they are typed (issue 12, class 8), in
Chromium: an Action of 1,100 words (7 minutes spoken) was saved without remark."""

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_spoken_length_shows_as_the_user_types(page: Page, alice: User) -> None:
    log_in(page, alice)
    page.goto("/grow/stories/new/")
    situation = page.get_by_label("Situation")
    situation.press_sequentially("Our weekly reports were late.", delay=5)
    expect(page.locator("#id_situation_spoken")).to_have_text("5 words, about 2 seconds spoken")
    total = page.locator("[data-spoken-total]")
    expect(total).to_have_text("The whole story, told aloud: about 2 seconds.")
    page.get_by_label("Action").fill("I checked each report myself. " * 220)
    page.get_by_label("Action").press("End")  # typing on fires input as a person would
    page.get_by_label("Action").press_sequentially(" Done.", delay=5)
    expect(page.locator("#id_action_spoken")).to_have_text("1,101 words, about 7 minutes spoken")
    expect(total).to_contain_text("told aloud: about 7 minutes.")
    expect(total).to_contain_text("An interview answer is best told in 1 to 3 minutes")
    expect(total).to_have_class("spoken-total warn-text")
    # Screen readers hear it with the box.
    described = page.get_by_label("Action").get_attribute("aria-describedby") or ""
    assert "id_action_spoken" in described
