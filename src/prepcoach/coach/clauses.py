"""Splitting a run-on sentence where a listener hears a new clause begin, for the reader.

Spoken answers are often written (or transcribed) as one long run-on: "we had a turnaround of
thirty-five minutes and the belt loader broke down and I was lead on that stand so I ran over
to the next stand". A person labelling it hears several clauses, each with its own STAR part;
read as one sentence, the reader can give it only one part, and the answer-level findings built
on each part's strongest sentence (`reader.presence`) lose what the other clauses carried.

`split_clause` cuts one sentence (already split at . ! ?) before a word that opens a new
clause, only when the sentence is a run-on (`RUN_ON_WORDS` words or more: a written sentence
is rarely that long, so punctuated text is left as its writer split it). The cues are general,
not phrase lists:

- a coordinator ("and", "so", "then", "but") followed, past any fillers, by a new subject ("and
  I", "so we", "then the manager", "and it was", "and when I");
- a filler ("um", "uh") followed by a new subject;
- a discourse marker that moves the story on ("anyway", "meanwhile", "in the end", "after
  that");
- a subject pronoun straight after a word, with no conjunction ("…the whole week I stopped all
  work"): "I", "we", "she", … always, "it"/"there" only before a verb ("it went up at two").

A cue counts only where the writer put no punctuation (a comma before "and we" marks a clause
the writer kept inside the sentence: in the labelled answers no cut after a comma matched a
labelled boundary), when the piece before it holds a finite verb (so "at my last job I" is not
a clause) and when both sides hold at least `MIN_WORDS` words. Nothing is cut between two
numbers ("in 2019 and 2020") or inside double quotation marks.

Pure Python with no imports from the rest of prepcoach; `content.sentences_of` is unchanged.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

MIN_WORDS = 4  # the fewest words either side of a cut: "and I rang them" is a clause
# A sentence this long is a run-on: in the labelled answers a written sentence stays under it,
# while spoken answers written without stops run to 60-100 words between full stops.
RUN_ON_WORDS = 40
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
COORDINATORS = frozenset({"and", "so", "then", "but"})
FILLERS = frozenset({"um", "uh", "er", "erm", "umm", "uhm"})
# Words that may sit between a coordinator and the new subject: "and, um, then I".
BRIDGES = FILLERS | {"then", "yeah", "like", "also"}
DASHES = frozenset({",", "–", "-", "—"})
# Subject pronouns: a clause starts at one wherever it follows a word with no conjunction.
PRONOUNS = frozenset(
    {"i", "we", "he", "she", "they", "i'd", "i'm", "i've", "i'll", "we'd", "we're", "we've",
     "we'll", "he'd", "she'd", "they'd", "they're", "they've", "he's", "she's"}
)  # fmt: skip
# Words that also open a clause after a coordinator but are objects as often as subjects on
# their own ("wrote it down"): a new subject or a subordinate clause ("and when I was …").
OPENERS = frozenset(
    {"it", "it's", "there", "there's", "nobody", "everyone", "someone", "you", "if", "when",
     "once"}
)  # fmt: skip
DETERMINERS = frozenset({"the", "my", "our", "his", "her", "their", "this"})
# Words after which a pronoun continues the clause instead of starting one ("the day that I",
# "because we", "I think we").
JOINS = frozenset(
    {"that", "which", "who", "when", "where", "because", "if", "as", "while", "until", "till",
     "before", "after", "since", "what", "how", "why", "than", "whether", "once", "unless",
     "though", "although", "or", "the", "a", "an", "like", "say", "said", "think", "thought",
     "know", "knew", "guess", "mean", "hope", "reckon", "suppose", "sure", "there"}
)  # fmt: skip
MARKERS = frozenset({"anyway", "meanwhile", "afterwards", "eventually"})
MARKER_PHRASES = (("in", "the", "end"), ("after", "that"))
# A finite verb, roughly: forms of be/have/do, modals, contractions, common irregular pasts and
# any "-ed" word. Only used to tell a clause from a fronted phrase ("in my first year").
FINITE_RE = re.compile(
    r"^(?:was|were|is|are|am|had|has|have|did|do|does|would|could|should|can|will|might|must|"
    r"got|went|came|said|told|made|took|gave|kept|ran|sat|saw|felt|found|knew|thought|left|"
    r"began|brought|bought|put|set|let|get|go|need|needs|want|wants|\w+'(?:d|s|ve|m|re|ll)|"
    r"\w{2,}ed)$"
)


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def _subject_at(tokens: list[str], i: int) -> bool:
    """Whether a new subject (or subordinate clause) starts at token `i`, past fillers."""
    while i < len(tokens) and (tokens[i] in BRIDGES or tokens[i] in DASHES):
        i += 1
    if i >= len(tokens):
        return False
    if tokens[i] in PRONOUNS or tokens[i] in OPENERS:
        return True
    return (
        tokens[i] in DETERMINERS
        and i + 1 < len(tokens)
        and _is_word(tokens[i + 1])
        and not tokens[i + 1].isdigit()
    )


def _cue(tokens: list[str], i: int) -> bool:
    """Whether token `i` (a word, after a word) opens a new clause."""
    token, before = tokens[i], tokens[i - 1]
    if before in COORDINATORS:  # the cut belongs before the coordinator, not after it
        return False
    if token in COORDINATORS or token in FILLERS:
        return _subject_at(tokens, i + 1)
    if token in MARKERS:
        return True
    for phrase in MARKER_PHRASES:
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return _subject_at(tokens, i + len(phrase))
    if before in JOINS or before in FILLERS:
        return False
    if token in PRONOUNS:
        return True
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return token in {"it", "there"} and bool(FINITE_RE.match(following))


def _quoted(sentence: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks: a quoted speaker's words stay whole."""
    return [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"”]*[\"”]?", sentence)]


