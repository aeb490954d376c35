"""A practice answer kept as a STAR story: its own sentences in the parts the reader placed them.

A trial's strong stories, typed as answers, never reached the story bank: the dashboard said
"no STAR stories yet" and the coverage matrix "no story yet" beside competencies the answers
told. `answer_story` drafts the story form from an analysed answer: the title from its question,
and each of situation, task, action and result from the answer's sentences the reader placed
there (the stored analysis keeps, per part, the sentences or pieces of sentences that carry it:
`star[part]["evidence"]`, the same the report underlines). Nothing said is lost: a sentence the
reader placed in no part (or in a part it can't tell about, which keeps no evidence) goes with
the sentence before it, or to the situation at the start. A sentence the reader read in pieces
carrying different parts ("I rebuilt the job, and the reports went out two days earlier.") is
cut between its pieces; words of it no piece holds go with the piece beside them. The fillers
the report counts are left out of the parts (`without_fillers`): the bank keeps what was said.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prepcoach.coach.content import sentences_of
from prepcoach.coach.delivery import filler_spans, tokens_of
from prepcoach.coach.relevance import asked_for
from prepcoach.coach.retro_stories import PlacedSentence, metrics_line, story_metrics
from prepcoach.coach.shorten import shorten
from prepcoach.coach.stories import COMPETENCIES, PARTS
from prepcoach.coach.story_fit import competency_key

# A title is the question without its request ("Tell me about", "Describe"), in at most this
# many characters, cut where a clause ends or after a whole word (`shorten.shorten`).
TITLE_CHARS = 80
REQUEST_RE = re.compile(
    r"^\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)?"
    r"(?:tell\s+(?:me|us)\s+about|describe|walk\s+(?:me|us)\s+through|talk\s+(?:me\s+)?"
    r"(?:about|through)|share|give(?:\s+(?:me|us))?|recall|think\s+of)\s+"
    r"(?:an?\s+example\s+of\s+|an?\s+instance\s+of\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StoryPiece:
    """A sentence of the answer, or a piece of one, and the part it goes in. `placed`: the
    reader placed it there; False: it goes with the piece before it (the reader placed it in no
    part, or in one it can't tell about)."""

    text: str
    part: str
    placed: bool


@dataclass(frozen=True, slots=True)
class AnswerStory:
    """The story form's first draft from an answer: `title`, `parts` (each of `stories.PARTS`
    to its text, empty where the answer has nothing for it), `metrics` (the numbers with their
    units its result states, as one line), `competencies` (the story form's competency the
    question is filed under, if it is one), and `pieces`, the answer's words in order."""

    title: str
    parts: Mapping[str, str]
    metrics: str
    pieces: tuple[StoryPiece, ...]
    competencies: tuple[str, ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts with nothing in them."""
        return tuple(p for p in PARTS if not self.parts.get(p))

    @property
    def unplaced(self) -> tuple[str, ...]:
        """The parts that hold words the reader did not place there."""
        return tuple(dict.fromkeys(p.part for p in self.pieces if not p.placed))


def tells_a_story(question: str, analysis: Mapping[str, object], follow_up: bool = False) -> bool:
    """Whether an analysed answer may be kept as a STAR story: it has words the reader could
    read, and its question asks for a story as its report judged it (`relevance.asked_for`,
    the rule of every face: not a plan, not neither). Never a follow-up's answer (`follow_up`):
    it tells a piece of the story its question follows up ("What was the outcome?")."""
    if follow_up:
        return False
    transcript = analysis.get("transcript")
    if not isinstance(transcript, str) or not sentences_of(transcript):
        return False
    if analysis.get("cannot_tell") or not isinstance(analysis.get("star"), Mapping):
        return False
    return asked_for(question, analysis) == "story"


def story_title(question: str, limit: int = TITLE_CHARS) -> str:
    """A story's title from the question it answers: without its request ("Tell me about a time
    you calmed an angry client." gives "A time you calmed an angry client"), without its closing
    mark, shortened to `limit` characters at a clause or a whole word."""
    text = " ".join(question.split())
    bare = REQUEST_RE.sub("", text, count=1).strip() or text
    bare = bare.rstrip(" ?.!")
    return shorten(bare[:1].upper() + bare[1:], limit) if bare else ""


def answer_story(
    question: str,
    transcript: str,
    star: Mapping[str, object],
    competency: str = "",
    metrics_limit: int = 200,
) -> AnswerStory:
    """The story in an answer (`transcript`, its report's sentences) by the reader's parts as
    its analysis keeps them (`star`: each part's `evidence`); `competency`: the one its question
    is filed under (`practice.models.Question.competency`), ticked when the story form has it.
    Never raises on any input."""
    evidence = {part: _evidence(star.get(part)) for part in PARTS}
    alone = {p for p in PARTS if any(_only_in(e, p, evidence) for e in evidence[p])}
    pieces: list[StoryPiece] = []
    for sentence in sentences_of(transcript):
        before = pieces[-1].part if pieces else PARTS[0]
        spans = evidence_spans(sentence, evidence)
        if not spans:
            pieces.append(StoryPiece(sentence, before, False))
            continue
        cuts: list[tuple[int, str]] = []
        for start, carried in spans:
            part = _choose(carried, before, alone)
            if not cuts or cuts[-1][1] != part:
                cuts.append((start, part))
            before = part
        cuts[0] = (0, cuts[0][1])  # the words before the first piece go with it
        for k, (start, part) in enumerate(cuts):
            end = cuts[k + 1][0] if k + 1 < len(cuts) else len(sentence)
            if text := sentence[start:end].strip():
                pieces.append(StoryPiece(text, part, True))
    parts = {
        p: _capital(
            " ".join(t for piece in pieces if piece.part == p if (t := without_fillers(piece.text)))
        )
        for p in PARTS
    }
    said = [PlacedSentence(piece.text, "", piece.part, 1.0) for piece in pieces]
    ticked = tuple(
        c for c in COMPETENCIES if competency and competency_key(c) == competency_key(competency)
    )
    return AnswerStory(
        story_title(question), parts, metrics_line(story_metrics(said), metrics_limit),
        tuple(pieces), ticked,
    )  # fmt: skip


def _capital(text: str) -> str:
    """A part that starts inside a sentence the reader cut ("…that Monday," | "pick accuracy
    stayed…") starts with a capital, as a part of a story does (a page check); not "iPhone"."""
    if text[:1].islower() and not text[1:2].isupper():
        return text[:1].upper() + text[1:]
    return text


def without_fillers(text: str) -> str:
    """`text` without the fillers the report counts (`delivery.filler_spans`: "um", "you know",
    a filler "like"), for a story kept in the bank rather than heard: a trial's kept story read
    "I found that, um, the night shift was waiting". A filler set off by commas takes the comma
    before it too ("that, um, the" is "that the"); one that ends a sentence hands its full stop
    to the word before ("I rebuilt it, um." is "I rebuilt it."); a word a filler began a
    sentence with starts with a capital again. A filler written with quotes, brackets or other
    marks around it is kept whole, and every other word is kept as written."""
    words = text.split()
    owner: list[int] = []  # each token's word
    for index, word in enumerate(words):
        owner += [index] * len(tokens_of(None, word))
    tokens = tokens_of(None, text)
    if len(tokens) != len(owner):
        return text
    marked = {i + n for i, count in filler_spans(tokens) for n in range(count)}
    gone = {
        w
        for w in set(owner)
        if all(i in marked for i, o in enumerate(owner) if o == w)
        and not FILLER_KEPT_RE.search(words[w])  # "um, no" in quotes is what was said
    }
    kept: list[str] = []
    opens = True  # the next kept word begins a sentence
    capital = False  # and a removed filler began it
    for index, word in enumerate(words):
        if index in gone:
            ending = re.search(r"[.!?;:]+$", word)
            if ending and kept:
                kept[-1] = kept[-1].rstrip(",") + ending.group(0)
            elif word.endswith(",") and kept and kept[-1].endswith(","):
                kept[-1] = kept[-1][:-1]
            capital = capital or opens
            continue
        if kept and not re.search(r"\w", word) and kept[-1] == word:
            continue  # "— um —" leaves one dash
        if capital and word[:1].islower() and not word[1:2].isupper():
            word = word[:1].upper() + word[1:]  # not "iPhone"
        kept.append(word)
        opens, capital = bool(re.search(r"[.!?][\"”’')\]]*$", word)), False
    return " ".join(kept)


# Marks around a filler that say it was quoted or set apart: such a word is kept whole.
FILLER_KEPT_RE = re.compile(r"[\"“”‘’()\[\]—–-]")


def answer_key(question: str, transcript: str) -> str:
    """Which answer a story was kept from (`reflection.Story.drafted_from`): its question and
    words hashed, not its id, so the key survives an archive's import."""
    digest = hashlib.sha256(f"{question}\n{transcript}".encode()).hexdigest()[:40]
    return f"answer {digest}"


def _evidence(found: object) -> tuple[str, ...]:
    items = found.get("evidence") if isinstance(found, Mapping) else None
    if not isinstance(items, Sequence) or isinstance(items, str):
        return ()
    return tuple(s.strip() for s in items if isinstance(s, str) and s.strip())


def _only_in(piece: str, part: str, evidence: Mapping[str, tuple[str, ...]]) -> bool:
    return not any(piece in evidence[p] for p in PARTS if p != part)


def evidence_spans(
    sentence: str, evidence: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, set[str]]]:
    """Where each piece of evidence stands in `sentence` (its start, a character offset), with
    the parts it carries (`evidence`: each of `stories.PARTS` to its pieces, the analysis's
    `star[part]["evidence"]`), in order; pieces overlapping one found before are passed over.
    The story draft cuts a sentence there, and the report's transcript marks it there: a trial's
    report drew "We made every despatch slot that Monday, pick accuracy stayed at 99.6 percent"
    as one result, and the story kept from it put its first piece in the action."""
    carried: dict[str, set[str]] = {}
    for part in PARTS:
        for piece in evidence[part]:
            carried.setdefault(piece, set()).add(part)
    found: list[tuple[int, int, set[str]]] = []
    for piece in sorted(carried, key=len, reverse=True):
        at = sentence.find(piece)
        while at >= 0 and any(at < end and start < at + len(piece) for start, end, _ in found):
            at = sentence.find(piece, at + 1)
        if at >= 0:
            found.append((at, at + len(piece), carried[piece]))
    return [(start, parts) for start, _, parts in sorted(found, key=lambda f: f[0])]


def _choose(carried: set[str], before: str, alone: set[str]) -> str:
    """The one part for a piece the reader placed in several: one no other piece fills, so a
    part the reader found is never left empty; else the first that keeps the story's order
    after the part before it; else its first."""
    ordered = [p for p in PARTS if p in carried]
    if len(ordered) == 1:
        return ordered[0]
    if empty := [p for p in ordered if p not in alone]:
        return empty[0]
    later = [p for p in ordered if PARTS.index(p) >= PARTS.index(before)]
    return (later or ordered)[0]
