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
# A negative determiner or preposition: it denies the phrase it opens, not its clause ("no
# experience with Tableau", "neither Tableau nor Looker", "without Excel"), so a new subject
# ends it ("without any help I migrated the data to SQL": the help is denied, the migration is
# not). "No" after an article is the noun ("a no is one of the nineteen").
PHRASE_NEGATIONS = frozenset({"no", "neither", "without"})
ARTICLES = frozenset({"a", "an", "the"})
# After a negation, a word that moves its scope onto itself: "not only X but also Y", "I don't
# just use Excel" deny that X is all there is, and so affirm X.
FOCUS = frozenset({"only", "just", "merely", "simply", "solely"})
# Words that open a new clause, where a negation's reach ends: "I don't post an advert and
# wait, I go on LinkedIn Recruiter".
CLAUSE_WORDS = frozenset(
    "but and so because although though while whereas which who whom when where then however "
    "if unless".split()
)
CLAUSE_MARK_RE = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
PIECE_RE = re.compile(f"{TOKEN_RE.pattern}|{CLAUSE_MARK_RE.pattern}")
# A negated list is one constituent: "I haven't used Tableau, Power BI or Looker" denies all
# three, where a comma or an "and" otherwise ends the negation's clause (`_list_end`). The
# coordinators that join its items, and the most words an item has ("Microsoft Power BI",
# "Looker Studio yet"): at four, the labelled answers' runs of clauses after a comma read as
# lists ("We had no tracing, deploys took forty minutes, and two of the services shared…",
# "not at the desk, offered a free taxi, …", "no argument, and gave her a cookie"). The last
# item may end at a preposition, whose phrase the negation reaches as in its clause ("…or
# Looker on a real project").
COORDINATORS = frozenset({"and", "or", "nor"})
ITEM_WORDS = 3
PREPOSITIONS = frozenset("in on at for with from to into by during before after since".split())
# Words no item of a list of things holds, closed classes only: a subject ("it was all Excel"),
# a finite auxiliary ("the bootcamp was all js") or a focus word ("Tableau, just Excel and SQL")
# after a comma opens a clause or a contrast of its own, not another item. A subject (not "it"
# nor "there", objects as often: "without it") ends a negative phrase or a list too.
SUBJECTS = frozenset("i we you he she they".split())
PRONOUNS = SUBJECTS | {"it", "there"}
AUXILIARIES = frozenset(
    """am is are was were be been being has have had do does did will would shall should can
    could may might must""".split()
)


def denied(sentence: str, start: int, end: int) -> bool:
    """Whether any of the words of `sentence` from `start` to `end` (character offsets) is
    denied: in the scope of a negation before it or at it (`reach`). A term said so is not
    used: the guide's labellers tick nothing the candidate says they have not done ("i haven't
    used sql on a real project yet", "I don't cannulate myself yet"), and leaving such words
    out took 10 of the matcher's 25 false alarms on the labelled answers, by word form and by
    meaning alike, for no match lost; without it the cut chosen out of fold found F1 .673, with
    it .782. A verb's negation (`NEGATIONS`) reaches to the end of its clause, which ends at
    punctuation and at a word that opens one (`CLAUSE_WORDS`), so "I didn't do any SQL there,
    it was all Excel, but I've done SQL at uni" still says "SQL" by its second one; a negative
    determiner or preposition (`PHRASE_NEGATIONS`) reaches the end of its phrase; either reaches
    across a list of things it governs ("I haven't used Tableau, Power BI or Looker",
    `_list_end`); one with its scope moved onto a focus word ("not only", "not just": `FOCUS`)
    denies nothing. A span of several clauses is denied where any of them denies its words, so
    a whole sentence "I handled the invoices, but I haven't done payroll" says nothing of
    payroll (a review: it did, at 0.70, through the sentence). Words of a prospect ("I'm
    studying for", "I want to") were measured as denials too and left out: no gain out of fold.
    Known misses (`_list_end`): a list with no coordinator ("Tableau, Power BI, Looker"), with
    an item of more than `ITEM_WORDS` words, or joined by a bare "and" in lower case ("i
    haven't used sql and python") denies its first item only, and a short run of verbs after
    a comma reads as a list ("I didn't complain, paid it and moved on"); a negative phrase
    whose clause's subject is no pronoun reaches on ("without help the team moved it to SQL");
    a double negative denies what it affirms."""
    at, denies = reach(sentence)
    first = bisect.bisect_left(at, start)
    last = bisect.bisect_left(at, end)
    return denies[last] > denies[first]


