"""The mock summary's count of the job's terms (`mock_terms`) and the stored readings it reads.

- Each analysis keeps every term it was read against (`keywords["terms"]`): the count is those,
  where speech was lost too (its `missed` is stored empty, and the old count of used, missed and
  unsure together said "1 of the job's terms" of a job with 4).
- Odd values in stored JSON (`"unsure": 5`, `"bearing": 3`, `{"term": None}`) are ignored: they
  had raised TypeError, or counted a term named "None"."""

from __future__ import annotations

from typing import Any

import pytest

from prepcoach.coach.mock_interview import mock_terms
from tests.coach.test_mock_summary_terms import TERMS, answer, reading


def test_the_terms_read_against_are_counted_where_speech_was_lost() -> None:
    lost = reading(["Datix"], [], ["Datix"], withheld=["keywords"])
    lost["keywords"]["terms"] = TERMS
    terms = mock_terms([answer(1, 1, lost)])
    assert terms is not None
    assert (terms.terms, terms.said, terms.read, terms.unheard) == (4, 1, 1, 1)
    assert terms.missed == ()
    # Lost speech with no term said: still read against the job's 4 terms.
    silent = reading([], [], [], withheld=["keywords"])
    silent["keywords"]["terms"] = TERMS
    assert mock_terms([answer(1, 1, silent)]).terms == 4  # type: ignore[union-attr]


def test_an_analysis_stored_before_the_terms_were_kept_counts_used_missed_and_unsure() -> None:
    old = reading(["Datix"], TERMS[2:], ["Datix"])
    old["keywords"]["unsure"] = [{"term": "aseptic technique", "words": "sterile work"}]
    assert mock_terms([answer(1, 1, old)]).terms == 4  # type: ignore[union-attr]
    # Two answers, one kept its terms and one did not: every term counted once.
    kept = reading([], TERMS, []) | {}
    kept["keywords"]["terms"] = TERMS
    assert mock_terms([answer(1, 1, old), answer(2, 2, kept)]).terms == 4  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "odd",
    [
        {"unsure": 5},
        {"bearing": 3},
        {"used": 7, "evidence": 4},
        {"missed": None, "terms": 9},
        {"unsure": [None, "x", 3, {"term": None}, {"term": 5, "words": "a"}, {"words": "b"}]},
        {"evidence": [None, {"term": None}, {"term": 2, "sentence": "S."}], "used": [None, 3]},
        {"bearing": ["Datix", None, 4], "terms": [None, 1.5]},
        {"used": "Datix"},  # a string is no list of terms: never read letter by letter
    ],
)
def test_odd_stored_values_are_ignored(odd: dict[str, Any]) -> None:
    analysis = reading(["Datix"], ["stock control"], ["Datix", "stock control"])
    analysis["keywords"] |= odd
    terms = mock_terms([answer(1, 1, analysis), answer(2, 2, {"keywords": odd})])
    assert terms is not None
    named = {u.term for u in (*terms.used, *terms.elsewhere, *terms.unsure)}
    named |= {t for t, _ in terms.missed}
    assert named <= {"Datix", "stock control"}
    assert "None" not in named
    assert "" not in named
    assert terms.terms <= 2


@pytest.mark.parametrize("withheld", [5, "keywords", None, [None, 3]])
def test_an_odd_stored_withheld_is_ignored(withheld: object) -> None:
    analysis = reading(["Datix"], ["stock control"], ["Datix", "stock control"])
    terms = mock_terms([answer(1, 1, analysis | {"withheld": withheld})])
    assert terms is not None
    assert (terms.unheard, terms.missed) == (0, (("stock control", (1,)),))


def test_a_none_term_is_never_counted_as_a_term_named_none() -> None:
    analysis = reading([], ["Datix"], ["Datix"])
    analysis["keywords"]["unsure"] = [{"term": None, "words": "x", "sentence": "Y."}]
    analysis["keywords"]["evidence"] = [{"term": None, "sentence": "Y."}]
    terms = mock_terms([answer(1, 1, analysis)])
    assert terms is not None
    assert (terms.terms, terms.said, terms.unsure, terms.elsewhere) == (1, 0, (), ())
    assert terms.missed == (("Datix", (1,)),)
