"""A job's key terms as its owner corrected them: the extractor's (`coach.keywords.key_terms`,
read afresh from the advert each time) minus the terms the owner removed, plus the terms they
added after them. Only the corrections are stored (`Opportunity.terms_removed`,
`Opportunity.terms_added`), never a copy of the list, so an advert edited later still gives
its new terms, corrected the same way.

Terms are compared as people read them: case and runs of spaces aside ("sql" is "SQL"). The
extractor's spelling wins over a term typed again; a term removed stays removed while the
advert still gives it, and is listed as removed so it can be brought back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The longest term a person may add: a skill, a tool or a qualification, not a sentence.
MAX_TERM_CHARS = 80
# The most terms a person may add to one job (the extractor gives at most 18).
MAX_ADDED_TERMS = 30


def tidy(term: str) -> str:
    """The term as typed, trimmed, each run of spaces one space."""
    return " ".join(term.split())


def term_key(term: str) -> str:
    """What two terms share when they are the same term to a reader."""
    return tidy(term).casefold()


def _once(terms: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for term in terms:
        key = term_key(term)
        if key and key not in seen:
            seen.add(key)
            out.append(tidy(term))
    return out


@dataclass(frozen=True)
class Term:
    text: str
    added: bool  # by the owner, not found by the extractor


@dataclass(frozen=True)
class Corrected:
    """The terms in use (the extractor's first, then the owner's, each once) and those the
    owner removed that would otherwise be in use."""

    terms: tuple[Term, ...]
    removed: tuple[str, ...]

    @property
    def texts(self) -> list[str]:
        return [t.text for t in self.terms]

    def find(self, term: str) -> str | None:
        """The term in use that `term` names, as it is written there; None when none."""
        key = term_key(term)
        return next((t.text for t in self.terms if term_key(t.text) == key), None)

    def find_removed(self, term: str) -> str | None:
        key = term_key(term)
        return next((t for t in self.removed if term_key(t) == key), None)


def corrected(extracted: Sequence[str], removed: Sequence[str], added: Sequence[str]) -> Corrected:
    gone = {term_key(t) for t in removed}
    found = {term_key(t) for t in extracted}
    every = _once([*extracted, *added])
    return Corrected(
        terms=tuple(Term(t, term_key(t) not in found) for t in every if term_key(t) not in gone),
        removed=tuple(t for t in every if term_key(t) in gone),
    )


def without(terms: Sequence[str], term: str) -> list[str]:
    """`terms` with every spelling of `term` taken out."""
    key = term_key(term)
    return [t for t in terms if term_key(t) != key]


def with_term(terms: Sequence[str], term: str) -> list[str]:
    """`terms` with `term` at the end, unless a spelling of it is there already."""
    return _once([*terms, term])


def leading(terms: Sequence[Term], limit: int, optional: Iterable[str] = ()) -> list[str]:
    """At most `limit` terms for a short list (the brief's), in their order: every term the
    owner added (they chose it: the extractor missed it), and in the rest of the room the
    extractor's first ones, those the job requires before those its advert asks for only as a
    plus (`optional`, `jobs.models.Opportunity.optional_terms`' terms). A trial's brief kept
    "stock control" (desirable) and "IOSH Managing Safely" (a plus) and left out the required
    "risk assessments", "absence management" and "KPIs"."""
    plus = {term_key(t) for t in optional}
    added = [t.text for t in terms if t.added][:limit]
    found = sorted((t.text for t in terms if not t.added), key=lambda t: term_key(t) in plus)
    return [*found[: limit - len(added)], *added]  # the extractor's come first in `terms` too
