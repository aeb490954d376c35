"""The mock's summary reports the job's key terms across its answers
(`coach.mock_interview.mock_terms`): a trial's summary (an aseptic pharmacy technician job)
listed only STAR and number points, though the job's page says its mock answers "are checked
for these words".

- alice: a mock for her pharmacy job, whose first question is about aseptic technique.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from tests.practice.mock_sessions import answered, finished_summary, new_mock
from tests.practice.test_mock_role_terms import ADVERT, COMPANY, ROLE

pytestmark = pytest.mark.usefixtures("sentence_model")

QUESTION = "Tell me about a time your work involved aseptic technique. What did you do?"
ANSWER = (
    "Last winter our unit had a backlog of chemotherapy doses. I was asked to clear it safely. "
    "I prepared each dose using aseptic technique in the isolator and checked every label "
    "twice. We cleared the backlog in two days with no errors."
)


def terms_card(summary: str) -> str | None:
    found = re.search(r'<section class="card mock-terms"[^>]*>(.*?)</section>', summary, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1])).strip() if found else None


def test_the_summary_says_which_job_terms_the_answers_used_and_where(
    alice_client: Client, alice: User
) -> None:
    job = Opportunity.objects.create(user=alice, company=COMPANY, role=ROLE, job_description=ADVERT)
    session, _, attempt = answered(alice_client, alice, QUESTION, ANSWER,
                                   opportunity=str(job.pk), field="general")  # fmt: skip
    keywords = attempt.analysis["keywords"]
    assert "aseptic technique" in keywords["bearing"]
    assert "aseptic technique" in keywords["used"]
    card = terms_card(finished_summary(alice_client, session))
    assert card is not None
    assert card.startswith(f"Key terms of {ROLE} at {COMPANY}")
    assert f"of the job's {len(job.key_terms)} key terms" in card, card
    assert "✓ aseptic technique in the answer to question 1, by its words" in card
    assert "using aseptic technique" in card
    unused = [t for t in keywords["bearing"] if t not in keywords["used"]]
    for term in unused:
        assert term in card.split("Not used where they bore on the question:")[1]


def test_a_mock_without_a_job_has_no_key_terms_card(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client)
    assert terms_card(finished_summary(alice_client, session)) is None
