"""The STAR story bank: what a story lacks, which competencies, values and job terms the bank
covers, and what changed between two answers to the same reflection prompt."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, Literal

from prepcoach.coach.content import NUMBER_RE, sentences_of
from prepcoach.coach.patterns import CLAUSE_RE, REFLECTION_WORDS, lemma
from prepcoach.coach.reader import cannot_tell
from prepcoach.coach.term_match import (
    BARE_THRESHOLD,
    GENERIC_MARGIN,
    Matcher,
    shared_embedder,
    term_vectors,
)
from prepcoach.coach.text import STOPWORDS, WORD_RE, quote, words

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
    """What changed between two answers to one compass prompt, as themes (`themes_of`), each
    in the words the person wrote, in the order written."""

    new: tuple[str, ...]  # themes the later answer brings in
    dropped: tuple[str, ...]  # themes the earlier answer held and the later one does not name
    # Themes the later answer says matter less, or sets against another ("rather than pure
    # analysis", "team leadership matters less"): never counted as new.
    less: tuple[str, ...] = ()

    @property
    def clear(self) -> bool:
        """Whether any theme shifted: else the page says nothing clear did."""
        return bool(self.new or self.dropped or self.less)


def shift(earlier: str, later: str, limit: int = 8) -> Shift:
    """The themes that came, went, or were said to matter less from `earlier` to `later`.

    A trial's compass listed word noise ("honestly, maybe, matter, pure, informatic" new;
    "ask, back, full, go" no longer) and called "leadership" new though the answer said it
    "matters less". Themes are short noun phrases (`themes_of`), compared by the lemmas of
    their words (`patterns.lemma`), shown as written. A theme is new when its head word is
    nowhere in the earlier answer, dropped when the earlier answer held it and the later one
    names it nowhere."""
    held_before, away_before = themes_of(earlier)
    held_after, away_after = themes_of(later)
    before = _lemmas(held_before + away_before)
    after = _lemmas(held_after + away_after)
    new = [t for t in held_after if _head(t) not in before]
    less = [t for t in away_after if all(_head(t) != _head(h) for h in held_after)]
    dropped = [t for t in held_before if _head(t) not in after]
    return Shift(_once(new)[:limit], _once(dropped)[:limit], _once(less)[:limit])


# Words that name no theme however often they come: hedges, evaluations and light verbs
# ("honestly", "maybe", "pure", "full", "matters"), beside `STOPWORDS` and the words people
# write about any work (`patterns.REFLECTION_WORDS`). They also end a phrase: "bedside nursing
# full time" is "bedside nursing".
NOT_THEMES = frozenset(
    """
    honestly unsure maybe perhaps possibly probably ideally oddly hopefully certainly mostly
    pure full small big large little clear real whole different right wrong true main fine nice
    matter matters mattered mattering seem seems seemed hope hoped hoping know knew known see saw
    seen look looks looked looking find found sit sits sat help helps want wants wanted needs
    needed keeps tries tried gets makes making goes went rather anymore thing something nothing
    everything anything somewhere ones else enough least mean means meant rest us inside
    outside beside besides towards toward across along among amongst behind beyond near
    alongside upon onto like unlike
    """.split()
)
# Words people write about any work that still end a phrase naming something: "analytics team".
PHRASE_TAILS = frozenset("team teams project projects people".split())
# A word after one of these is a verb ("one that sits", "something that uses", "I lead"),
# not a theme.
SUBJECTS = frozenset(
    "i we you they he she it that which who will would can could should may might must do does "
    "did don't doesn't didn't won't can't i'd i'll we'd we'll".split()
)
# A clause that says its themes matter less ("team leadership matters less", "no longer", "I
# do not want to go back to…"), or the words after a contrast ("rather than pure analysis",
# "instead of people management"): what follows is set against, not held.
AWAY_RE = re.compile(
    r"\b(?:matters?|mattered|counts?|appeals?)\s+(?:much\s+|a\s+lot\s+|far\s+)?less\b|"
    r"\bless\s+(?:important|interested|keen|appealing|central|of\s+a\s+priority)\b|"
    r"\bno\s+longer\b|\bany\s?more\b|\b(?:not|never|don't|didn't|won't)\s+(?:\w+\s+)?"
    r"(?:want|wanted|interested|keen|care|enjoy|like|miss)\b"
    # "I never want to stop learning SQL" holds it (a review).
    r"(?!\s+to\s+(?:stop|lose|give\s+up|quit|drop))|\bnot\s+for\s+me\b",
    re.IGNORECASE,
)
# A bare "not" sets against what follows it ("data, not people management", "analytics and
# not sales targets"), never "not only", "not just" or "not merely", which hold what follows:
# "Not only data engineering but also product strategy" (a review, twice).
CONTRAST_RE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|away\s+from)\b|\bnot\b(?!\s+(?:only|just|merely)\b)",
    re.I,
)
PHRASE_WORDS = 3


def themes_of(text: str) -> tuple[list[str], list[str]]:
    """The themes `text` holds and those it sets against (`AWAY_RE`, `CONTRAST_RE`): runs of
    up to `PHRASE_WORDS` words that name something, within a clause, as written (a name or an
    acronym kept in capitals, "SQL"; other words lower-cased)."""
    held: list[str] = []
    away: list[str] = []
    for clause in CLAUSE_RE.split(text):
        contrast = CONTRAST_RE.search(clause)
        diminished = bool(AWAY_RE.search(clause))
        for at, phrase in _phrases(clause):
            set_against = diminished or (contrast is not None and at >= contrast.end())
            (away if set_against else held).append(phrase)
    return held, away


def _phrases(clause: str) -> list[tuple[int, str]]:
    """(where it starts, the phrase) for each run of theme words in `clause`."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    previous = ""

    def close() -> None:
        if run:
            kept = run[-PHRASE_WORDS:]
            out.append((kept[0][0], " ".join(_shown(w) for _, w in kept)))
            run.clear()

    for match in WORD_RE.finditer(clause):
        word = match.group()
        low = word.lower()
        adverb = len(low) > 4 and low.endswith("ly") and not word.isupper()
        if (
            len(low) < 2
            or low in STOPWORDS
            or (low in REFLECTION_WORDS and not (run and low in PHRASE_TAILS))
            or low in NOT_THEMES
            or adverb
            or previous in SUBJECTS
        ):
            close()
        else:
            run.append((match.start(), word))
        previous = low
    close()
    return out


def _shown(word: str) -> str:
    """A word as a theme shows it: a name or an acronym as written, else lower-cased."""
    return word if word.isupper() and len(word) > 1 else word.lower()


def _head(phrase: str) -> str:
    return lemma(phrase.split()[-1])


def _lemmas(phrases: Iterable[str]) -> set[str]:
    return {lemma(w) for p in phrases for w in p.split()}


def _once(phrases: Iterable[str]) -> tuple[str, ...]:
    """Each theme once, by its words' lemmas, first as written."""
    seen: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        seen.setdefault(tuple(lemma(w) for w in phrase.split()), phrase)
    return tuple(seen.values())
