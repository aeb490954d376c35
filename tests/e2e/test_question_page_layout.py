"""A question's page in Chromium, at a phone's width and a laptop's: a new user's trial (trial
307) found "Add to drills" sitting directly on the "Practising for" label, with no gap, at
390 px (and at 1280 px as well).

- alice: practises a question of her own for her Data analyst job at Acme."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
  const drills = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Add to drills');
  const label = document.querySelector('label[for="practising-for"]');
  return {
    drills: drills.getBoundingClientRect().bottom, label: label.getBoundingClientRect().top,
    scroll: document.documentElement.scrollWidth,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_add_to_drills_stands_apart_from_practising_for(
    page: Page, alice: User, width: int
) -> None:
    Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    question = Question.objects.create(
        owner=alice, text="Tell me about a time priorities changed suddenly and you had to adjust."
    )
    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, alice)
    page.goto(f"/improve/questions/{question.pk}/")
    found = page.evaluate(MEASURE)
    assert found["scroll"] <= width
    assert found["label"] - found["drills"] >= 12, found
