"""The report's key-terms card says which of the job's terms prepcoach can't tell were said
(`keywords.unsure`: found by meaning below `term_match.SURE_BY_MEANING`), with the nearest
words, apart from the used and unused ones.

- alice: practises for a job; her answer is read with the job's terms (trial 307 was told
  "controlled drugs" was used because of "her prescription was ready")."""

from __future__ import annotations

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from tests.coach.test_term_unsure import ANSWER, TERMS
from tests.practice.test_report_terms_since import _text, card_of, report

pytestmark = pytest.mark.usefixtures("sentence_model")


def test_a_term_it_cannot_tell_about_is_said_apart_with_its_nearest_words(
    alice_client: Client, alice: User
) -> None:
    keywords = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()["keywords"]
    assert [u["term"] for u in keywords["unsure"]] == ["controlled drugs"]
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "✓ Datix by its words" in text
    assert "✓ controlled drugs" not in text
    assert "Not used: stock control" in text
    assert "controlled drugs" not in text.split("Not used:")[1].split("Can't tell")[0]
    assert (
        "Can't tell, perhaps said in other words: ? controlled drugs nearest: “A patient came in "
        "upset because she thought her prescription was ready.”"
    ) in text
    assert "counts these neither used nor unused" in text


def test_a_report_stored_before_has_no_such_line(alice_client: Client, alice: User) -> None:
    keywords = {"used": ["Datix"], "missed": ["stock control", "controlled drugs"]}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Can't tell" not in text
    assert "Not used: stock control controlled drugs" in text
