"""`terms_since` reads a stored analysis as it is: odd values in its JSON (`"unsure": 5`,
`"used": 3`, `"withheld": 5`, `{"term": None}`) are ignored, never a TypeError (the report page's
500) nor a term named "None"."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.practice.report import TermsSince, terms_since

NOW = ["Datix", "stock control"]


@pytest.mark.parametrize(
    ("odd", "added"),
    [
        ({"unsure": 5}, ()),
        ({"used": 3}, ("Datix",)),
        ({"missed": 7.5}, ("stock control",)),
        ({"terms": 9}, ()),  # read as an analysis stored before the terms were kept
        ({"unsure": [None, "x", {"term": None}, {"term": 4}, {"words": "a"}]}, ()),
        ({"used": [None, 3, {"term": "x"}], "missed": "stock control"}, tuple(NOW)),
    ],
)
def test_odd_stored_values_are_ignored(odd: dict[str, Any], added: tuple[str, ...]) -> None:
    keywords = {"used": ["Datix"], "missed": ["stock control"], "bearing": []} | odd
    expected = TermsSince((), added) if added else None
    assert terms_since({"keywords": keywords}, NOW) == expected


def test_a_none_term_is_never_a_term_removed_named_none() -> None:
    keywords = {"used": ["Datix"], "missed": [None], "unsure": [{"term": None}]}
    assert terms_since({"keywords": keywords}, ["Datix"]) is None
    assert terms_since({"keywords": keywords, "withheld": 5}, ["Datix"]) is None
    assert terms_since({"keywords": keywords, "withheld": None}, NOW) == TermsSince(
        (), ("stock control",)
    )


def test_the_report_page_reads_odd_stored_key_terms_without_failing(
    alice_client: Client, alice: User
) -> None:
    """A review: a stored `"unsure": 5` raised TypeError in the card's loop, a 500."""
    from tests.practice.test_report_terms_since import card_of, report

    keywords = {"used": ["SQL"], "missed": 3, "bearing": None, "unsure": 5,
                "evidence": [7, {"term": None}]}  # fmt: skip
    card = card_of(report(alice_client, alice, keywords))
    assert "SQL" in card
