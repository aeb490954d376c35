"""`prepcoach analyze`'s key-terms line reads the analysis's `keywords` as it is: odd values
(`"unsure": 5`, `"used": None`, `{"term": None}`) are ignored, never a TypeError or KeyError."""

from __future__ import annotations

from typing import Any

import pytest

from prepcoach.cli.analyze import _key_terms_line

JD = "An advert asking for Datix, stock control and controlled drugs."


@pytest.mark.parametrize(
    "odd",
    [
        {"unsure": 5},
        {"used": None},
        {"missed": 3},
        {"unsure": [None, {"term": None, "words": "x"}, {"term": "y"}, {"words": "z"}]},
        {"used": ["Datix", None, 4]},
    ],
)
def test_odd_values_are_ignored(odd: dict[str, Any]) -> None:
    keywords = {"used": ["Datix"], "missed": ["stock control"], "bearing": []} | odd
    line = _key_terms_line(JD, {"keywords": keywords})
    assert line.startswith("Key terms: ")
    assert "None" not in line


def test_a_term_with_no_words_is_named_without_them() -> None:
    keywords = {"used": [], "missed": [], "unsure": [{"term": "Datix"}, {"term": None}]}
    assert _key_terms_line(JD, {"keywords": keywords}) == (
        "Key terms: used none; not used none; can't tell, perhaps in other words: Datix."
    )


def test_missing_lists_and_an_odd_withheld_read_as_none() -> None:
    assert _key_terms_line(JD, {"keywords": {}}) == (
        "Key terms: prepcoach found none in the job description."
    )
    line = _key_terms_line(JD, {"keywords": {"used": ["Datix"]}, "withheld": 5})
    assert line == "Key terms: used Datix; not used none."
