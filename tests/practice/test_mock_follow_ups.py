"""The answer to a mock's follow-up is judged on what the follow-up asked for, on its row, its
short report and its full report (a new user's trial: two sentences of numbers answering "How
did you know it worked? What changed, in numbers?" read "3 of 5", "2 of 4 STAR parts" and "Tell
the whole story: add what you had to do and how it ended")."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession
from tests.practice.mock_sessions import answered, post_follow_up
from tests.practice.test_mocks import PROCESS, UNQUANTIFIED

IN_NUMBERS = "How did you know it worked? What changed, in numbers?"
NUMBERS = (
    "The average wait fell from nine hours to two within a month. Complaints dropped by 40 percent."
)
NO_NUMBERS = "I could just tell that people were happier, and my manager said so too."
HARDEST = "What was the hardest part for you?"
HARDEST_ANSWER = "The hardest part was getting the team to trust the new rules."


def first_answer(client: Client, user: User) -> tuple[MockSession, Attempt]:
    """A one-question mock answered with a story whose result has no number."""
    session, _, main = answered(client, user, PROCESS, UNQUANTIFIED, count="1")
    return session, main


def answer_follow_up(client: Client, main: Attempt, follow_up: str, said: str) -> Attempt:
    """`said` to `follow_up`, asked of `main`, as the mock's page posts it."""
    answer = post_follow_up(client, main, follow_up, said)
    assert answer.status == Attempt.Status.ANALYSED
    return answer


def pages(client: Client, session: MockSession, answer: Attempt) -> tuple[str, str, str]:
    """Its short report in the mock, its full report, and its row of the mock's summary."""
    short = client.get(reverse("practice:mock_answer", args=[answer.pk])).text
    report = client.get(reverse("practice:attempt", args=[answer.pk])).text
    client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = client.get(reverse("practice:mock_summary", args=[session.pk])).text
    row = summary.split('<li class="mock-row mock-follow-up"')[1].split("</li>")[0]
    return html.unescape(short), html.unescape(report), html.unescape(row)


@pytest.mark.usefixtures("sentence_model")
def test_alices_numbers_answer_the_follow_up_that_asked_for_them(
    alice_client: Client, alice: User
) -> None:
    """The trial end to end: the follow-up asked because her result had no number, answered
    with two sentences of numbers."""
    session, main = first_answer(alice_client, alice)
    page = alice_client.get(reverse("practice:mock_question", args=[session.pk, 1])).text
    assert IN_NUMBERS in html.unescape(page)
    assert "Why this question: your result had no number to show it worked." in html.unescape(page)
    answer = answer_follow_up(alice_client, main, IN_NUMBERS, NUMBERS)
    short, report, row = pages(alice_client, session, answer)
    given = (
        "Asked for: a result with a number — given: “The average wait fell from nine hours to "
        "two within a month.”"
    )
    for shown in (short, report, row):
        assert given in shown
        assert "Tell the whole story" not in shown
        assert "of 5" not in shown  # no figure weighing parts it was not asked for
    for shown in (short, row):
        assert "STAR parts over the first answer and this one together" in shown
        assert "2 of 4 STAR parts" not in shown
        assert "no 1–5 figure: a follow-up is judged only on what it asked for" in shown.lower()
    assert "stands out to fix in this answer" in short  # no tip
    # The report's STAR card: the whole story, over both answers; the result has its number.
    card = report.split('<h3 class="h-small">STAR</h3>')[1].split("</div>")[0]
    assert "The whole story, over your first answer and this one together:" in card
    assert "✓ action" in card
    assert "✓ result with a number" in card
    assert "✗ action" not in report
    assert "stands out to fix in this answer" in report


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_answer_without_the_number_is_told_what_was_asked(
    alice_client: Client, alice: User
) -> None:
    session, main = first_answer(alice_client, alice)
    answer = answer_follow_up(alice_client, main, IN_NUMBERS, NO_NUMBERS)
    short, report, row = pages(alice_client, session, answer)
    for shown in (short, report, row):
        assert "Asked for: a result with a number — not given" in shown
        assert "Tell the whole story" not in shown
    advice = "Answer what was asked: how you knew it worked, with a number"
    assert f"Next time:</strong> {advice}" in short
    tips = report.split('id="tips-title"')[1].split("</section>")[0]
    assert tips.count("<li><strong>") == 1  # that alone: no tip for the parts not asked
    assert f"<li><strong>{advice}" in tips
    assert f"“{NO_NUMBERS}”" in tips


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_general_follow_up_is_a_reflection_on_the_story(
    alice_client: Client, alice: User
) -> None:
    """A story's list asked in turn asks for a reflection, not a story (a trial's lesson read
    3 of 5 with three STAR tips): judged on no STAR part, no figure, the story's parts read
    over both answers, and never told to tell the whole story."""
    session, main = first_answer(alice_client, alice)
    answer = answer_follow_up(alice_client, main, HARDEST, HARDEST_ANSWER)
    short, report, row = pages(alice_client, session, answer)
    asked = "Asked for: the hardest part for you — a reflection on the story"
    for shown in (short, report, row):
        assert asked in shown
        assert "Tell the whole story" not in shown
        assert "of 5" not in shown
    for shown in (short, row):
        assert "STAR parts over the first answer and this one together" in shown
        assert "1 of 4 STAR parts" not in shown
    assert "The whole story, over your first answer and this one together:" in report
