"""Whether a text covers a term (a job's key term, a company value, a competency), and the sentence
that shows it: by word form (every content word of the term, in any of its forms, in one sentence,
within a few words of each other, `SLACK`: "managing stakeholders" covers "stakeholder management",
"accounts … the sales manager" no "account management") or by meaning (the sentence's MiniLM
embedding close enough to the term's: "I help customers" covers "customer focus"). The meaning
threshold is calibrated on the development adverts by `scripts/train_key_terms.py`.

A job's term that names a thing (`names=True`: a tool, a product, a qualification) is said
only by its name: a word of it that is a name (`is_name`) is matched in its own form, never by
its root, and a term made only of names, one of them no English word, is never matched by
meaning. A trial's answers were credited with "Looker" for "I've looked after…" and "looking
back" (both "look"), as "Docker" would be for "docking" and "React" for "reacted"; and a tool
is not used because a sentence means something near it ("our BI dashboards" is not "Looker").
Known misses: a name that is an English word too is matched in any case ("react fast" covers
"React", "excel at" "Excel"), a plural name reads as the word ("Teams" as "team"), and a term
said in its other form by initials is not found ("quarterly business reviews" for "QBRs"): a
match by initials was tried and withdrawn, as ordinary runs of words spell an acronym by chance
("Customers really mattered" is "CRM", "8 AM" "account management")."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach.embeddings import vocabulary
from prepcoach.coach.key_term_candidates import FUNCTION_WORDS, JOINERS, _chunks
from prepcoach.coach.key_term_model import MEANING_THRESHOLD
from prepcoach.coach.term_forms import root, tokens

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Covered:
    term: str
    sentence: str  # the text's own sentence that covers the term
    by: str  # "word form" or "meaning"
    similarity: float  # cosine similarity when by meaning; 1.0 by word form


@functools.cache
def shared_embedder() -> Embedder | None:
    """The MiniLM model, loaded once per process (None if its packages were removed)."""
    from prepcoach.coach.embeddings import load_embedder

    return load_embedder()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.split(text) if len(tokens(s)) >= 1]


def term_roots(term: str) -> frozenset[str]:
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS]
    return frozenset(root(w) for w in words) or frozenset(root(w) for w in tokens(term))


# Endings of an English word's forms: a capitalised "Onboarding", "Renewals" or "Forecasting"
# in an advert's list is a skill written with a capital, said in any form ("I onboarded…").
INFLECTED = ("ing", "ings", "s", "ed", "ment", "ments", "tion", "tions")


def is_name(word: str, alone: bool = True) -> bool:
    """Whether a word of a job's term is a name, matched only in its own form (`own_form`):
    written with a capital, not in one of an English word's inflected forms (`INFLECTED`), and
    the term's only word or no word of the model's English vocabulary: "Looker", "Docker",
    "Excel", "React", "Looker Studio"'s "Looker"; not "Onboarding", "Renewals", "KPIs", nor
    "Customer Onboarding"'s "Customer" (a reviewer found "I onboarded forty customers" missing
    an advert's capitalised "Onboarding")."""
    plain = word.lower()
    return (
        any(c.isupper() for c in word)
        and not plain.endswith(INFLECTED)
        and (alone or plain not in vocabulary())
    )


def word_root(word: str) -> str:
    """`root`, with an acronym's plural read as the acronym ("KPIs", "SLAs": "kpi", "sla")."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return root(word[:-1])
    return root(word)


def own_form(word: str) -> str:
    """A word's form for matching as a name: lower case, a possessive dropped; marked so it
    never equals a root."""
    return "=" + word.replace("’", "'").removesuffix("'s").rstrip("'").lower()


def term_keys(term: str, names: bool) -> tuple[frozenset[str], bool]:
    """What a sentence must hold to cover `term` by word form (roots, and names' own forms
    when `names`), and whether it is never covered by meaning: a term made only of names, one
    of them no English word ("Looker", "Gainsight"); a capitalised English word alone, such as
    an advert's "Leadership", may still be said in other words ("I led…")."""
    if not names:
        return term_roots(term), False
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS] or tokens(term)
    named = [is_name(w, alone=len(words) == 1) for w in words]
    keys = frozenset(own_form(w) if n else word_root(w) for w, n in zip(words, named, strict=True))
    foreign = any(n and w.lower() not in vocabulary() for w, n in zip(words, named, strict=True))
    return keys, bool(words) and all(named) and foreign


