"""The report's "Answers the question" verdict as its reader reads it, for the report's relevance
tests (tests/practice/test_report_relevance*.py) and a follow-up's (test_follow_up_asks.py): a
first answer's report page made from a stored analysis (`page_for`), its verdict card
(`answers_card`) or a follow-up's muted line (`answers_line`), and the answers and words they
share."""

import html
import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question

OFF_QUESTION = (
    "Last spring our quarterly report was three days late because the data feed kept failing. "
    "My job was to get it out on time. "
    "I rebuilt the import script and I set up an alert for when the feed stalled. "
    "The next report went out a day early."
)
# The story check, a prompt after "can't tell" (it is right about 45 % of the time held out).
REMARK = (
    '<p class="relevance-check meta">The question asks for no story and at least half of this '
    "answer tells one: make sure its point comes through.</p>"
)
REMARK_SAID = (
    "The question asks for no story and at least half of this answer tells one: make sure its "
    "point comes through."
)
# "Can't tell" between the verdict's cuts, as it is: no lean either way.
CANT_TELL = [
    "Answers the question",
    "Can't tell",
    "prepcoach can't tell from the words (it says yes or no only when its reading is sure).",
]
CARD_RE = re.compile(
    r'<div class="card relevance[^"]*" id="answers-question"[^>]*>(.*?)</div>', re.S
)
# A follow-up's "can't tell": a muted line, not the card (a review found the big card on every
# follow-up's report, since a follow-up is never judged).
LINE_RE = re.compile(r'<p class="relevance meta" id="answers-question">(.*?)</p>', re.S)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def answers_line(page: str) -> str | None:
    """The report's muted "Answers the question: …" line (a follow-up's), None where it has
    none."""
    lines = LINE_RE.findall(page)
    assert len(lines) <= 1, lines
    return text_of(lines[0]) if lines else None


def answers_card(page: str) -> list[str]:
    """The report's "Answers the question" card as it reads, heading, verdict, then each line
    under it (its reason, the quotation, the story check); [] where the report has none (a
    follow-up's says "can't tell" in a muted line instead: `answers_line`). A report never
    has both (`page_for` checks that a first answer's has no line)."""
    cards = CARD_RE.findall(page)
    assert len(cards) <= 1, cards
    assert not (cards and answers_line(page)), cards
    return [
        text_of(row)
        for card in cards
        for row in re.findall(r"<(?:h3|p)\b[^>]*>(.*?)</(?:h3|p)>", card, re.S)
    ]


def page_for(client: Client, user: User, question: Question, analysis: dict[str, object]) -> str:
    """The report page as its reader reads it: an apostrophe said by a stored reason (which may
    quote the answer, so is escaped) reads as one, as in the template's own words. The answer
    is a first answer, whose verdict is always the card, never a follow-up's muted line."""
    attempt = Attempt.objects.create(user=user, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = html.unescape(client.get(reverse("practice:attempt", args=[attempt.pk])).text)
    assert answers_line(page) is None
    return page


def asked(user: User, text: str) -> Question:
    return Question.objects.create(owner=user, text=text, category="behavioral",
                                   competency="self-awareness", field="any")  # fmt: skip
