"""The mock's summary reports the job's key terms across its answers (`mock_terms`), from each
answer's stored reading of `keywords.coverage`: a trial's summary listed only STAR and number
points, though the job's page says a mock's answers "are checked for these words"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepcoach.coach.mock_interview import MockAnswer, mock_terms, summarise_mock

TODAY = dt.date(2026, 12, 6)
ASEPTIC = "I prepared the TPN bags using aseptic technique in the isolator."


def reading(used: list[str], missed: list[str], bearing: list[str], **more: Any) -> dict[str, Any]:
    evidence = [{"term": t, "words": t, "sentence": ASEPTIC, "by": "words"} for t in used]
    return {"keywords": {"used": used, "missed": missed, "bearing": bearing,
                         "evidence": evidence}} | more  # fmt: skip


def answer(ref: int, number: int, analysis: dict[str, Any] | None, **more: Any) -> MockAnswer:
    return MockAnswer(ref, number, f"Question {number}?", False, "analysed", analysis, **more)


TERMS = ["aseptic technique", "Datix", "environmental monitoring", "counsel patients"]


def test_terms_bearing_on_the_questions_are_said_used_with_where_or_not() -> None:
    answers = [
        answer(
            1,
            1,
            reading(
                ["aseptic technique"], TERMS[1:], ["aseptic technique", "environmental monitoring"]
            ),
        ),
        answer(2, 2, reading([], TERMS, ["Datix"])),
        answer(3, 3, reading(["counsel patients"], TERMS[:3], [])),
    ]
    terms = mock_terms(answers)
    assert terms is not None
    assert [(u.term, u.number, u.sentence) for u in terms.used] == [
        ("aseptic technique", 1, ASEPTIC)
    ]
    assert terms.missed == (("environmental monitoring", (1,)), ("Datix", (2,)))
    assert [(u.term, u.number) for u in terms.elsewhere] == [("counsel patients", 3)]
    assert (terms.terms, terms.said, terms.read, terms.bearing) == (4, 2, 3, 3)
    assert summarise_mock(["Q1?", "Q2?", "Q3?"], answers, TODAY).terms == terms


def test_a_mock_without_a_job_has_no_terms_to_report() -> None:
    bare = [answer(1, 1, reading([], [], [])), answer(2, 2, None)]
    assert mock_terms(bare) is None
    assert summarise_mock(["Q1?", "Q2?"], bare, TODAY).terms is None


def test_a_term_not_heard_is_not_listed_as_not_used() -> None:
    lost = reading([], TERMS, ["Datix"], withheld=["keywords"])
    terms = mock_terms([answer(1, 1, lost)])
    assert terms is not None
    assert terms.missed == ()
    assert terms.unheard == 1


def test_a_follow_up_saying_the_term_counts_for_its_question_and_a_failed_answer_for_none() -> None:
    main = answer(1, 1, reading([], TERMS, ["Datix"]))
    follow = MockAnswer(2, 1, "What was the outcome?", True, "analysed",
                        reading(["Datix"], TERMS[:1] + TERMS[2:], []), follows=1)  # fmt: skip
    failed = answer(
        3, 2, reading(["aseptic technique"], TERMS[1:], ["aseptic technique"]), failed=True
    )
    terms = mock_terms([main, follow, failed])
    assert terms is not None
    assert [(u.term, u.number) for u in terms.used] == [("Datix", 1)]
    assert terms.missed == ()
    assert terms.read == 2


def test_a_term_perhaps_said_is_neither_used_nor_missed() -> None:
    perhaps = reading([], TERMS[1:], ["aseptic technique"])
    perhaps["keywords"]["unsure"] = [{"term": "aseptic technique", "words": "sterile work",
                                      "sentence": "I did sterile work.", "similarity": 0.4}]  # fmt: skip
    terms = mock_terms([answer(1, 1, perhaps)])
    assert terms is not None
    assert terms.missed == ()
    assert terms.used == ()
    assert [(u.term, u.sentence) for u in terms.unsure] == [
        ("aseptic technique", "I did sterile work.")
    ]
    assert terms.terms == 4
    assert terms.bearing == 1
