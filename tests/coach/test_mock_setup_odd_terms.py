"""Odd key terms make no awkward mock questions (`term_questions`, `term_shape`).

- A term with a full stop an owner typed ("controlled drugs.") is asked without it: it read
  "…your work involved controlled drugs.. What did you do?".
- A "term" that reads as a sentence or a clause (starting "You", "We", "I", "Our"…, of more than
  6 words, or ending "?" or "!") is asked about not at all: an owner's phrase under 60
  characters starting with a capital was taken for a name ("What is your experience with You
  will be responsible for stock?")."""

from __future__ import annotations

import pytest

from prepcoach.coach.mock_interview import term_of, term_questions, term_shape
from tests.coach.test_mock_setup_terms import ADVERT


@pytest.mark.parametrize(
    ("term", "asked"),
    [
        ("controlled drugs.", "controlled drugs"),
        ("controlled drugs. ", "controlled drugs"),
        ("Datix;", "Datix"),
        ("counsel patients,", "counsel patients"),
        ("stock control:", "stock control"),
        ("Node.js.", "Node.js"),
        ("C++", "C++"),
        (".NET", ".NET"),
    ],
)
def test_trailing_punctuation_is_left_out_of_the_question(term: str, asked: str) -> None:
    (question,) = term_questions([term], 1, ADVERT)
    assert question.term == asked
    assert asked in question.text
    assert ".." not in question.text
    assert f"{asked}," not in question.text
    assert f"{asked};" not in question.text
    assert term_of(question.text) == asked


def test_a_duty_with_a_full_stop_is_still_read_as_a_duty() -> None:
    assert term_shape("counsel patients.", ADVERT) == term_shape("counsel patients", ADVERT)
    assert term_shape("counsel patients.", ADVERT) == "duty"


@pytest.mark.parametrize(
    "clause",
    [
        "You will be responsible for stock",
        "You'll manage the team",
        "We offer flexible working",
        "Our team values kindness",
        "I am a fast learner",
        "your own caseload",
        "They will support you",
        "work closely with the ward managers every day",  # 8 words: a clause
        "Can you start soon?",
        "what?",
        "Apply today!",
    ],
)
def test_a_term_that_reads_as_a_sentence_or_clause_is_not_asked(clause: str) -> None:
    made = term_questions([clause, "Datix"], 5, ADVERT)
    assert [q.term for q in made] == ["Datix"]


@pytest.mark.parametrize(
    "term",
    ["IT service management", "US GAAP", "HIS", "NVQ Level 3 in Pharmacy Services", "He"],
)
def test_names_that_only_look_like_pronouns_are_asked(term: str) -> None:
    (question,) = term_questions([term], 1, ADVERT)
    assert question.term == term


def test_an_optional_term_written_with_a_full_stop_is_still_optional() -> None:
    made = term_questions(["Omnicell.", "Datix"], 2, ADVERT, optional=["Omnicell."])
    assert [(q.term, q.optional) for q in made] == [("Datix", False), ("Omnicell", True)]
