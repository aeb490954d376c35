"""A term's phrased vector lives in `term_vectors`, apart from the matcher that reads texts;
`term_match` still names it for its callers (`coach.stories`, the trainer, these tests), and a
variant of the phrasings set where they are read changes what the matcher compares."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from prepcoach.coach import term_match, term_vectors


def test_the_matcher_names_the_same_phrasings_and_vectors() -> None:
    assert term_match.term_vectors is term_vectors.term_vectors
    assert term_match.templates is term_vectors.templates
    assert term_match.PHRASINGS is term_vectors.PHRASINGS


class Counting:
    """An embedder that keeps the texts it is asked for (a vector per text, by its length)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.asked += texts
        return [[1.0, float(len(t)), 0.0] for t in texts]


def test_the_phrasings_are_read_where_they_live(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer measures the bare term by setting `term_vectors.PHRASINGS` (its variant
    "the bare term"); the matcher's own lookups go through it."""
    monkeypatch.setattr(term_vectors, "PHRASINGS", ("{}",))
    embedder = Counting()
    matcher = term_match.Matcher("I ran the weekly payroll.", embedder)
    matcher.closest("payroll")
    assert "payroll" in embedder.asked
    assert "I did payroll" not in embedder.asked
