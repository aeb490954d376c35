"""The key-terms card's "said as not done" lines and the Fillers card's words, in Chromium at a
phone's width and a laptop's: each line quotes the term's words and its sentence inside the
card, and nothing runs past the page (a browser check found the card's lines quoting one long
sentence twice)."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "Tell me about the payroll work you have done."
ANSWER = (
    "Um, I ran the monthly payroll for 400 staff in Sage for two years, like, every month. "
    "RTI submissions to HMRC are done by my supervisor, and pensions auto-enrolment is handled "
    "by our bureau. I'm doing my CIPP diploma at the moment and I'm booked on a BrightPay "
    "course next spring. I haven't used SAP."
)
TERMS = ["Sage", "HMRC RTI submissions", "pensions auto-enrolment", "CIPP diploma", "BrightPay",
         "SAP", "P11D"]  # fmt: skip

MEASURE = """() => {
  const card = document.querySelector('.terms-not-done').getBoundingClientRect();
  const lines = [...document.querySelectorAll('.terms-not-done li')];
  return {
    scroll: document.documentElement.scrollWidth,
    right: Math.max(...lines.map(l => l.getBoundingClientRect().right)),
    card: card.right,
    texts: lines.map(l => l.textContent.replace(/\\s+/g, ' ').trim()),
    fillers: document.querySelector('.filler-words').textContent,
  };
}"""


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_not_done_lines_and_filler_words_fit_the_page(
    page: Page, alice: User, width: int
) -> None:
    question = Question.objects.create(owner=alice, text=QUESTION)
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=QUESTION, text=ANSWER, rating=3,
        status=Attempt.Status.ANALYSED,
        analysis=analyse_answer(text=ANSWER, question=QUESTION, job_terms=TERMS).as_dict(),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    found = page.evaluate(MEASURE)
    if os.environ.get("PREPCOACH_SHOTS"):  # a look at the page, where a person asks for one
        page.locator(".terms-not-done").scroll_into_view_if_needed()
        page.screenshot(
            path=f"{os.environ['PREPCOACH_SHOTS']}/not_done_{width}.png", full_page=True
        )
    assert found["scroll"] <= width
    assert found["right"] <= found["card"] + 1
    assert found["texts"][0].startswith(
        "HMRC RTI submissions said as someone else's work: “RTI submissions to HMRC” in “RTI"
    )
    assert any(
        t.startswith("CIPP diploma said as still to come: “CIPP diploma”") for t in found["texts"]
    )
    assert any(t.startswith("SAP said as not done: “SAP”") for t in found["texts"])
    assert found["fillers"] == "“like”, “um”"  # equal counts: in the order of the alphabet
