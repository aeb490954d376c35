"""The key terms of a job description, and which of them an answer used."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from prepcoach.coach.text import STOPWORDS, stem

# Words every job advert uses that say nothing about this job.
ADVERT_WORDS = frozenset(
    """role team join company candidate candidates experience work working years ability
    skills skill strong excellent good great looking including include includes will
    responsibilities requirements required preferred plus opportunity environment across
    within help ensure support using use based new including our you your we us job position
    apply applicant salary benefits location remote office day week hours build write need
    make take manage create develop deliver drive own lead provide bring every teams""".split()
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z+#.-]*[A-Za-z+#]|[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class Coverage:
    used: tuple[str, ...]
    missed: tuple[str, ...]


def key_terms(description: str, limit: int = 15) -> list[str]:
    """The terms a job description leans on: repeated words and two-word phrases, and names
    in capitals (SQL, Tableau), most telling first."""
    words = WORD_RE.findall(description)
    useful = [w for w in words if w.lower() not in STOPWORDS and w.lower() not in ADVERT_WORDS]
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}
    for word in useful:
        key = stem(word)
        counts[key] += 2 if word.isupper() and len(word) > 1 else 1
        forms.setdefault(key, set()).add(word)
    # A name keeps its capitals when it is always written with them ("Tableau", "SQL").
    shown = {
        key: next(iter(f)) if all(w[:1].isupper() for w in f) else min(f).lower()
        for key, f in forms.items()
    }
    lowered = [w.lower() for w in words]
    for a, b in itertools.pairwise(lowered):
        if (
            a not in STOPWORDS
            and b not in STOPWORDS
            and a not in ADVERT_WORDS
            and b not in ADVERT_WORDS
        ):
            counts[f"{stem(a)} {stem(b)}"] += 1
            shown.setdefault(f"{stem(a)} {stem(b)}", f"{a} {b}")
    ranked = [k for k, c in counts.most_common() if c >= 2 or " " not in k]
    # A phrase that is repeated beats its words said alone.
    chosen: list[str] = []
    for key in ranked:
        if len(chosen) == limit:
            break
        if " " not in key and any(key in c.split() for c in chosen):
            continue
        chosen.append(key)
    return [shown[k] for k in chosen]


def coverage(answer: str, terms: list[str]) -> Coverage:
    answer_stems = " ".join(stem(w) for w in WORD_RE.findall(answer.lower()))
    used: list[str] = []
    missed: list[str] = []
    for term in terms:
        key = " ".join(stem(w) for w in term.lower().split())
        (used if re.search(rf"\b{re.escape(key)}\b", answer_stems) else missed).append(term)
    return Coverage(tuple(used), tuple(missed))
