"""Which of the user's own stories an answer retells, by meaning.

A story retold in an answer is told in other words, in another order, with details added or
dropped, so no word match finds it; its sentences do each find a close sentence in the answer.
The measure is the story's *coverage*: for each sentence of the story's parts (the title left
out), the cosine similarity of MiniLM vectors (`coach.reader.embed`) to its closest answer
sentence, averaged. A different story from the same field shares words and topic, but not its
events, so its sentences find weaker partners.

Chosen on `tests/data/relevance/retold_dev.json` (100 answers over 20 banks: 60 retell a bank
story, 40 do not, among them a story of the same field with the same vocabulary and an answer
that tells no story): coverage ranked the retold story first in all 60, and no answer that
retold nothing reached 0.491 while the lowest retelling read 0.523; the cut is midway. The
whole texts' similarity (retellings from 0.499, others up to 0.586) and the answer's sentences'
closest story sentences (0.98 at best) separated them less. `bench/bench_relevance.py` prints
the development and held-out figures.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach import reader

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

PARTS = ("situation", "task", "action", "result")
RETOLD_CUT = 0.51  # midway between 0.491 (no retelling) and 0.523 (a retelling), on development
# A story is named only with at least this many sentences in its parts: the cut was chosen on
# stories of 4 to 9, and one short sentence ("Customer complaints dropped.") finds a close
# partner in many answers (the review: 0.797 from an ordinary answer).
MIN_STORY_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Retelling:
    """`key` and `title` of the story the answer retells, or None (none does, or prepcoach
    can't tell: `reason` says which). `coverage` is that story's mean closest-sentence cosine
    similarity (-1 to 1; the best story's, even when under the cut), `pairs` the evidence: up
    to two (story sentence, answer sentence, similarity), closest first. `ranked` holds every
    story's (key, coverage), best first."""

    key: Hashable | None
    title: str | None
    coverage: float | None
    pairs: tuple[tuple[str, str, float], ...]
    reason: str
    ranked: tuple[tuple[Hashable, float], ...] = ()


def retold_story(
    answer: str,
    stories: Sequence[tuple[Hashable, str, Mapping[str, str]]],
    model: Embedder | None = None,
) -> Retelling:
    """The story of `stories` (key, title, {part: text}) that `answer` retells, if any."""
    told = reader.sentences_of(answer)[: reader.MAX_SENTENCES]
    why = reader.cannot_tell(answer, told)
    if why is not None:
        return Retelling(None, None, None, (), f"prepcoach can't tell: {why}")
    bank = [
        (key, title, [s for p in PARTS for s in reader.sentences_of(parts.get(p, "") or "")])
        for key, title, parts in stories
    ]
    bank = [entry for entry in bank if len(entry[2]) >= MIN_STORY_SENTENCES]
    if not bank:
        return Retelling(
            None, None, None, (),
            f"no story has {MIN_STORY_SENTENCES} sentences in its parts to compare with",
        )  # fmt: skip
    flat = [s for _, _, sentences in bank for s in sentences]
    vectors = reader.embed([*told, *flat], model)
    if vectors is None:
        return Retelling(None, None, None, (), "prepcoach can't tell: no sentence model installed")
    similarity = vectors[len(told) :] @ vectors[: len(told)].T  # story sentences × answer's
    scored = []
    start = 0
    for key, title, sentences in bank:
        own = similarity[start : start + len(sentences)]
        start += len(sentences)
        closest = own.argmax(axis=1)
        closest_first = sorted(
            ((s, told[int(j)], round(float(own[i, j]), 3)) for i, (s, j) in
             enumerate(zip(sentences, closest, strict=True))),
            key=lambda pair: -pair[2],
        )  # fmt: skip
        scored.append(
            (round(float(own.max(axis=1).mean()), 3), key, title, tuple(closest_first[:2]))
        )
    scored.sort(key=lambda entry: -entry[0])
    coverage, key, title, pairs = scored[0]
    ranked = tuple((k, c) for c, k, _, _ in scored)
    if coverage >= RETOLD_CUT:
        return Retelling(
            key, title, coverage, pairs, "it retells this story: its sentences are here", ranked
        )
    return Retelling(
        None, None, coverage, pairs, "it retells none of the stories in the bank", ranked
    )
