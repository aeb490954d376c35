"""The matcher leaves a term said only as another person's work or as still to come unused,
and finds it where the speaker says it of themselves (`term_doer`, through `term_match.not_done`).
A trial's payroll answer was credited with "HMRC RTI submissions" for "Submissions to HMRC are
done by my supervisor"."""

from __future__ import annotations

import pytest

from prepcoach.coach.term_match import find_terms, shared_embedder

pytestmark = pytest.mark.usefixtures("sentence_model")


def used(text: str, terms: list[str]) -> list[str]:
    found = find_terms(text, terms, shared_embedder())
    return [c.term for c in found if c is not None and not c.unsure]


def test_others_work_and_prospects_are_not_used() -> None:
    text = (
        "I run the monthly payroll for 400 staff in Sage. Submissions to HMRC are done by my "
        "supervisor, and I'm booked on the CIPP diploma next spring."
    )
    assert used(text, ["Sage", "HMRC RTI submissions", "CIPP diploma"]) == ["Sage"]


def test_a_term_told_both_ways_is_used_where_the_speaker_did_it() -> None:
    text = (
        "Our analyst builds the Power BI reports for the board. Last quarter I rebuilt the "
        "sales dashboard in Power BI myself."
    )
    [covered] = find_terms(text, ["Power BI"], shared_embedder())
    assert covered is not None
    assert covered.sentence.startswith("Last quarter I rebuilt")
