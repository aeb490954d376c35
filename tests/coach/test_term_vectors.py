"""A term's phrased vector lives in `term_vectors`, apart from the matcher that reads texts;
`term_match` still names it for its callers (`coach.stories`, the trainer, these tests), and a
variant of the phrasings set where they are read changes what the matcher compares."""

from __future__ import annotations

import pytest

from prepcoach.coach import term_match, term_vectors
from tests.coach.test_term_use_model import Counting


def test_the_matcher_names_the_same_phrasings_and_vectors() -> None:
    assert term_match.term_vectors is term_vectors.term_vectors
    assert term_match.templates is term_vectors.templates
    assert term_match.PHRASINGS is term_vectors.PHRASINGS


def test_the_phrasings_are_read_where_they_live(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer measures the bare term by setting `term_vectors.PHRASINGS` (its variant
    "the bare term"); the matcher's own lookups go through it."""
    monkeypatch.setattr(term_vectors, "PHRASINGS", ("{}",))
    embedder = Counting()
    matcher = term_match.Matcher("I ran the weekly payroll.", embedder)
    matcher.closest("payroll")
    assert "payroll" in embedder.asked
    assert "I did payroll" not in embedder.asked
