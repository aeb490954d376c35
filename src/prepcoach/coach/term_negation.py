"""Where a sentence's clauses part and how far its negations reach, for `term_match`: a job's
term said in a clause a negation denies ("I haven't used Tableau yet") is no evidence that it was
used, and a spoken answer's long sentence is compared with a term clause by clause."""

from __future__ import annotations

import bisect
import functools
import re

from prepcoach.coach.term_forms import TOKEN_RE, tokens

# Where a sentence's clauses part (`clauses`): at a comma, a semicolon, a colon or a dash, and
# before a word that opens a clause.
CLAUSE_SPLIT_RE = re.compile(
    r"\s*[,;:\u2014\u2013]\s*|\s+-\s+"
    r"|\s+(?=(?:and|but|so|because|which|who|when|while|then|where|whereas)\b)"
)


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses of two words or more (`CLAUSE_SPLIT_RE`), compared with a term
    beside the sentence and its short phrases: a spoken answer's sentence runs on through
    several things done ("so I priced it properly, um, built the quotation with the programme
    impact, and I sat down with their QS"), each told in a clause, and the whole sentence is
    near none of them. Out of fold on the labelled answers (`scripts/train_term_use.py`), F1
    .764 without them, .782 with them (skills' recall .62 to .66), for about a third more
    time."""
    return [p for p in CLAUSE_SPLIT_RE.split(sentence) if p and len(tokens(p)) >= 2]


# Words that deny what follows them in their clause ("I haven't used Workday", "not cut
# roofs"; answers typed without apostrophes write "havent"), besides any word ending in "n't".
NEGATIONS = frozenset(
    """not never cannot nor dont didnt doesnt havent hasnt hadnt cant couldnt wont wouldnt
    isnt wasnt arent werent""".split()
)
# Words that open a new clause, where a negation's reach ends: "I don't post an advert and
# wait, I go on LinkedIn Recruiter".
CLAUSE_WORDS = frozenset(
    "but and so because although though while whereas which who whom when where then however "
    "if unless".split()
)
CLAUSE_MARK_RE = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
PIECE_RE = re.compile(f"{TOKEN_RE.pattern}|{CLAUSE_MARK_RE.pattern}")


def denied(sentence: str, start: int, end: int) -> bool:
    """Whether any of the words of `sentence` from `start` to `end` (character offsets) is
    denied: a negation (`NEGATIONS`) in its clause, before it or at it (`reach`). A term said so
    is not used: the guide's labellers tick nothing the candidate says they have not done ("i
    haven't used sql on a real project yet", "I don't cannulate myself yet"), and leaving such
    words out took 10 of the matcher's 25 false alarms on the labelled answers, by word form and
    by meaning alike, for no match lost; without it the cut chosen out of fold found F1 .673,
    with it .782. A clause ends at punctuation and at a word that opens one (`CLAUSE_WORDS`), so
    "I didn't do any SQL there, it was all Excel, but I've done SQL at uni" still says "SQL" by
    its second one; a span of several clauses is denied where any of them denies its words, so
    a whole sentence "I handled the invoices, but I haven't done payroll" says nothing of
    payroll (a review: it did, at 0.70, through the sentence). Words of a prospect ("I'm
    studying for", "I want to") were measured as denials too and left out: no gain out of fold.
    Known misses: a negated list joined by a comma or "and" ("I haven't used Tableau, Power BI
    or Looker") denies its first item only; "no" and "without" deny nothing ("no experience
    with Tableau"); "not only", "not just" and a double negative deny what they affirm."""
    at, denies = reach(sentence)
    first = bisect.bisect_left(at, start)
    last = bisect.bisect_left(at, end)
    return denies[last] > denies[first]


@functools.lru_cache(maxsize=4096)
def reach(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the sentence's negations reach, read once a sentence (its units and runs ask many
    times): each piece's start (`PIECE_RE`: a word or a clause mark) and the running count of
    pieces a negation before or at them in their clause denies (one longer), so that the
    pieces from offset a to b hold a denied one when the counts at their ends differ."""
    starts: list[int] = []
    counts = [0]
    negated = False
    for match in PIECE_RE.finditer(sentence):
        piece = match.group()
        if _opens_clause(piece):
            negated = False
        plain = piece.lower().replace("’", "'")
        if plain.endswith("n't") or plain in NEGATIONS:
            negated = True
        starts.append(match.start())
        counts.append(counts[-1] + negated)
    return tuple(starts), tuple(counts)


def _opens_clause(piece: str) -> bool:
    return CLAUSE_MARK_RE.fullmatch(piece) is not None or piece.lower() in CLAUSE_WORDS
