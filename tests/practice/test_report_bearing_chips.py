"""The report's "Bearing on this question" chips say what the lists below them say (a browser
check): a term prepcoach can't tell was said (`keywords.unsure`) showed as a plain chip, as an
unused one does, though the list below says "? term"; and a term removed from the job since
the answer was read had no "(no longer one of the job's terms)" beside its chip there, though
the lists below mark it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from tests.practice.test_report_terms_since import SQL, _text, card_of, report

pytestmark = pytest.mark.usefixtures("sentence_model")

TERMS = ["SQL", "Power BI", "data quality"]
PERHAPS = {"term": "data quality", "words": "the figures were right",
           "sentence": "I made sure the figures were right.", "similarity": 0.4}  # fmt: skip


def bearing_of(text: str) -> str:
    found = re.search(r"Bearing on this question: (.*?) Only the terms bearing", text)
    assert found is not None, text
    return found[1]


def test_a_term_prepcoach_cant_tell_was_said_is_a_question_chip(
    alice_client: Client, alice: User
) -> None:
    keywords = {"used": ["SQL"], "missed": ["Power BI"], "bearing": TERMS,
                "evidence": [SQL], "unsure": [PERHAPS], "terms": TERMS}  # fmt: skip
    bearing = bearing_of(_text(card_of(report(alice_client, alice, keywords))))
    assert bearing == "✓ SQL Power BI ? data quality", bearing


def test_a_bearing_term_removed_since_is_marked_so(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme Health", role="Reporting analyst",
                                     terms_added=TERMS)  # fmt: skip
    keywords = {"used": ["SQL"], "missed": ["Power BI"], "bearing": TERMS,
                "evidence": [SQL], "unsure": [PERHAPS], "terms": TERMS}  # fmt: skip
    job.remove_term("Power BI")
    job.remove_term("data quality")
    job.save()
    bearing = bearing_of(_text(card_of(report(alice_client, alice, keywords, job=job))))
    assert bearing == (
        "✓ SQL Power BI (no longer one of the job's terms) ? data quality (no longer one of "
        "the job's terms)"
    ), bearing