def split_clause(sentence: str, min_words: int = MIN_WORDS) -> list[str]:
    """`sentence` cut before each word that opens a new clause (see the module's doc), each
    piece stripped of the spaces and commas at the cut. A sentence shorter than
    `RUN_ON_WORDS` words comes back whole."""
    found = [(m.group(0).lower().replace("’", "'"), m.start()) for m in TOKEN_RE.finditer(sentence)]
    tokens = [t for t, _ in found]
    total = sum(_is_word(t) for t in tokens)
    if total < RUN_ON_WORDS:
        return [sentence.strip()]
    quoted = _quoted(sentence)
    cuts: list[int] = []  # token indices where a new piece starts
    seen = piece_words = 0  # words so far, and in the current piece
    piece_start = 0
    for i, token in enumerate(tokens):
        if not _is_word(token):
            continue
        if (
            i > 0
            and _is_word(tokens[i - 1])  # the writer marked no pause here
            and piece_words >= min_words
            and total - seen >= min_words
            and not (tokens[i - 1][-1].isdigit() and tokens[i + 1 : i + 2] != []
                     and tokens[i + 1][0].isdigit())
            and not any(a < found[i][1] < b for a, b in quoted)
            and any(FINITE_RE.match(t) for t in tokens[piece_start:i])
            and _cue(tokens, i)
        ):  # fmt: skip
            cuts.append(i)
            piece_start, piece_words = i, 0
        seen += 1
        piece_words += 1
    if not cuts:
        return [sentence.strip()]
    starts = [0, *(found[i][1] for i in cuts), len(sentence)]
    pieces = [sentence[a:b].strip().rstrip(",;–—-").strip() for a, b in itertools.pairwise(starts)]
    return [p for p in pieces if p]


def clauses_of(sentences: Iterable[str], min_words: int = MIN_WORDS) -> list[str]:
    """Each sentence's clauses, in order."""
    return [c for s in sentences for c in split_clause(s, min_words)]
