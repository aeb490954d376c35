"""A rubric's scores side by side on a 390 px phone: a look found the feedback page's three
columns squeezed so that "Reviewers'", "prepcoach's" and "reviewer" broke mid-word, a letter or
two to a line, and role reversal's four columns breaking even "You" and "no". Each of the
rubric's lines stacks there, its scores named; at 1280 px it stays a table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Each word of the table's text on one line: a word broken over two lines has two boxes (the
# column headers, left for screen readers alone on a phone, are not drawn).
BROKEN_WORDS = """selector => {
  const broken = [];
  const table = document.querySelector(selector);
  const walk = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const head = node.parentElement.closest('thead');
    if (head && head.getBoundingClientRect().width <= 1) continue;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return {broken, scroll: table.scrollWidth, width: table.clientWidth,
          page: document.documentElement.scrollWidth,
          display: getComputedStyle(table.querySelector('tr')).display};
}"""


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("width", "rows"), [(390, "block"), (1280, "table-row")])
def test_no_word_of_the_rubric_breaks(page: Page, alice: User, width: int, rows: str) -> None:
    attempt = Attempt.objects.create(
        user=alice, question_text="How would you design an API for a booking system?",
        text="First I would list what a booking must do. Then I would design the endpoints.",
        status=Attempt.Status.ANALYSED, analysis={},
    )  # fmt: skip
    _, digest = new_link_token()
    ask = FeedbackRequest.objects.create(
        owner=alice, attempt=attempt, reviewer_label="Sam, my mentor", token_digest=digest,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    Review.objects.create(
        request=ask, reviewer_name="Sam", browser_key="k", overall=4,
        scores={"situation": 2, "task": 1, "action": 2, "result": 0, "evidence": 1},
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/feedback/")
    found = page.evaluate(BROKEN_WORDS, "table.feedback-table")
    assert found["broken"] == [], found
    assert found["scroll"] <= found["width"], found
    assert found["page"] <= width
    assert found["display"] == rows
    if width == 390:
        assert page.locator("table.feedback-table td[data-label='Reviewers']").count() >= 5


WEAK = (
    "There was this one colleague who was just really difficult to work with, to be honest. We "
    "sort of complained to our manager a few times, and I guess she spoke to him, maybe."
)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("width", "rows"), [(390, "block"), (1280, "table-row")])
def test_no_word_of_role_reversals_comparison_breaks(
    page: Page, alice: User, width: int, rows: str
) -> None:
    question = Question.objects.create(
        owner=alice, text="Tell me about a time you had a conflict with a colleague.",
        sample_good="A good answer.", sample_weak=WEAK,
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/interviewer/{question.pk}/?answer=weak")
    for choice in page.locator("form input[type=radio][value='0']").all():
        choice.check()
    page.get_by_role("button", name="Compare with prepcoach").click()
    found = page.evaluate(BROKEN_WORDS, "table.reversal-table")
    assert found["broken"] == [], found
    assert found["scroll"] <= found["width"], found
    assert found["page"] <= width
    assert found["display"] == rows
