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


# Joints inside a sentence where a transcript may have spliced two spoken sentences: Whisper
# sometimes writes "…I trained the team, as a result, the reports went out earlier" as one
# sentence. `joints` lists the places where both sides would be clauses; the reader decides,
# with its own probabilities, which of them to cut (`splices.uncut_splices`), since a comma
# between two clauses of one STAR part ("I rang them, and we agreed a date") is far commoner.
SEPARATORS = ",;–—-"
JOINT_WORDS = 3  # "we shipped it" is a clause; a run-on's cuts keep `MIN_WORDS`
TRAILERS = COORDINATORS | BRIDGES | {"as", "a", "the", "to", "of", "with", "for", "in", "on"}
# "that" is left out: in a fronted phrase it is mostly a determiner ("after that", "by that
# point", "in that role").
RELATIVES = frozenset({"who", "whom", "whose", "which"})
# What may follow the subject in a restart: "and I just –", "so we, um, we…", "I really, I…".
RESTART_TAIL = FILLERS | {"just", "also", "then", "actually", "really", "like", "kind", "of"}


# Words that open a dependent clause: a side that starts with one leans on the other side
# ("When I led the team, we delivered…"; "…the bill, which they paid"), so no splice is there.
SUBORDINATORS = frozenset(
    {"which", "who", "whom", "whose", "where", "while", "because", "when", "if", "unless",
     "although", "though", "whether", "since", "as", "until", "till", "before", "after",
     "without", "with", "to", "whereas", "once", "like", "including", "even", "especially",
     "not", "never", "or", "whatever", "whenever", "wherever", "than"}
)  # fmt: skip
# Common irregular past forms `FINITE_RE` does not know, so "sales rose" reads as a clause.
IRREGULAR_PAST = frozenset(
    {"rose", "fell", "grew", "won", "lost", "cut", "hit", "became", "paid", "sold", "built",
     "wrote", "spent", "met", "led", "held", "broke", "shut", "sent", "drove", "flew", "threw",
     "chose", "spoke", "stood", "understood", "taught", "caught", "fought", "sought", "meant",
     "heard", "read", "rang", "began", "beat", "bit", "dealt", "fed", "forgot", "froze", "hid",
     "hung", "lay", "lit", "shot", "shrank", "slept", "split", "spread", "stuck", "swore",
     "tore", "woke", "wore", "won't", "isn't", "wasn't", "weren't", "didn't", "doesn't",
     "don't", "hasn't", "haven't", "couldn't", "wouldn't", "shouldn't", "can't"}
)  # fmt: skip


def _finite(token: str) -> bool:
    return bool(FINITE_RE.match(token)) or token in IRREGULAR_PAST


def _independent(tokens: list[str]) -> bool:
    """Whether `tokens` start an independent clause: past coordinators, fillers and a fronted
    phrase with no verb ("and, um", "as a result,"), a subject (`_subject_at`, or a noun
    followed within three words by a finite verb: "sign-ups went up"), not a verb ("had the
    bill reissued": the same subject goes on) and not a subordinating word ("which they
    did")."""
    i = 0
    while i < len(tokens) and (tokens[i] in BRIDGES or tokens[i] in COORDINATORS
                               or tokens[i] in DASHES):  # fmt: skip
        i += 1
    comma = next((k for k in range(i, min(i + 6, len(tokens))) if tokens[k] in DASHES), None)
    # A fronted phrase holds no verb, no subject and no relative word: "to a competitor who,
    # honestly, was…" is the last clause going on, not a phrase opening a new one.
    if comma is not None and not any(
        _finite(t) or t in PRONOUNS or t in OPENERS or t in RELATIVES for t in tokens[i:comma]
    ):
        i = comma + 1  # "as a result, the reports…": the phrase opens the clause after it
        while i < len(tokens) and (tokens[i] in BRIDGES or tokens[i] in DASHES):
            i += 1
    if i >= len(tokens) or tokens[i] in SUBORDINATORS or not _is_word(tokens[i]):
        return False
    if _subject_at(tokens, i):
        return True
    first = tokens[i]
    return (
        not _finite(first)
        and not first.endswith("ing")
        and any(_finite(t) for t in tokens[i + 1 : i + 5])
    )


