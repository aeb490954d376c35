"""An answer's report in Chromium, at a phone's width and a laptop's: a look found the heading
"Your answer, as typed" touching the figure cards above it (4 px at 390 px) and "Analyse again"
touching the answer's last line."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_tips import PLAN, WOULD_DO
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
  const box = selector => document.querySelector(selector).getBoundingClientRect();
  const again = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Analyse again');
  return {
    figures: box('.figures').bottom, heading: box('#transcript-title').top,
    answer: box('.transcript').bottom, again: again.getBoundingClientRect().top,
    scroll: document.documentElement.scrollWidth,
  };
}"""


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_answer_stands_apart_from_the_figures_and_the_button(
    page: Page, alice: User, width: int
) -> None:
    question = Question.objects.create(owner=alice, text=WOULD_DO)
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=WOULD_DO, text=PLAN, rating=3,
        status=Attempt.Status.ANALYSED,
        analysis=analyse_answer(text=PLAN, question=WOULD_DO).as_dict(),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    found = page.evaluate(MEASURE)
    assert found["scroll"] <= width
    assert found["heading"] - found["figures"] >= 16, found
    assert found["again"] - found["answer"] >= 8, found
