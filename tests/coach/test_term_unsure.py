"""A job's term found by meaning below `term_match.SURE_BY_MEANING` is a "can't tell": neither
used nor missed, quoted with the nearest words (`keywords.coverage`, the stored analysis)."""

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.keywords import coverage
from prepcoach.coach.term_match import SURE_BY_MEANING

pytestmark = pytest.mark.usefixtures("sentence_model")

TERMS = ["controlled drugs", "stock control", "Datix"]
# A trial's pharmacy answer was credited "controlled drugs" through "her prescription was ready".
ANSWER = (
    "A patient came in upset because she thought her prescription was ready. I checked the "
    "system, rang the other branch and had it sent over that afternoon. I logged the near miss "
    "on Datix."
)


def test_a_weak_match_by_meaning_is_neither_used_nor_missed() -> None:
    found = coverage(ANSWER, TERMS)
    assert found.used == ("Datix",)
    assert found.missed == ("stock control",)
    assert [c.term for c in found.unsure] == ["controlled drugs"]
    unsure = found.unsure[0]
    assert unsure.by == "meaning"
    assert 0.40 <= unsure.similarity < SURE_BY_MEANING
    assert unsure.words == "A patient came in upset because she thought her prescription was ready."
    # Its evidence is only the used terms'.
    assert [c.term for c in found.evidence] == ["Datix"]


def test_a_match_by_meaning_at_the_sure_cut_or_above_is_used() -> None:
    found = coverage(
        "I counted the stock every Friday and reordered what was low, so the shelves never ran "
        "out.",
        TERMS,
    )
    assert found.used == ("stock control",)
    assert found.evidence[0].by == "meaning"
    assert found.evidence[0].similarity >= SURE_BY_MEANING
    assert found.unsure == ()


def test_the_stored_analysis_keeps_the_unsure_terms_apart() -> None:
    stored = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()["keywords"]
    assert stored["used"] == ["Datix"]
    assert stored["missed"] == ["stock control"]
    assert [u["term"] for u in stored["unsure"]] == ["controlled drugs"]
    assert stored["unsure"][0]["words"].startswith("A patient came in upset")
    assert stored["unsure"][0]["similarity"] < SURE_BY_MEANING
    assert stored["terms"] == TERMS  # every term it read with, for `practice.report.terms_since`
