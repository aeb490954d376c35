"""Another person's work, or something still to come, is not the speaker's use of a job's term
(the labelling guide: "Mentioning it as something others did … or something they will learn is
`false`"). A trial's answers were credited with "HMRC RTI submissions" for "Submissions to HMRC
are done by my supervisor" and "UEFA C Licence" for "I'm booked on the UEFA C in the summer"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.term_doer import not_the_speakers


def read(sentence: str, words: str) -> bool:
    start = sentence.index(words)
    return not_the_speakers(sentence, start, start + len(words))


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # a passive whose agent is not the speaker
        ("Submissions to HMRC are done by my supervisor.", "Submissions to HMRC"),
        ("Stock ordering is done by our receptionist, I just flag what we need.", "Stock ordering"),
        (
            "The temporary works were all designed by the contractor's coordinator.",
            "temporary works",
        ),
        # a colleague or a pronoun in the third person before an action verb
        ("My tutor did the risk assessment for the park.", "risk assessment"),
        ("our registrar dealt with the loan agreements and couriers.", "loan agreements"),
        ("and he did an emergency supply for one inhaler.", "emergency supply"),
        # still to come
        ("I'm booked on the UEFA C in the summer.", "UEFA C"),
        ("my am2 is booked for june.", "am2"),
        ("We're moving to Arbor in September.", "Arbor"),
        ("I'm doing my CIPP diploma at the moment, second year.", "CIPP diploma"),
        ("I've got my CSCS and I'm going to do the SSSTS next.", "SSSTS"),
        (
            "Our practice is going for the Practice Standards Scheme next spring.",
            "Practice Standards",
        ),
    ],
)
def test_others_work_and_prospects_are_not_the_speakers(sentence: str, words: str) -> None:
    assert read(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I set up the dashboards in Power BI.", "Power BI"),
        ("We migrated the payroll to Sage last year.", "Sage"),
        # the speaker in the clause: their own part of shared work
        ("My manager and I ran the risk assessment together.", "risk assessment"),
        ("The planner updated the programme in Powerproject from my notes.", "Powerproject"),
        # a thing or a client as the subject: the work's situation or result, not who did it
        ("The published dashboards are in Power BI.", "Power BI"),
        ("the data showed the problem was the required practicals.", "data"),
        ("a customer complained her latte was cold so I remade it.", "customer complained"),
        ("They renewed four months later with a small expansion.", "renewed"),
        ("The vet did the dental.", "dental"),
        # "by" and a participle of the speaker's, or "booked" as an action
        ("The review was led by me.", "review"),
        ("the pharmacists on my team booked structured medication reviews", "medication reviews"),
        ("i proposed moving to databricks on azure.", "databricks"),
    ],
)
def test_the_speakers_own_work_stands(sentence: str, words: str) -> None:
    assert not read(sentence, words)


def test_a_sentence_is_read_clause_by_clause() -> None:
    sentence = "Our vet did the dental, and I monitored the anaesthetic throughout."
    assert read(sentence, "dental")
    assert not read(sentence, "monitored the anaesthetic")
    assert read(sentence, sentence)  # the whole sentence holds the vet's clause


@given(st.text(max_size=80))
def test_any_text_reads_without_error(text: str) -> None:
    assert not_the_speakers(text, 0, len(text)) in (True, False)
