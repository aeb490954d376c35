"""The STAR story bank: what a story lacks, which competencies, values and job terms the bank
covers, and what changed between two answers to the same reflection prompt."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Literal

from prepcoach.coach.content import NUMBER_RE, sentences_of
from prepcoach.coach.reader import cannot_tell
from prepcoach.coach.term_match import (
    BARE_THRESHOLD,
    GENERIC_MARGIN,
    Matcher,
    shared_embedder,
    term_vectors,
)
from prepcoach.coach.text import content_words, quote, words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from prepcoach.coach.patterns import Embedder

COMPETENCIES = (
    "leadership", "conflict", "failure", "teamwork", "ownership", "communication", "influence",
    "adaptability", "problem solving", "customer focus", "prioritisation", "ethics",
)  # fmt: skip
PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class StoryCheck:
    missing: tuple[str, ...]  # STAR parts left empty or too thin to count
    result_has_number: bool
    flags: tuple[str, ...]  # what to fix, in words
    # Why its words cannot be read (emoji, fillers, another language, a web page's HTML), as
    # the answer reader says it (`reader.cannot_tell`); then no part is said to be missing.
    cannot_tell: str | None = None

    @property
    def complete(self) -> bool:
        return not self.cannot_tell and not self.missing and self.result_has_number


def check_story(parts: dict[str, str], metrics: str = "") -> StoryCheck:
    missing = tuple(p for p in PARTS if len(words(parts.get(p, ""))) < 3)
    told = "\n".join(parts.get(p, "").strip() for p in PARTS if parts.get(p, "").strip())
    # Read when a part is long enough to count, or when what was typed has no words at all (a
    # word a part is thin, not unreadable: "Add the situation" says what to do).
    if told and (len(missing) < len(PARTS) or not words(told)):
        why = cannot_tell(told, sentences_of(told), notes=True)
        if why is not None:
            # A story of fillers, or in German, was told only "Put a number on the result"; one
            # of emoji to add every part it had filled in.
            return StoryCheck((), False, (f"prepcoach could not read this story: {why}.",), why)
    has_number = bool(
        NUMBER_RE.search(parts.get("result", ""))
        or NUMBER_RE.search(metrics)
        or any(ch.isdigit() for ch in metrics)
    )
    flags = [f"Add the {p}: {HINTS[p]}" for p in missing]
    if "result" not in missing and not has_number:
        flags.append(
            "Put a number on the result (how much, how many, how fast), or add it under metrics."
        )
    return StoryCheck(missing, has_number, tuple(flags))


HINTS = {
    "situation": "where you were and what was at stake.",
    "task": "what you were responsible for.",
    "action": "what you did yourself, step by step.",
    "result": "how it ended and what changed.",
}


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """A story as `coverage` weighs it. Its title and its tags are labels, the owner's short
    names for it, not a telling of what was done: they say a target only by its words (a tag
    "SQL" says SQL), never by meaning. A trial's story tagged "renewal, retention" was credited
    with "renewal forecasting" and "expansion opportunities", the tags quoted as the evidence,
    though nothing in the story showed either. Its parts and metrics say a target either way."""

    id: Hashable
    title: str
    # Its title, parts, metrics and tags, one a line (`lines`; `Story.lines`): each read as its
    # own. The title is its first line when it is the title; the tags line is marked (`TAGS`).
    text: str
    competencies: tuple[str, ...]

    # What marks the tags line of `text`: a control character, which no typed text holds
    # (`characters.text_problem` refuses it), so no line a user writes is read as their tags.
    TAGS: ClassVar[str] = "\x1f"

    @classmethod
    def lines(cls, title: str, told: Iterable[str], tags: str = "") -> str:
        """A story's `text`: its title, what it tells (its parts and metrics) and its tags
        (`TAGS`), each that has words a line of its own."""
        tags = " ".join(tags.split())
        said = (title.strip(), *(t.strip() for t in told), cls.TAGS + tags if tags else "")
        return "\n".join(line for line in said if line)

    @property
    def told_and_labels(self) -> tuple[str, str]:
        """Its `text` as two: what it tells, read by words and by meaning, and its labels (its
        title and tags, one a line), read by words alone."""
        told: list[str] = []
        labels: list[str] = []
        for i, line in enumerate(self.text.split("\n")):
            if line.startswith(self.TAGS):
                labels.append(line.removeprefix(self.TAGS))
            elif i == 0 and line.strip() and line.strip() == self.title.strip():
                labels.append(line)
            else:
                told.append(line)
        return "\n".join(told), "\n".join(labels)


@dataclass(frozen=True, slots=True)
class SavedStory[K: Hashable]:
    """A story of the bank as its owner saved it, for `read_bank`."""

    id: K
    title: str
    parts: Mapping[str, str]  # situation, task, action, result
    text: str  # its title, parts and tags, one a line (`StoryInfo.lines`, `Story.lines`)
    competencies: tuple[str, ...] = ()  # those its owner ticked


@dataclass(frozen=True, slots=True)
class BankReading[K: Hashable]:
    """Which stories of a bank prepcoach can read by their words (`check_story`), in the
    bank's order. A story it cannot read (a web page pasted in, fillers, another language) is
    no story to bring or to suggest: its own page says it cannot be read, and a pasted page's
    words about a conflict made it the best fit. Nor do its words count in the coverage
    matrix: a job advert's HTML pasted into a story "showed" every key term of its own job.
    The competencies its owner ticked on it still count, as theirs."""

    stories: tuple[SavedStory[K], ...]
    unread: frozenset[K]  # the ids of the stories it cannot read

    @property
    def readable(self) -> tuple[SavedStory[K], ...]:
        """The stories to bring, suggest or find retold, in the bank's order."""
        return tuple(s for s in self.stories if s.id not in self.unread)

    @property
    def for_coverage(self) -> tuple[StoryInfo, ...]:
        """Every story as `coverage` weighs it, in the bank's order: one it cannot read
        without its words, with its ticked competencies."""
        return tuple(
            replace(info, text="") if story.id in self.unread else info
            for story in self.stories
            for info in (StoryInfo(story.id, story.title, story.text, story.competencies),)
        )


