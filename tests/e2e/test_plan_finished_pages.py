"""The plan's finished goals a page at a time, in Chromium on a phone (issue 15, item 5): the
pager's links fit 390 px and lead from the latest finished goals to the earlier ones and back."""

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in
from tests.goals.grown import finish

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_finished_goals_pages_fit_a_phone(page: Page, alice: User) -> None:
    finish(alice, 12)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, alice)
    page.goto("/plan/")
    pager = page.get_by_role("navigation", name="Finished goals, by page")
    expect(pager).to_contain_text("Page 1 of 3, latest first")
    expect(page.locator("#finished .goal-card")).to_have_count(5)
    for number in (2, 3):
        pager.get_by_role("link", name="Earlier ones").click()
        expect(pager).to_contain_text(f"Page {number} of 3, latest first")
        assert int(page.evaluate("document.documentElement.scrollWidth")) <= 390
    expect(page.locator("#finished .goal-card")).to_have_count(2)
    expect(page.locator("#finished")).to_contain_text("Finished goal number 0")
    pager.get_by_role("link", name="Later ones").click()
    expect(pager).to_contain_text("Page 2 of 3, latest first")
