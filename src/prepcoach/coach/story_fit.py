"""Which of the user's own stories fits a question best: by meaning (MiniLM sentence
embeddings, `coach.reader.embed`), and by the competencies the user ticked on a story
(`best_story`). Its figures on story banks written by others: `bench/bench_relevance.py`."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from prepcoach.coach import reader
from prepcoach.coach.relevance import STORY_PARTS

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder


@dataclass(frozen=True, slots=True)
class StoryFit:
    """One story's fit to a question: `score` is the mean of its closest sentence's (title and
    each part's sentences) and its whole text's cosine similarity to the question, `tie` that
    closest sentence. `tagged` is the competency the user ticked on the story that is the one
    the question asks about (`competency_key`), as the user ticked it, else "". `fits` when
    tagged so or at or above `STORY_FIT_CUT`; `close` at or above `STORY_CLOSE`
    (`STORY_CLOSE_ALONE` for a bank of one story), where a story fitted its question at least
    half the time in prepcoach's tests (below it, a story that fits ties only loosely by
    meaning, and the page says so)."""

    key: Hashable
    title: str
    score: float
    tie: str
    fits: bool  # tagged with the question's competency, or score at or above the fit cut
    close: bool = False  # score at or above `STORY_CLOSE` (`STORY_CLOSE_ALONE` alone)
    tagged: str = ""  # the user's tick that names the question's competency


@dataclass(frozen=True, slots=True)
class StoryChoice:
    """Stories ranked by fit, best first (those tagged with the question's competency before
    the rest, each by meaning); `best` is the first when it fits, else None, and `reason` says
    which it is (or that there are no stories, or no embedder) and why: the user's tag, quoted,
    or how closely it ties by meaning. `only`: the bank holds one story, so it was compared with
    no other."""

    best: StoryFit | None
    ranked: tuple[StoryFit, ...]
    reason: str

    @property
    def only(self) -> bool:
        return len(self.ranked) == 1


def story_sentences(title: str, parts: Mapping[str, str]) -> list[str]:
    """A story's title and the sentences of its parts, in STAR order."""
    out = [title.strip()] if title.strip() else []
    for part in STORY_PARTS:
        out += reader.sentences_of(parts.get(part, "") or "")
    return out


# Where a story starts to fit a question: the mean of its closest sentence's and its whole
# text's cosine similarity to the question, at or above this (chosen on the development story
# banks, tests/data/relevance/stories_dev.json, by top-1 agreement; the bench prints it beside
# the held-out banks'). A trial's bank of one story had it offered for every question: on the
# development banks, a story alone is offered for 34 % of the questions it does not fit (and
# 78 % of those it fits); held out, 38 % and 82 %. Twentieth session, measured and not shipped:
# a higher cut only trades the two (0.27: 25 % and 72 %, top-1 .566 → .560; held out 27 % and
# 74 %, top-1 .454 → .426); a per-story baseline (a story fits only when it ties to the
# question more than to typical interview questions: the kinds' prototypes or the starter
# bank, by mean, quantile or z-score) ranked fits no better than the score alone (AUC
# .794-.804 against .798), nor did the relevance verdict's probability or the kinds' agreement
# beside it (.803, cross-validated by bank); a per-question baseline from other people's
# stories (the development banks', 95th percentile, +0.01), chosen on the development banks
# (balanced accuracy of a story alone .724 → .751, cross-validated by bank .748), lost held
# out (.718 → .695, top-1 .454 → .426). So the cut stays, and the page says how closely the
# story ties (`STORY_CLOSE`). `bench/bench_relevance.py` prints these figures.
STORY_FIT_CUT = 0.24
# At or above these a story ties closely: by a logistic fit of "it fits" on the score over the
# development banks' stories that reach the cut, the story ranked first among a bank's 6-8
# fitted its question at least half the time from 0.33 (160 questions), a story alone (each
# story of those banks against every question) from 0.44 (500 pairs). Below them a story that
# reaches the cut fitted less often than not, and the page says the tie is loose. A bank of 2-5
# stories takes the bank's edge: it was not measured apart.
STORY_CLOSE = 0.33
STORY_CLOSE_ALONE = 0.44


def competency_key(competency: str) -> str:
    """The one key a question's competency and a story's ticked one are compared by: the bank
    files its questions under slugs ("problem-solving", `practice/data/questions.csv`), a story
    is ticked with the story bank's names ("problem solving", `stories.COMPETENCIES`), and a
    user's own question may carry either, in any case: lower case, its words joined by one
    space. "" for no competency."""
    return " ".join(re.findall(r"[^\s_-]+", competency.casefold()))


