"""A mock's short report and summary for an answer with a STAR part the reader can't tell
about: the parts found are counted and the part is said as "can't tell" (they said nothing of
STAR at all), and why it has no measured figure where the figure turns on that part.

- alice: answers a mock's question by typing."""

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from tests.coach.test_reader_band import QUESTION, VAGUE
from tests.practice.mock_sessions import (
    answered,
    finished_summary,
    read,
    short_report,
    summary_rows,
)

SAID = "3 of 4 STAR parts (prepcoach can't tell about the result)"


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_the_part_it_cannot_tell_about(alice_client: Client, alice: User) -> None:
    session, _, attempt = answered(alice_client, alice, QUESTION, VAGUE)
    shown = short_report(alice_client, read(attempt))
    assert f"<li>{SAID}</li>" in shown
    assert "no number in the result" not in shown
    summary = finished_summary(alice_client, session)
    listed = summary_rows(summary)
    assert SAID in listed
    assert "no number" not in listed


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_why_the_answer_has_no_measured_figure(
    alice_client: Client, alice: User
) -> None:
    """The figure turns on the result prepcoach can't tell about (`answer.unmeasured_for`), so
    there is none: the short report and the summary's row said neither a figure nor why."""
    session, _, attempt = answered(alice_client, alice, QUESTION, VAGUE)
    shown = short_report(alice_client, read(attempt))
    assert "of 5</strong>" not in shown  # the premise: no figure
    assert "<li>No measured figure: prepcoach can't tell whether it has its result</li>" in shown
    summary = finished_summary(alice_client, session)
    listed = summary_rows(summary)
    assert f"no measured figure: prepcoach can't tell whether it has its result · {SAID}" in listed
