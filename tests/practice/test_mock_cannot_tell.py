"""A mock's short report and summary for an answer with a STAR part the reader can't tell
about: the parts found are counted and the part is said as "can't tell" (they said nothing of
STAR at all), and why it has no measured figure where the figure turns on that part.

- alice: answers a mock's question by typing."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.coach.test_reader_band import QUESTION, VAGUE
from tests.practice.test_mocks import new_mock, pinned, read

SAID = "3 of 4 STAR parts (prepcoach can't tell about the result)"


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_the_part_it_cannot_tell_about(alice_client: Client, alice: User) -> None:
    session = pinned(new_mock(alice_client), alice, QUESTION)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": VAGUE, "mode": "mock", "session": session.pk, "next": here},
    )
    attempt = read(Attempt.objects.get(session=session))
    shown = html.unescape(alice_client.get(reverse("practice:mock_answer", args=[attempt.pk])).text)
    assert f"<li>{SAID}</li>" in shown
    assert "no number in the result" not in shown
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    listed = summary.split('<ol class="summary">')[1].split("</ol>")[0]
    assert SAID in listed
    assert "no number" not in listed


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_why_the_answer_has_no_measured_figure(
    alice_client: Client, alice: User
) -> None:
    """The figure turns on the result prepcoach can't tell about (`answer.unmeasured_for`), so
    there is none: the short report and the summary's row said neither a figure nor why."""
    session = pinned(new_mock(alice_client), alice, QUESTION)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": VAGUE, "mode": "mock", "session": session.pk, "next": here},
    )
    attempt = read(Attempt.objects.get(session=session))
    shown = html.unescape(alice_client.get(reverse("practice:mock_answer", args=[attempt.pk])).text)
    assert "of 5</strong>" not in shown  # the premise: no figure
    assert "<li>No measured figure: prepcoach can't tell whether it has its result</li>" in shown
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    listed = summary.split('<ol class="summary">')[1].split("</ol>")[0]
    assert f"no measured figure: prepcoach can't tell whether it has its result · {SAID}" in listed
