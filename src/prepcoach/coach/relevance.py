"""Does an answer address its question, and which of the user's stories fits a question best?
Both by meaning: cosine similarity of MiniLM sentence embeddings (`coach.reader.embed`).

An answer addresses its question unless it talks past it (a question that asks for no story,
answered mostly with a STAR story, by the reader's parts) or no sentence comes near it in
meaning: the highest question-to-sentence similarity is under a cut calibrated on
the development answer sets' `addresses_question` labels (dev.json and the former held-out
sets 1–3) by `coach.reader_training` and
shipped in the reader's weights (the bench prints the cross-validated agreement beside the
always-"addresses it" baseline). Every verdict quotes the sentence that ties the answer or story
to the question most, or says that nothing does; without the embedder, or for text the reader cannot
read, it says it cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach import reader

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

STORY_PARTS = ("situation", "task", "action", "result")
# Questions that ask for a story or a plan ("Tell me about a time…", "What would you do if…").
# A motivation or skills question ("Why this role?", "Which skills…?") answered with a story
# (at least `NARRATIVE_SHARE` of its sentences read as STAR parts) talks past the question
# however many words it shares with it: that is the usual way an answer misses (GUIDE.md).
STORY_QUESTION_RE = re.compile(
    r"\b(?:tell me about|describe|give (?:me )?an example|what would you do|how would you|"
    r"walk me through|talk me through|a time (?:when|you)|have you ever|share an example)\b",
    re.IGNORECASE,
)
NARRATIVE_SHARE = 0.5


def asks_for_story(question: str) -> bool:
    return bool(STORY_QUESTION_RE.search(question))


def talks_past(question: str, narrative_share: float) -> bool:
    """A question that does not ask for a story, answered mostly with one."""
    return not asks_for_story(question) and narrative_share >= NARRATIVE_SHARE


@dataclass(frozen=True, slots=True)
class Relevance:
    """`addresses` is None when prepcoach cannot tell (`reason` says why). `score` is the
    highest cosine similarity (-1 to 1) between the question and one sentence; `cut` the
    calibrated threshold; `tie` that sentence, or None when it falls below the cut."""

    addresses: bool | None
    score: float | None
    cut: float
    tie: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class StoryFit:
    """One story's fit to a question: `score` is its highest question-to-sentence cosine
    similarity (title and each part's sentences), `tie` that sentence."""

    key: Hashable
    title: str
    score: float
    tie: str
    fits: bool  # score at or above the relevance cut


@dataclass(frozen=True, slots=True)
class StoryChoice:
    """Stories ranked by fit, best first; `best` is the first when it fits, else None, and
    `reason` says which it is (or that there are no stories, or no embedder)."""

    best: StoryFit | None
    ranked: tuple[StoryFit, ...]
    reason: str


def cut() -> float:
    """The calibrated relevance threshold shipped with the reader's weights."""
    return float(reader.weights()["relevance_threshold"])


def question_relevance(question: str, answer: str, model: Embedder | None = None) -> Relevance:
    """Whether `answer` addresses `question`, quoting the sentence that ties it most."""
    threshold = cut()
    if not question.strip():
        return Relevance(None, None, threshold, None, "there is no question to compare with")
    sentences = reader.sentences_of(answer)[: reader.MAX_SENTENCES]
    why = reader.cannot_tell(answer, sentences)
    if why is not None:
        return Relevance(None, None, threshold, None, f"cannot tell: {why}")
    vectors = reader.embed([*sentences, question], model)
    if vectors is None:
        return Relevance(None, None, threshold, None, "cannot tell: no sentence model installed")
    similarity = vectors[:-1] @ vectors[-1]
    best = int(similarity.argmax())
    score = round(float(similarity[best]), 3)
    labels = reader.label_sentences(sentences, vectors[:-1], reader.weights())
    story = sum(label[0] in STORY_PARTS for label in labels)
    if talks_past(question, story / len(labels)):
        return Relevance(
            False, score, threshold, None,
            f"no sentence ties the answer to the question: it asks no story, and {story} of "
            f"{len(labels)} sentences tell one",
        )  # fmt: skip
    if score >= threshold:
        return Relevance(True, score, threshold, sentences[best], "this sentence ties it most")
    return Relevance(
        False, score, threshold, None,
        "no sentence ties the answer to the question: it may answer a different one",
    )  # fmt: skip


def story_sentences(title: str, parts: Mapping[str, str]) -> list[str]:
    """A story's title and the sentences of its parts, in STAR order."""
    out = [title.strip()] if title.strip() else []
    for part in STORY_PARTS:
        out += reader.sentences_of(parts.get(part, "") or "")
    return out


def best_story(
    question: str,
    stories: Sequence[tuple[Hashable, str, Mapping[str, str]]],
    model: Embedder | None = None,
) -> StoryChoice:
    """Rank `stories` (key, title, {part: text}) by meaning against `question`."""
    if not stories:
        return StoryChoice(None, (), "there are no stories in the bank yet")
    texts = [story_sentences(title, parts) for _, title, parts in stories]
    flat = [s for sentences in texts for s in sentences]
    if not question.strip() or not flat:
        return StoryChoice(None, (), "there is nothing to compare")
    vectors = reader.embed([*flat, question], model)
    if vectors is None:
        return StoryChoice(None, (), "cannot tell: no sentence model installed")
    similarity = vectors[:-1] @ vectors[-1]
    threshold, fits, start = cut(), [], 0
    for (key, title, _), sentences in zip(stories, texts, strict=True):
        if not sentences:
            continue
        own = similarity[start : start + len(sentences)]
        best = int(own.argmax())
        score = round(float(own[best]), 3)
        fits.append(StoryFit(key, title, score, sentences[best], score >= threshold))
        start += len(sentences)
    ranked = tuple(sorted(fits, key=lambda f: -f.score))
    if ranked and ranked[0].fits:
        return StoryChoice(ranked[0], ranked, "the story whose sentence ties it most")
    return StoryChoice(None, ranked, "none of the stories ties to this question by meaning")