# A term's words must fall within this many words beyond their own number: "managing our key
# stakeholders" is "stakeholder management", while "our largest accounts … the sales manager"
# is no "account management" (a trial's answers were credited with it, and "success plans" for
# "success" early in a sentence and "a clear plan" late in it).
SLACK = 3


def _close_together(needed: frozenset[str], words: Sequence[set[str]]) -> bool:
    """Whether every key of `needed` is among the keys of one run of `len(needed) + SLACK`
    consecutive words (`words`: each word's keys)."""
    span = len(needed) + SLACK
    if len(needed) < 2 or len(words) <= span:
        return True
    return any(
        needed <= set().union(*words[start : start + span])
        for start in range(len(words) - span + 1)
    )


def phrases(sentence: str) -> list[str]:
    """The sentence's short phrases (2-3 words inside a run without function words) that a term
    is compared with beside the whole sentence: "help customers" in a long sentence."""
    out: list[str] = []
    for chunk, _ in _chunks(sentence):
        for n in (2, 3):
            out += [" ".join(chunk[i : i + n]) for i in range(len(chunk) - n + 1)]
    return list(dict.fromkeys(out))


class Matcher:
    """One text read once (its sentences, their roots and, lazily, the vectors of each sentence
    and its short phrases), asked about many terms."""

    def __init__(
        self, text: str, embedder: Embedder | None = None, threshold: float = MEANING_THRESHOLD
    ) -> None:
        self.sentences = sentences(text)
        # Each word's keys (its root and its own form), per sentence, and their union.
        self.words = [[{word_root(w), own_form(w)} for w in tokens(s)] for s in self.sentences]
        self.roots = [frozenset().union(*words) for words in self.words]
        self.embedder = embedder
        self.threshold = threshold
        self._units: list[tuple[int, list[float]]] | None = None

    def units(self) -> list[tuple[int, list[float]]]:
        """(sentence index, vector) of each sentence and each of its phrases."""
        if self._units is None:
            assert self.embedder is not None
            owners: list[int] = []
            texts: list[str] = []
            for i, sentence in enumerate(self.sentences):
                for unit in [sentence, *phrases(sentence)]:
                    owners.append(i)
                    texts.append(unit)
            vectors = self.embedder.embed(texts) if texts else []
            self._units = list(zip(owners, vectors, strict=True))
        return self._units

    def similarities(self, term_vector: Sequence[float]) -> list[float]:
        """Per sentence, the highest similarity of the term to it or one of its phrases."""
        best = [-1.0] * len(self.sentences)
        for owner, vector in self.units():
            similarity = sum(a * b for a, b in zip(term_vector, vector, strict=True))
            best[owner] = max(best[owner], similarity)
        return best

    def find(
        self, term: str, term_vector: Sequence[float] | None = None, names: bool = False
    ) -> Covered | None:
        """The first sentence that covers `term`, or None; `names`: the term is a job's, whose
        names are said only by name (the module's docstring)."""
        needed, only_names = term_keys(term, names)
        if not needed:
            return None
        for sentence, roots, words in zip(self.sentences, self.roots, self.words, strict=True):
            if needed <= roots and _close_together(needed, words):
                return Covered(term, sentence, "word form", 1.0)
        if self.embedder is None or not self.sentences or only_names:
            return None
        if term_vector is None:
            term_vector = self.embedder.embed([term])[0]
        scores = self.similarities(term_vector)
        best = max(range(len(scores)), key=lambda i: scores[i])
        if scores[best] >= self.threshold:
            return Covered(term, self.sentences[best], "meaning", round(scores[best], 3))
        return None


def find_terms(
    text: str, terms: Sequence[str], embedder: Embedder | None = None, names: bool = True
) -> list[Covered | None]:
    """For each term (a job's, whose names are said only by name unless `names` is False), the
    sentence of `text` that covers it, or None."""
    matcher = Matcher(text, embedder)
    vectors: list[list[float]] | list[None] = [None] * len(terms)
    if embedder is not None and terms and matcher.sentences:
        vectors = embedder.embed(list(terms))
    return [matcher.find(t, v, names) for t, v in zip(terms, vectors, strict=True)]
