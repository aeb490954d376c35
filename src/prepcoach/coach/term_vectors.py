"""A job's term as the sentence model compares it, for `term_match`: the unit mean of the
vectors of its phrasings ("experience in {}", "I did {}", …: `PHRASINGS`), not of its bare
words, kept per embedder; and the phrasings' own vector without a term (`templates`), which
`term_match.GENERIC_MARGIN` measures a unit's echo of them by. Apart from the matcher so that
what a term is compared with can change without touching how a text is read."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

# How a candidate says they have a skill: a term is compared by the mean of these phrasings'
# vectors (`term_vectors`), not by its bare words. The bare words of a term of two or three
# words sit nearest a short phrase that shares one of them, while the sentence that tells the
# work without its words ("I ran a weekly call with their ops manager") sits nearer "I did
# stakeholder management". Out of fold on the labelled answers (`scripts/train_term_use.py`,
# with clauses, denials and the margin as shipped): F1 .782 with these five, .778 with the bare
# term alone (before the margin: .786 against .774; another fold split: .801 against .776, and
# .778 with the bare term as a sixth phrasing).
PHRASINGS = (
    "experience in {}", "I did {}", "I am skilled at {}", "I was responsible for {}",
    "my work involved {}",
)  # fmt: skip
# The phrased vectors kept per embedder (`term_vectors`): a story matrix asks for each term once
# per story, a server for the same job's terms once per answer.
PHRASED_KEPT = 5000
_PHRASED: weakref.WeakKeyDictionary[Embedder, dict[str, NDArray[np.float64]]] = (
    weakref.WeakKeyDictionary()
)


def term_vectors(terms: Sequence[str], embedder: Embedder) -> list[NDArray[np.float64]]:
    """Each term's vector: the unit mean of its phrasings' vectors (`PHRASINGS`), those of the
    terms not seen before made in one batch. Safe across a server's threads: what it returns
    is read from its own copy, never from the shared store another thread may clear."""
    return _term_vectors(
        terms, embedder, lambda texts: np.asarray(embedder.embed(texts), dtype=np.float64)
    )


def _term_vectors(
    terms: Sequence[str],
    embedder: Embedder,
    embed: Callable[[list[str]], NDArray[np.float64]],
) -> list[NDArray[np.float64]]:
    """`term_vectors`, the phrasings of the terms not kept embedded by `embed` (`find_terms`
    sends an answer's units to the model in the same call: `Matcher._embed`)."""
    known = _kept(embedder)
    have = {t: v for t in dict.fromkeys(terms) if (v := known.get(t)) is not None}
    missing = [t for t in dict.fromkeys(terms) if t not in have]
    if missing:
        n = len(PHRASINGS)
        vectors = embed([p.format(t) for t in missing for p in PHRASINGS])
        if len(known) + len(missing) > PHRASED_KEPT:
            known.clear()
        for i, term in enumerate(missing):
            mean = vectors[i * n : (i + 1) * n].mean(axis=0)
            have[term] = known[term] = mean / (np.linalg.norm(mean) or 1.0)
    return [have[t] for t in terms]


def _kept(embedder: Embedder) -> dict[str, NDArray[np.float64]]:
    try:
        return _PHRASED.setdefault(embedder, {})
    except TypeError:  # an embedder that takes no weak reference: nothing is kept
        return {}


_TEMPLATES = "\x00phrasings"  # the key of the phrasings' own vector in `_PHRASED`


def templates(embedder: Embedder) -> NDArray[np.float64]:
    """The unit mean of the phrasings without a term ("experience in", "I did", …), kept."""
    known = _kept(embedder)
    vector = known.get(_TEMPLATES)
    if vector is None:
        said = [p.format("").strip() for p in PHRASINGS]
        mean = np.asarray(embedder.embed(said), dtype=np.float64).mean(axis=0)
        vector = known[_TEMPLATES] = mean / (np.linalg.norm(mean) or 1.0)
    return vector
