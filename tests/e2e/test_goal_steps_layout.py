"""A goal's steps table on a wide screen: its column headers stay on one line each, however
long the steps' priority explanations are (a new user's trial: "Done", "Hours" and a
step's "Edit" wrapped at 1280 px, squeezed by the explanations beside them)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Each visible header's text and the number of lines it takes (the actions column's header is
# for screen readers only).
LINES_OF_EACH_HEADER = """() => [...document.querySelectorAll("table.steps thead th")]
  .filter((th) => !th.querySelector(".visually-hidden")).map((th) => {
  const range = document.createRange();
  range.selectNodeContents(th);
  const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
  return [th.textContent.trim(), tops.size];
})"""


LINES_OF_EACH_EDIT = """() => [...document.querySelectorAll("table.steps td:last-child a")]
  .map((a) => {
  const range = document.createRange();
  range.selectNodeContents(a);
  return [a.textContent.trim(), new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
})"""


def test_the_steps_headers_stay_on_one_line_on_a_wide_screen(page: Page, alice: User) -> None:
    today = timezone.localdate()
    goal = Goal.objects.create(user=alice, text="Do 3 recorded mock interviews before my onsite",
                               kind=Goal.Kind.BEHAVIORAL, target_date=today + dt.timedelta(21))  # fmt: skip
    for k, title in enumerate(("Write the story about the migration and its numbers",
                               "Record a mock interview and watch it back with notes",
                               "Ask a friend to play the interviewer for a panel round")):  # fmt: skip
        Step.objects.create(goal=goal, title=title, due_date=today + dt.timedelta(2 + k),
                            estimated_hours=Decimal(2), impact=3, urgency=3)  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, alice)
    page.goto(f"/plan/goals/{goal.pk}/")
    headers = page.evaluate(LINES_OF_EACH_HEADER)
    assert [name for name, _ in headers] == [
        "Done", "Step", "Due", "Hours", "Priority", "Scheduled"
    ]  # fmt: skip
    assert [name for name, lines in headers if lines > 1] == []
    edits = page.evaluate(LINES_OF_EACH_EDIT)
    assert edits == [["Edit", 1]] * 3