def read_bank[K: Hashable](stories: Iterable[SavedStory[K]]) -> BankReading[K]:
    """Which of `stories` prepcoach can read (`BankReading`): every face that weighs the bank
    (the answer's report, the coverage matrix, the brief, readiness) reads it here."""
    kept = tuple(stories)
    unread = frozenset(s.id for s in kept if check_story(dict(s.parts)).cannot_tell is not None)
    return BankReading(kept, unread)


@dataclass(frozen=True, slots=True)
class CoverageRow:
    target: str  # a competency, value or job term
    kind: str  # "competency", "value" or "job term"
    stories: tuple[Hashable, ...]
    # For each story, what shows it: the sentence of what it tells that covers the target (by
    # word form or by meaning), quoted; else "by its title" or "its tags: “…”" (by their words
    # alone); or "tagged" for a competency the user tagged.
    evidence: tuple[str, ...] = ()

    @property
    def gap(self) -> bool:
        return not self.stories


def coverage(
    stories: Sequence[StoryInfo],
    values: Sequence[str] = (),
    terms: Sequence[str] = (),
    competencies: Sequence[str] = COMPETENCIES,
    embedder: Embedder | Literal["shared"] | None = "shared",
) -> list[CoverageRow]:
    """Which stories speak to each competency (tagged, or covered in the story), value and job
    term, each with its evidence. A story covers a target when one of its sentences has every
    word of it in some form ("managing stakeholders" for "stakeholder management") or means
    nearly the same by MiniLM: a job term as an answer's (`term_match`, its phrasings at the cut
    chosen on hand-labelled answers), a competency or value by its bare words' vector at
    `BARE_THRESHOLD` ("I help customers" for "customer focus"). Its title and tags cover a target
    only by its words (`StoryInfo`); a sentence of what it tells is quoted before them."""
    model = shared_embedder() if embedder == "shared" else embedder
    targets = [(c, "competency") for c in competencies]
    targets += [(v, "value") for v in values if v.strip()]
    bare = len(targets)
    targets += [(t, "job term") for t in terms]
    # What a story tells is read by its words and by meaning, its labels (its title and tags:
    # `StoryInfo`) by their words alone.
    matchers = [
        (Matcher(told, model), Matcher(labels))
        for told, labels in (s.told_and_labels for s in stories)
    ]
    vectors: list[Sequence[float] | NDArray[np.float64]] = []
    if model is not None and targets and stories:
        vectors = [*model.embed([t for t, _ in targets[:bare]]), *term_vectors(terms, model)]
    # A value that is also one of the job's terms ("continuous improvement") is read as that
    # term, so its two rows agree (a trial's readiness page said "value: no story yet" beside
    # "job term: [story]" for the same words, read at two cuts).
    as_term = {" ".join(t.casefold().split()): bare + k for k, t in enumerate(terms)}
    rows = []
    for i, (target, kind) in enumerate(targets):
        read_as = as_term.get(" ".join(target.casefold().split()), i) if kind == "value" else i
        vector = vectors[read_as] if vectors else None
        cut, margin = (BARE_THRESHOLD, -2.0) if read_as < bare else (None, GENERIC_MARGIN)
        found: list[tuple[Hashable, str]] = []
        names = read_as >= bare
        for story, (told, labels) in zip(stories, matchers, strict=True):
            if kind == "competency" and target in story.competencies:
                found.append((story.id, "tagged"))
            elif (covered := told.find(target, vector, names, cut, margin)) is not None:
                found.append((story.id, quote(covered.sentence)))
            elif (covered := labels.by_form(target, names)) is not None:
                found.append((story.id, _label_evidence(story, covered.sentence)))
        rows.append(
            CoverageRow(target, kind, tuple(s for s, _ in found), tuple(e for _, e in found))
        )
    return rows


def _label_evidence(story: StoryInfo, line: str) -> str:
    """What a label that covers a target shows: "by its title", not the title quoted beside
    itself (the matrix and readiness name the story by it), or its tags, quoted as tags."""
    if line == story.title.strip():
        return "by its title"
    return f"its tags: {quote(line)}"


@dataclass(frozen=True, slots=True)
class Shift:
    new: tuple[str, ...]  # words the later answer brings in
    dropped: tuple[str, ...]  # words the earlier answer had and the later one lost


def shift(earlier: str, later: str, limit: int = 8) -> Shift:
    before, after = content_words(earlier), content_words(later)
    return Shift(tuple(sorted(after - before))[:limit], tuple(sorted(before - after))[:limit])
