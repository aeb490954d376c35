"""What an answer says: STAR parts, a quantified result, "I" against "we", hedges. Works on
typed answers, stories and transcripts alike.

`read_content` takes the parts, owners and amounts from the one reader, `coach.reader`
(meaning, structure and a trained classifier, sentence by sentence) and gathers its
per-sentence readings into the answer-level shape callers use; `analyse_content`, what callers
call, is that reader (the first reader's cue lists stay only as features inside it). Each
finding keeps the sentences it rests on, so a page can quote them back, and a text the reader
cannot read says why in `cannot_tell`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prepcoach.coach.cues import HEDGE_RE, I_RE, NUMBER_RE, WE_RE
from prepcoach.coach.reader import Reading, SentenceReading, read_text
from prepcoach.coach.reader import sentences_of as reader_sentences
from prepcoach.coach.text import word_count

__all__ = [
    "NUMBER_RE",
    "ContentAnalysis",
    "Ownership",
    "Part",
    "analyse_content",
    "content_from_reading",
    "read_content",
    "sentences_of",
]

# A clause whose subject is "I" (or "we") and whose verb is not a hedge: each is one action
# when its sentence is read as an action owned by the speaker (or the team).
I_CLAUSE_RE = re.compile(
    r"\bI(?:'d|’d)?\s+(?!think\b|guess\b|mean\b|suppose\b|reckon\b|was\b|am\b|'m\b)\w+", re.I
)
WE_CLAUSE_RE = re.compile(
    r"\bwe(?:'d|’d)?\s+(?!were\b|are\b|was\b|'re\b)\w+|\bthe team and I\b", re.I
)


@dataclass(frozen=True, slots=True)
class Part:
    present: bool
    evidence: tuple[str, ...] = ()  # the sentences that carry it
    # The reader can't tell either way (`reader.UNSURE_FROM`): not present, and not missing;
    # `nearest` is the sentence that comes closest to carrying it.
    unsure: bool = False
    nearest: str = ""


@dataclass(frozen=True, slots=True)
class Ownership:
    i: int  # first-person singular words
    we: int  # first-person plural words
    # clauses with "I" as subject in sentences read as the speaker's actions or the team's
    i_actions: int
    we_actions: int  # the same for "we", in sentences read as the team's actions

    @property
    def personal(self) -> bool:
        """The speaker says what they did themselves, not only what the team did."""
        return self.i_actions > 0 and self.i_actions >= self.we_actions / 2


@dataclass(frozen=True, slots=True)
class ContentAnalysis:
    """`star` maps situation, task, action, result to a `Part`; `readings` has one
    `SentenceReading` per sentence read (part, owner, quantified, the quoted sentence);
    `cannot_tell` is None when the text was read, else why not (then nothing is present);
    `note` says what a long text left unread; `model` names the reader and its version."""

    words: int
    star: dict[str, Part]
    quantified_result: Part
    ownership: Ownership
    hedges: tuple[str, ...]
    sentences: tuple[str, ...] = field(default=())
    readings: tuple[SentenceReading, ...] = field(default=())
    cannot_tell: str | None = None
    note: str | None = None
    model: str = ""

    @property
    def star_complete(self) -> int:
        """How many of the four STAR parts are present (0 to 4)."""
        return sum(part.present for part in self.star.values())


def content_from_reading(text: str, reading: Reading) -> ContentAnalysis:
    """Gather a `Reading` of `text` into the answer-level analysis. Each part, and the
    quantified result, is present when the reader's answer-level `presence` says so (its
    strongest sentence reaches the cut chosen by cross-validation), with the sentences that
    reach the cut as evidence; actions are counted in sentences that reach the personal or
    team action cut."""
    found = reading.presence

    def part(name: str) -> Part:
        p = found.get(name)
        return Part(p.present, p.evidence, p.unsure, p.nearest) if p is not None else Part(False)

    personal = found["personal_action"].evidence if found else ()
    team = found["team_action"].evidence if found else ()
    # The speaker's own clauses count in a sentence read as the team's too: a trial's "We
    # agreed a simple plan, I moved his break to a time that suited him, and I pointed him to
    # the employee assistance programme." was read as a team action, and the report counted
    # one "I" action where it told three. A sentence read as the speaker's counts one at least
    # ("Took him aside and asked what was going on."); "we" counts only in the team's.
    acting = dict.fromkeys([*personal, *team])
    ownership = Ownership(
        i=len(I_RE.findall(text)),
        we=len(WE_RE.findall(text)),
        i_actions=sum(len(I_CLAUSE_RE.findall(s)) or int(s in personal) for s in acting),
        we_actions=sum(max(1, len(WE_CLAUSE_RE.findall(s))) for s in team),
    )
    return ContentAnalysis(
        words=word_count(text),
        star={name: part(name) for name in ("situation", "task", "action", "result")},
        quantified_result=part("quantified_result"),
        ownership=ownership,
        hedges=tuple(m.group(0) for m in HEDGE_RE.finditer(text)),
        sentences=tuple(reader_sentences(text)),
        readings=reading.sentences,
        cannot_tell=reading.cannot_tell,
        note=reading.note,
        model=reading.model,
    )


def read_content(text: str) -> ContentAnalysis:
    """Read an answer's content with the trained reader (any string; never raises). Empty,
    one-word, filler-only or non-English text gives an analysis with nothing present and
    `cannot_tell` saying why; a very long one is read up to `reader.MAX_SENTENCES`."""
    return content_from_reading(text, read_text(text))


# A sentence ends at . ! or ? followed by a space or the end, or at a line break: "2.5" and
# "99.9%" stay inside their sentence, so a result with a decimal still counts as a number.
SENTENCE_RE = re.compile(r"[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)")


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.findall(text) if re.search(r"\w", s)]


def analyse_content(text: str) -> ContentAnalysis:
    """Read an answer's content: what every face (reports, tips, the rubric in role reversal,
    follow-up questions, mocks) uses. It is the trained reader, `read_content`; the cue lists
    it replaced read the labelled answers worse on every criterion, and `bench/bench_reader.py`
    still measures them, from git, beside it."""
    return read_content(text)
