"""What a candidate key term means where the advert says it: the mean of MiniLM's token states
over the phrase's own words, read inside its line.

A phrase embedded alone says what it is about ("Python" is a programming language wherever it
stands); read in its line, the same words also carry how the advert uses them: asked of the
candidate ("strong Python, SQL and dbt"), said of the employer ("our Python monolith"), a perk
or a place. The middle layers carry that stance more than the last (the answer reader found the
same for a sentence's part in a story, `embeddings.READER_LAYERS`). Twentieth session, 5-fold
cross-validation by advert on the 387 development adverts, the meaning prior reading the
phrase's vector with its in-line states beside it: layer 4 F1 .681 to .694, layer 3 .692, the
last layer .684 (`scripts/train_key_terms.py`, docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.embeddings import WIDTH
from prepcoach.coach.text import phrase_pattern

if TYPE_CHECKING:
    from prepcoach.coach.embeddings import TokenStates
    from prepcoach.coach.key_term_candidates import Advert, Candidate

CONTEXT_LAYER = 4  # of MiniLM's 6 encoder layers, counted from 1
LINES_READ = 4  # a phrase is read in at most its first 4 lines: enough to say how it is used


@runtime_checkable
class ContextModel(Protocol):
    """A model that gives each text's token states at one layer, with their character spans
    (`embeddings.MiniLMEmbedder.token_states`)."""

    def token_states(self, texts: Sequence[str], layer: int) -> list[TokenStates]: ...


def phrase_contexts(
    advert: Advert, candidates: Sequence[Candidate], model: ContextModel
) -> NDArray[np.float64]:
    """For each candidate, a unit vector (len(candidates) × 384): the mean token state at
    `CONTEXT_LAYER` over its words where they stand in its first `LINES_READ` lines (its
    commonest spelling found first, as a whole word, case aside), averaged over those lines. A
    phrase the advert never writes as such (a noun read from a verb, "complaint handling" from
    "handle complaints") gets its first line's mean state; a phrase with no line, zeros."""
    chosen = [[i for i in sorted(c.lines)[:LINES_READ] if _readable(advert, i)] for c in candidates]
    texts = sorted({i for lines in chosen for i in lines})
    read = model.token_states([advert.lines[i] for i in texts], CONTEXT_LAYER)
    states = dict(zip(texts, read, strict=True))
    out = np.zeros((len(candidates), WIDTH))
    for row, (candidate, lines) in enumerate(zip(candidates, chosen, strict=True)):
        spellings = sorted(candidate.surfaces, key=lambda s: (-candidate.surfaces[s], s))
        found = [
            span
            for i in lines
            if (span := _phrase_states(advert.lines[i], states[i], spellings)) is not None
        ]
        if found:
            vector = np.mean(found, axis=0)
        elif lines:
            vector = _line_mean(states[lines[0]])
        else:
            continue
        norm = float(np.linalg.norm(vector))
        out[row] = vector / norm if norm > 0 else vector
    return out


def _readable(advert: Advert, line: int) -> bool:
    return line < len(advert.lines) and bool(advert.lines[line].strip())


def _phrase_states(
    line: str, states: TokenStates, spellings: Sequence[str]
) -> NDArray[np.float64] | None:
    """The mean state of the tokens of the first spelling found in `line`, or None."""
    for spelling in spellings:
        match = phrase_pattern(spelling).search(line)
        if match is None:
            continue
        start, end = match.span()
        tokens = [t for t, (a, b) in enumerate(states.spans) if b > a and b > start and a < end]
        if tokens:  # none when the line was cut before the phrase (`embeddings.MAX_TOKENS`)
            return np.asarray(states.states[tokens], dtype=np.float64).mean(axis=0)
    return None


def _line_mean(states: TokenStates) -> NDArray[np.float64]:
    """The mean state of a line's own tokens ([CLS] and [SEP] left out)."""
    tokens = [t for t, (a, b) in enumerate(states.spans) if b > a]
    rows = states.states[tokens] if tokens else states.states
    return np.asarray(rows, dtype=np.float64).mean(axis=0)
