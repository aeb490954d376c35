"""A tip's "What prepcoach found" in Chromium: closed, it shows nothing of what it found; open,
the measure and its quotes. A new user's trial (trial 307) saw the arrow closed and three
quotes under it anyway, while the closed part held "Hedges: 7".

- alice: a typed answer with seven hedges, three of them quoted."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt
from tests.e2e.conftest import log_in
from tests.practice.test_report_tip_found import ANSWER, HEDGES, QUESTION

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("width", [390, 1280])
def test_a_closed_tip_shows_no_quotes_and_an_open_one_shows_them(
    page: Page, alice: User, width: int
) -> None:
    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    analysis["tips"] = [HEDGES]
    attempt = Attempt.objects.create(
        user=alice, question_text=QUESTION, status="analysed", analysis=analysis
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    tip = page.locator("section.tips li").first
    found = tip.locator("details")
    quote = tip.get_by_text("“maybe”")
    assert found.evaluate("d => !d.open")
    expect(quote).to_be_hidden()  # the trial saw it under the closed arrow
    tip.get_by_text("What prepcoach found").click()
    expect(found).to_contain_text("Hedges: 7")
    expect(quote).to_be_visible()
    # Shown under the measure it backs, inside the part that opened.
    assert found.evaluate("(d, q) => d.contains(q)", quote.element_handle())