def _restarted(tokens: list[str]) -> bool:
    """Whether `tokens` end on a restart: after their last comma, dash or coordinator, only a
    subject pronoun and words that wait for a verb ("…myself so I", "and I just"), which the
    speaker began again after the joint ("so I, uh, I asked him"), so the two sides are one
    clause, not two. A verb of any tense after the subject ("so I oversaw it", "and we quit")
    is a clause, whether or not `_finite` knows the verb."""
    last = max(
        (k for k, t in enumerate(tokens) if t in SEPARATORS or t in COORDINATORS), default=-1
    )
    tail = [t for t in tokens[last + 1 :] if _is_word(t)]
    return bool(tail) and tail[0] in PRONOUNS and all(t in RESTART_TAIL for t in tail[1:])


def _dependent(tokens: list[str]) -> bool:
    """Whether `tokens` open with a subordinating word, past coordinators and fillers."""
    words = [t for t in tokens if _is_word(t) and t not in BRIDGES and t not in COORDINATORS]
    return bool(words) and words[0] in SUBORDINATORS


def _clause(tokens: list[str], min_words: int) -> bool:
    """Whether `tokens` could be a clause: `min_words` words or more, with a finite verb or a
    subject pronoun (a fronted phrase such as "in my last job" has neither)."""
    words = [t for t in tokens if _is_word(t)]
    return len(words) >= min_words and any(
        _finite(t) or t in PRONOUNS or t in OPENERS for t in words
    )


def joints(sentence: str, min_words: int = JOINT_WORDS) -> list[tuple[int, int]]:
    """Where `sentence` could be cut into two clauses, as (end of the left piece, start of the
    right piece) character offsets: at a comma, semicolon or dash followed by a space, or
    before "and"/"so"/"then"/"but" that opens a new subject ("and I", "so the reports"). Both
    sides must be clauses (`_clause`), the left must not end on a word that needs what follows
    ("and", "um", "as a") nor on a phrase that opens the right side ("…, as a result"),
    nor on a restart (`_restarted`: "…so I, uh, I asked"),
    the left must not be a dependent clause ("When I joined, …") and the right must be an
    independent one (`_independent`: a subject, not a verb going on with the same subject nor
    "which …"); nothing is cut between two numbers or inside quotation marks."""
    found = [(m.group(0).lower().replace("’", "'"), m.start()) for m in TOKEN_RE.finditer(sentence)]
    tokens = [t for t, _ in found]
    quoted = _quoted(sentence)
    out: list[tuple[int, int]] = []
    for i in range(1, len(tokens) - 1):
        token, offset = tokens[i], found[i][1]
        if token in SEPARATORS:
            after = offset + len(token)
            if (
                after >= len(sentence)
                or not sentence[after].isspace()
                or not _is_word(tokens[i - 1])
            ):
                continue  # "12,000", "sign-up", ", ," are not joints
            left, right, cut = tokens[:i], tokens[i + 1 :], (offset, found[i + 1][1])
        elif token in COORDINATORS and _is_word(tokens[i - 1]) and _subject_at(tokens, i + 1):
            left, right, cut = tokens[:i], tokens[i:], (offset, offset)
        else:
            continue
        # The left side's last stretch after a comma must hold a verb or a subject: a phrase
        # with neither ("as a result", "in the end", "by March") opens what follows it.
        last = max((k for k, t in enumerate(left) if t in SEPARATORS), default=-1)
        if (
            left[-1] not in TRAILERS
            and _clause(left[last + 1 :], 1)
            and not any(a < offset < b for a, b in quoted)
            and _clause(left, min_words)
            and _clause(right, min_words)
            and not _dependent(left)
            and not _restarted(left)
            and _independent(right)
        ):
            out.append(cut)
    return out


def cut_at(sentence: str, cuts: Iterable[tuple[int, int]]) -> list[str]:
    """`sentence` cut at the given joints (from `joints`); each piece loses the spaces and the
    separator at its cut, and nothing else."""
    bounds = [(0, len(sentence))]
    for end, restart in sorted(cuts):
        start = bounds[-1][0]
        bounds[-1] = (start, end)
        bounds.append((restart, len(sentence)))
    pieces = []
    for k, (start, end) in enumerate(bounds):
        piece = sentence[start:end]
        if k < len(bounds) - 1:
            piece = piece.rstrip().rstrip(SEPARATORS).rstrip()
        if k > 0:
            piece = piece.lstrip().lstrip(SEPARATORS).lstrip()
        if piece:
            pieces.append(piece)
    return pieces
