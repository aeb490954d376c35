"""Word forms for job terms: a light suffix stemmer (so "managing stakeholders" meets
"stakeholder management") and the labelled adverts' scoring form (plural and -ing folded), shared
by the key-term extractor, its training script, its benchmark and the coverage matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’+#&./-]*[A-Za-z0-9+#]|[A-Za-z0-9][+#]*")
SUFFIXES = ("ments", "ment", "ations", "ation", "ings", "ing", "ers", "er", "ies", "ied", "ed",
            "es", "s")  # fmt: skip


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def root(word: str) -> str:
    """A word's root for matching forms: "managing", "management", "manager" → "manag";
    "customers" → "custom"; short words and acronyms stay as they are."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            stem = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            return stem[:-1] if stem.endswith("e") and len(stem) > 3 else stem
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def scoring_form(term: str) -> str:
    """The form the labelling guide scores by: lower case, each word's plural and -ing folded,
    spacing normalised."""
    out = []
    for word in term.lower().replace("’", "'").split():
        if len(word) > 5 and word.endswith("ing"):
            word = word[:-3]
        elif len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class TermScore:
    """Agreement of extracted terms with labelled ones, counted by the guide's rule."""

    true_positives: int
    extracted: int
    gold: int
    core_found: int
    core: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core if self.core else 0.0

    def __add__(self, other: TermScore) -> TermScore:
        return TermScore(
            self.true_positives + other.true_positives,
            self.extracted + other.extracted,
            self.gold + other.gold,
            self.core_found + other.core_found,
            self.core + other.core,
        )


def gold_index(labels: list[dict[str, object]]) -> dict[str, int]:
    """Each surface form of each labelled term (scoring form) → the term's index."""
    index: dict[str, int] = {}
    for i, label in enumerate(labels):
        variants = label.get("variants", [])
        assert isinstance(variants, list)
        for surface in [str(label["term"]), *map(str, variants)]:
            index.setdefault(scoring_form(surface), i)
    return index


def score_terms(extracted: list[str], labels: list[dict[str, object]]) -> TermScore:
    """Each labelled term matched at most once; a second match of it is a false positive."""
    index = gold_index(labels)
    matched: set[int] = set()
    for term in extracted:
        i = index.get(scoring_form(term))
        if i is not None and i not in matched:
            matched.add(i)
    core = {i for i, label in enumerate(labels) if label.get("core")}
    return TermScore(len(matched), len(extracted), len(labels), len(matched & core), len(core))