@functools.lru_cache(maxsize=4096)
def reach(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the sentence's negations reach, read once a sentence (its units and runs ask many
    times): each piece's start (`PIECE_RE`: a word or a clause mark) and the running count of
    pieces a negation before or at them denies (one longer), so that the pieces from offset a
    to b hold a denied one when the counts at their ends differ. A negation's scope is its
    clause's rest (`NEGATIONS`) or its phrase's (`PHRASE_NEGATIONS`: up to a new subject too),
    and goes on across a list of things it governs (`_list_end`)."""
    found = list(PIECE_RE.finditer(sentence))
    pieces = [m.group() for m in found]
    plain = [p.lower().replace("’", "'") for p in pieces]
    counts = [0]
    scope = ""  # "clause", "phrase", or "" where nothing is denied
    through = 0  # the end of a list the scope reaches across
    for i, word in enumerate(plain):
        if scope and i >= through and _opens_clause(pieces[i]):
            end = _list_end(pieces, plain, i)
            scope, through = (scope, end) if end is not None else ("", 0)
        elif (scope == "phrase" or i == through) and _head(word) in SUBJECTS:
            scope = ""  # a new subject after a negative phrase or a list opens a clause
        following = plain[i + 1] if i + 1 < len(plain) else ""
        if _negation(word) and following not in FOCUS:
            scope = "clause"
        elif word in PHRASE_NEGATIONS and not scope and (i == 0 or plain[i - 1] not in ARTICLES):
            scope = "phrase"
        counts.append(counts[-1] + bool(scope))
    return tuple(m.start() for m in found), tuple(counts)


def _list_end(pieces: list[str], plain: list[str], at: int) -> int | None:
    """Where the list of things a negation governs ends, when the comma or "and" at `at` goes
    on with it, else None. Its items are parted by commas and end with a coordinator and the
    last one (`COORDINATORS`: "Tableau, Power BI or Looker", "Tableau, Power BI, and Looker");
    each has at most `ITEM_WORDS` words and no subject, auxiliary, focus word nor clause word
    (`_in_item`), and the last ends where its clause does, or a subject or a preposition
    follows it: the coordinator and the items' shape are what make a comma's next words an
    item, not a clause ("I didn't do any SQL there, it was all Excel, but…"). A bare "and", no
    comma before, joins two things only before a capital ("SQL and Python"): before a word in
    lower case it is as often a verb's ("I don't post an advert and wait, I go on LinkedIn")."""
    if plain[at] == "and":
        after = pieces[at + 1] if at + 1 < len(pieces) else ""
        if not after[:1].isupper() or _head(plain[at + 1]) in PRONOUNS:
            return None
    elif plain[at] != ",":
        return None
    i, joined = at, False
    while True:
        joint, i = plain[i], i + 1
        if joint == "," and i < len(plain) and plain[i] in COORDINATORS:
            joint, i = plain[i], i + 1  # a comma before the coordinator
        joined = joined or joint in COORDINATORS
        start, most = i, min(len(plain), i + ITEM_WORDS)
        while i < most and _in_item(pieces[i], plain[i]):
            if joined and i > start and plain[i] in PREPOSITIONS:
                break
            i += 1
        stop = plain[i] if i < len(plain) else ""
        if i == start:
            return None
        if stop in ("or", "nor") or (not joined and stop in (",", "and")):
            continue  # another item
        ends = not stop or _opens_clause(pieces[i]) or _head(stop) in PRONOUNS
        return i if joined and (ends or stop in PREPOSITIONS) else None


def _in_item(piece: str, plain: str) -> bool:
    return (
        not _opens_clause(piece)
        and plain not in COORDINATORS | FOCUS | AUXILIARIES
        and _head(plain) not in PRONOUNS
        and not _negation(plain)
    )


def _negation(plain: str) -> bool:
    return plain.endswith("n't") or plain in NEGATIONS


def _head(plain: str) -> str:
    """A word before its apostrophe ("i've": "i", "it's": "it")."""
    return plain.split("'", 1)[0]


def _opens_clause(piece: str) -> bool:
    return CLAUSE_MARK_RE.fullmatch(piece) is not None or piece.lower() in CLAUSE_WORDS
