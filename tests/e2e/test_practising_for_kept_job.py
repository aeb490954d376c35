"""The "Still practising for …, as for your last answer" line in a real browser: "Change" goes
to the "Practising for" select, changing the select hides the line, and a page whose select the
browser put back on another choice (Firefox restores form values on reload, Chromium on going
back, after the page's scripts have run) shows the line hidden: it had named the old job beside
a select showing another.

- alice: her last free-practice answer was for her Data analyst job at Acme; she practises
  another question of her own.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import log_in


def test_the_kept_job_line_goes_when_the_select_is_elsewhere(page: Page, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    Attempt.objects.create(user=alice, question_text="Earlier", job=job, text="An answer.")
    # Her own question: a browser test's database may have been emptied of the starter bank by
    # the transactional tests before it.
    question = Question.objects.create(
        owner=alice, text="Tell me about a time you cleaned up a messy data set.",
        category="behavioral", competency="problem-solving",
    )  # fmt: skip
    log_in(page, alice)
    page.goto(f"/improve/questions/{question.pk}/")
    choice = page.get_by_label("Practising for")
    expect(choice).to_have_value(str(job.pk))
    lines = page.locator("[data-kept-job]")
    expect(lines).to_have_count(2)
    typed = page.locator("#typed-answer [data-kept-job]")
    expect(typed).to_contain_text("Still practising for Data analyst at Acme")

    typed.get_by_role("link", name="Change").click()
    expect(choice).to_be_focused()

    choice.select_option("")  # "No particular job"
    expect(lines.first).to_be_hidden()
    expect(lines.last).to_be_hidden()

    # Away and back: the browser puts the select back on "No particular job" without a change
    # event, on a page that says the job again.
    page.goto("/")
    page.go_back()
    expect(page.get_by_label("Practising for")).to_have_value("")
    expect(lines.first).to_be_hidden()
    expect(lines.last).to_be_hidden()
