"""The report's key-terms card says why a term whose words the answer says is not used
(`term_not_done.said_not_done`), quoting the sentence: denied, another person's work, or still
to come. A browser check's card said "Not used: HMRC RTI submissions, CIPP Diploma, BrightPay"
over an answer that wrote those words, with no reason and no quote.

- alice: practises for a payroll job; her answer is read with the job's terms."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from tests.coach.test_term_not_done import PAYROLL, TERMS
from tests.practice.test_report_terms_since import _text, card_of, report

pytestmark = pytest.mark.usefixtures("sentence_model")


def test_each_term_said_but_not_done_is_quoted_with_why(alice_client: Client, alice: User) -> None:
    keywords = analyse_answer(text=PAYROLL, question="", job_terms=TERMS).as_dict()["keywords"]
    assert [(n["term"], n["why"]) for n in keywords["not_done"]] == [
        ("HMRC RTI submissions", "someone else's"),
        ("CIPP Diploma", "still to come"),
        ("BrightPay", "still to come"),
        ("SAP", "denied"),
    ]
    text = html.unescape(_text(card_of(report(alice_client, alice, keywords))))
    # Still not used: every count stays as it was.
    assert "Not used: HMRC RTI submissions CIPP Diploma BrightPay SAP Xero" in text
    # The term's own words, then the sentence they stand in (a browser check: two terms of one
    # sentence quoted it whole twice, the second term's words far along it).
    assert (
        "HMRC RTI submissions said as someone else's work: “RTI submissions to HMRC” in “RTI "
        "submissions to HMRC are done by my supervisor.”"
    ) in text
    assert (
        "CIPP Diploma said as still to come: “CIPP diploma” in “I'm doing my CIPP diploma at "
        "the moment.”"
    ) in text
    assert (
        "BrightPay said as still to come: “BrightPay” in “I'm booked on the BrightPay course "
        "next spring.”"
    ) in text
    assert "SAP said as not done: “SAP” in “I haven't used SAP.”" in text
    assert "Xero said" not in text
    assert "Sage said" not in text
    assert "prepcoach counts a term used only where you say you did it yourself" in text


def test_a_long_sentence_is_quoted_short(alice_client: Client, alice: User) -> None:
    sentence = "RTI submissions to HMRC are done by my supervisor, " + "and then checked " * 20
    keywords = {
        "used": [],
        "missed": ["HMRC RTI submissions"],
        "not_done": [
            {
                "term": "HMRC RTI submissions",
                "sentence": sentence,
                "words": "RTI submissions to HMRC",
                "why": "someone else's",
            }
        ],
    }
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert (
        f"said as someone else's work: “RTI submissions to HMRC” in “{sentence[:159].strip()}…”"
        in text
    )


def test_a_report_stored_before_has_no_such_line(alice_client: Client, alice: User) -> None:
    keywords = {"used": ["Sage"], "missed": ["HMRC RTI submissions", "SAP"]}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Not used: HMRC RTI submissions SAP" in text
    assert "said as" not in text
    assert "did it yourself" not in text


@pytest.mark.parametrize(
    "not_done",
    [
        5,
        None,
        "SAP",
        [None, 3, "SAP", {}],
        [{"term": "SAP", "sentence": "I haven't used SAP.", "why": "maybe"}],
        [{"term": "SAP", "why": "denied"}],
        [{"term": None, "sentence": "I haven't used SAP.", "why": "denied"}],
        [{"term": "Oracle", "sentence": "I haven't used Oracle.", "why": "denied"}],
    ],
)
def test_odd_stored_findings_are_left_out(
    alice_client: Client, alice: User, not_done: object
) -> None:
    keywords = {"used": [], "missed": ["SAP"], "not_done": not_done}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Not used: SAP" in text
    assert "said as" not in text
    assert "did it yourself" not in text
