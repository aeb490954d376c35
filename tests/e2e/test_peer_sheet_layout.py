"""The interviewer's sheet of a peer mock in Chromium, at a phone's width and a laptop's: a look
found the question the interviewer reads out set as body text, smaller and lighter than the
"Suggested follow-ups" heading under it, on the sheet and on the review form alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest
from prepcoach.groups.models import Group, Membership, PeerAnswer, PeerMock
from prepcoach.practice.models import Attempt
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "How would you design an API for a booking system?"

LOOK = """() => {
  const look = el => { const s = getComputedStyle(el);
                       return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight)}; };
  return {question: look(document.querySelector('.big-question')),
          text: look(document.querySelector('main')),
          scroll: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_question_stands_out_on_the_sheet_and_the_review(
    page: Page, alice: User, bob: User, width: int
) -> None:
    group = Group.objects.create(name="Thursday PMs", owner=alice)
    mine, theirs = (Membership.objects.create(group=group, user=u) for u in (alice, bob))
    mock = PeerMock.objects.create(
        group=group, interviewer=mine, answerer=theirs, question_texts=[QUESTION]
    )
    attempt = Attempt.objects.create(
        user=bob, question_text=QUESTION, text="First I would list what a booking must do.",
        mode=Attempt.Mode.MOCK, status=Attempt.Status.ANALYSED, analysis={},
    )  # fmt: skip
    _, digest = new_link_token()  # the interviewer's grant, as saving a peer answer makes it
    grant = FeedbackRequest.objects.create(
        owner=bob, attempt=attempt, relation=FeedbackRequest.Relation.PEER,
        reviewer_label="Alice (peer mock)", token_digest=digest,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    answer = PeerAnswer.objects.create(mock=mock, number=1, attempt=attempt, request=grant)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    sheet, review = (
        f"/improve/groups/mocks/{mock.pk}/",
        f"/improve/groups/answers/{answer.pk}/review/",
    )
    for url in (sheet, review):
        page.goto(url)
        found = page.evaluate(LOOK)
        assert found["scroll"] <= width
        question, text = found["question"], found["text"]
        assert question["size"] >= text["size"] * 1.15, (url, found)
        assert question["weight"] >= 600, (url, found)
