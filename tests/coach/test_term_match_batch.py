"""What `term_match.find_terms` sends to the sentence model: an answer's units and the phrasings
of the terms it reads by meaning, in one call, each text once; never a unit said as not done
nor the phrasings of a term said by its words or only by name, which no reading compares; and
the same findings as a matcher asked term by term."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from prepcoach.coach import term_match
from prepcoach.coach.term_match import Matcher, find_terms, term_vectors


class Counting:
    """An embedder that keeps each call's texts (a vector per text, by its length)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return [[1.0, float(len(t)), float(len(t) % 5)] for t in texts]


ANSWER = "I haven't used Tableau yet, but I ran the weekly payroll. We use Excel for the reports."


def test_an_answer_goes_to_the_model_in_one_call() -> None:
    embedder = Counting()
    term_match.templates(embedder)  # kept once per embedder, not per answer
    embedder.calls.clear()
    find_terms(ANSWER, ["Excel", "Tableau", "stakeholder management", "budgeting"], embedder)
    assert len(embedder.calls) == 1
    (sent,) = embedder.calls
    assert len(sent) == len(set(sent))
    # Excel is said by its words and Tableau is a name: only the other two are phrased.
    phrased = {
        p.format(t) for t in ("stakeholder management", "budgeting") for p in term_match.PHRASINGS
    }
    assert phrased <= set(sent)
    # Each unit not said as not done, once ("budgeting" is one word: its phrases too).
    units = Matcher(ANSWER).units()
    assert {u.text for u in units if not u.denied} == set(sent) - phrased
    assert "We use Excel for the reports." in sent
    assert "I haven't used Tableau yet" not in sent  # denied: no reading compares it


def test_an_answer_said_by_its_words_is_not_embedded() -> None:
    embedder = Counting()
    term_match.templates(embedder)
    embedder.calls.clear()
    found = find_terms(ANSWER, ["Excel", "Tableau", "payroll"], embedder)
    assert [c.by if c else None for c in found] == ["word form", None, "word form"]
    assert embedder.calls == []


def test_phrases_of_one_word_in_effect_are_embedded_only_for_a_term_of_one_word() -> None:
    said = "We had eight accounts and the renewals team grew."
    units = Matcher(said).units()
    dangling = {u.text for u in units if u.dangling}
    assert dangling  # "accounts and"
    embedder = Counting()
    term_match.templates(embedder)
    embedder.calls.clear()
    find_terms(said, ["stakeholder management"], embedder)
    assert not dangling & set(embedder.calls[0])
    embedder.calls.clear()
    find_terms(said, ["stakeholder management", "negotiation"], embedder)
    assert dangling <= set(embedder.calls[0])


@pytest.mark.usefixtures("sentence_model")
def test_the_answer_read_at_once_finds_what_a_matcher_finds_term_by_term() -> None:
    """A matcher asked term by term (a story matrix's way: `stories.coverage`) embeds the
    units a term needs as it asks; `find_terms` all at once. Their findings are the same,
    scores and words too."""
    embedder = term_match.shared_embedder()
    assert embedder is not None
    answers = [
        "We had eight accounts and the renewals team grew. I ran a weekly call with their ops "
        "manager, and I kept the three department heads in the loop every Friday.",
        "I handled the invoices, but I haven't done payroll. I help customers most days.",
        "so I priced it properly, um, built the quotation with the programme impact, and I sat "
        "down with their QS",
    ]
    terms = [
        "stakeholder management",
        "account management",
        "payroll",
        "customer focus",
        "estimating",
        "Microsoft Teams",
        "Excel",
    ]
    for said in answers:
        one_by_one = Matcher(said, embedder)
        vectors = term_vectors(terms, embedder)
        expected = [one_by_one.find(t, v, names=True) for t, v in zip(terms, vectors, strict=True)]
        assert find_terms(said, terms, embedder) == expected


class Wrapped:
    """The sentence model, keeping the texts it is asked to embed."""

    def __init__(self, model: object) -> None:
        self.model = model
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.asked += texts
        return self.model.embed(texts)  # type: ignore[attr-defined,no-any-return]

    def embed_layers(self, texts: Sequence[str]) -> list[list[float]]:
        self.asked += texts
        return self.model.embed_layers(texts)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.usefixtures("sentence_model")
def test_a_sentence_the_reader_embedded_is_not_embedded_again() -> None:
    """At the end of a recorded answer the reader has embedded its sentences (`reader.embed`,
    kept in `reader_inputs.MIDDLE`); the matcher reads their vectors from there."""
    from prepcoach.coach import reader

    model = term_match.shared_embedder()
    assert model is not None
    said = "I kept the three department heads in the loop with a short note every Friday."
    terms = ["stakeholder management", "reporting"]
    before = find_terms(said, terms, model)
    reader.embed([said], model)
    wrapped = Wrapped(model)
    assert find_terms(said, terms, wrapped) == before
    assert wrapped.asked
    assert said not in wrapped.asked