@dataclass(frozen=True, slots=True)
class QuestionAbout:
    """A question with the competency it asks about (`practice.models.Question.competency`;
    "" for none), for `best_story`: a story the user tagged with that competency fits it."""

    text: str
    competency: str = ""


# A story for `best_story`: (key, title, {part: text}), and optionally the competencies the
# user ticked on it (`reflection.models.Story.competencies`).
_Parts = Mapping[str, str]
BankStory = tuple[Hashable, str, _Parts] | tuple[Hashable, str, _Parts, Sequence[str]]


def _tag_for(story: BankStory, wanted: str) -> str:
    """The story's tick whose key is `wanted` (`competency_key`), as ticked; "" for none."""
    if not wanted or len(story) < 4:
        return ""
    return next((c for c in story[3] if competency_key(c) == wanted), "")


def best_story(
    question: str | QuestionAbout,
    stories: Sequence[BankStory],
    model: Embedder | None = None,
) -> StoryChoice:
    """Rank `stories` (key, title, {part: text}, and optionally the competencies ticked on it)
    against `question` (its text, or a `QuestionAbout` that names the competency it asks
    about). By meaning, each story's score is the mean of its closest sentence's similarity and
    its whole text's (one sentence can match by a shared word; the whole says what the story is
    about). A story the user tagged with the question's competency (`competency_key`) fits
    whatever its score, and is ranked above those that match by meaning only: what the user
    said about their own story is better evidence than a cosine near the cut (a trial: a story
    ticked "conflict" was not offered for a conflict question, the bank scoring 0.16-0.28 by
    meaning); among equals, meaning decides. Without a competency, or with no story tagged
    with it, by meaning alone."""
    text, competency = (
        (question.text, question.competency)
        if isinstance(question, QuestionAbout)
        else (question, "")
    )
    wanted = competency_key(competency)
    if not stories:
        return StoryChoice(None, (), "there are no stories in the bank yet")
    texts = [story_sentences(story[1], story[2]) for story in stories]
    flat = [s for sentences in texts for s in sentences]
    if not text.strip() or not flat:
        return StoryChoice(None, (), "there is nothing to compare")
    told = [" ".join(sentences) for sentences in texts if sentences]
    vectors = reader.embed([*flat, text, *told], model)
    if vectors is None:
        return StoryChoice(None, (), "cannot tell: no sentence model installed")
    question_vector = vectors[len(flat)]
    similarity = vectors[: len(flat)] @ question_vector
    whole = vectors[len(flat) + 1 :] @ question_vector
    fits: list[StoryFit] = []
    start = 0
    for story, sentences in zip(stories, texts, strict=True):
        if not sentences:
            continue
        own = similarity[start : start + len(sentences)]
        best = int(own.argmax())
        score = round((float(own[best]) + float(whole[len(fits)])) / 2, 3)
        tagged = _tag_for(story, wanted)
        fits.append(
            StoryFit(
                story[0], story[1], score, sentences[best],
                fits=bool(tagged) or score >= STORY_FIT_CUT, tagged=tagged,
            )
        )  # fmt: skip
        start += len(sentences)
    close = STORY_CLOSE_ALONE if len(fits) == 1 else STORY_CLOSE
    ranked = tuple(
        sorted(
            (replace(f, close=f.score >= close) for f in fits),
            key=lambda f: (not f.tagged, -f.score),
        )
    )
    if ranked and ranked[0].tagged:
        # The title is read as the story's first sentence, and may be what ties it: a trial's
        # line called "Settling the dashboard dispute…" its sentence.
        nearest = "its title" if ranked[0].tie == ranked[0].title.strip() else (
            "its sentence nearest the question"
        )  # fmt: skip
        return StoryChoice(
            ranked[0], ranked,
            f"you tagged it “{ranked[0].tagged}”, the competency this question asks about; "
            f"{nearest}",
        )  # fmt: skip
    if ranked and ranked[0].fits:
        how = "closely" if ranked[0].close else "loosely"
        return StoryChoice(
            ranked[0], ranked, f"the story that ties to it most ({how}), by this sentence"
        )
    return StoryChoice(None, ranked, "none of the stories ties to this question by meaning")
