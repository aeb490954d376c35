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
# An object pronoun: a list of things holds none ("no argument, and gave her a cookie").
OBJECTS = frozenset("me him her us them".split())
# An item of more words than `ITEM_WORDS` is read as one only up to this many, and only when it
# holds no word a clause has and a noun phrase rarely does (`_clause_like`): "I haven't used
# Microsoft Power BI Desktop, Tableau or Looker", "no experience with budget setting for the
# board or contract negotiation", where "deploys took forty minutes, and …" is a clause.
LONG_ITEM_WORDS = 6
# A list with no coordinator ("I haven't used Tableau, Power BI, Looker.") is read as one when
# it has at least this many items after the first, each a thing's words, and ends its clause:
# a single comma's next words are as often a clause of their own ("…, Power BI was ours").
BARE_LIST_ITEMS = 2
# Words that open a noun phrase: after a complete phrase (not after a preposition, a
# coordinator, another of them or a verb's "-ing" form), one opens a new constituent, the
# clause's subject, where a negative phrase ends ("without any help the team moved it to SQL").
DETERMINERS = frozenset("the a an our my their his her this these those its your".split())
# Words that carry a copula's negation onto a proposition it denies ("it's not that I didn't
# use Excel", "it's not like I haven't done payroll"): a negation inside that proposition
# cancels the first, so what it says is affirmed. Not after another verb's negation: "I don't
# like that we never test" says the tests are not done.
PROPOSITION_WORDS = frozenset({"that", "like"})
COPULA_NEGATIONS = frozenset("isn't wasn't aren't weren't isnt wasnt arent werent".split())
# How a candidate says what they have not done yet but mean or hope to, or are still weak at:
# the guide's labellers tick nothing "they will learn" ("I'm studying for my AAT Level 3",
# "I'd like to learn Tableau", "I'm still weak on wine"). Each is a closed construction of
# English, read as a negation of the rest of its clause (`_prospect`): a wish or intention
# ("want to", "hope to", "plan to", "'d like to", "going to" after a form of "be"), study
# toward a thing ("I'm studying for", "working towards", "enrolled on"), a start ahead ("I'm
# starting") and a weakness owned ("still working on", "weak on"). Not "I'll" nor "I'd" alone,
# nor "aim to": they tell a habit as often ("If a driver is late I'll ring the depot", "we aim
# to answer within the hour"); nor "training for" or "signed up" after anything but a present
# "be" ("I ran the training for new starters", "I signed up forty customers").
INTENT_VERBS = frozenset(
    "want wants wanna hope hoping plan planning intend intending keen eager".split()
)
WISH_VERBS = frozenset("like love want prefer expect hope".split())  # after "'d" or "would"
# Study toward a thing, by the words that may follow: after a present "be" only
# ("I'm studying for my AAT"), or anywhere ("working towards my ACCA", "enrolled on the course").
STUDY_AFTER_BE = {
    "studying": ("for", "towards", "toward"),
    "revising": ("for",),
    "training": ("for",),
}
STUDY = {"working": ("towards", "toward"), "enrolled": ("on", "onto", "in")}
BE_FORMS = frozenset("am 'm is 's are 're was were be being".split())
PRESENT_BE = frozenset("am is are".split())
WEAK_WORDS = frozenset("weak weaker weakest".split())


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
    payroll (a review: it did, at 0.70, through the sentence). Words of a prospect or a
    weakness ("I'm studying for", "I'd like to", "I'm still weak on": `_prospect`) deny the rest
    of their clause as a negation does: on the labelled answers they took 5 of the 40 false
    alarms ("I'm studying for my AAT Level 3", "I'm starting the CIPD Level 3 in September",
    "I'd expect sql to go the same way", "I'm still weak on wine", "I'm still working on
    differentiating") and 2 matches, both through the wrong words ("i want to sell something"
    for "upselling"). A double negative affirms ("it's not that I didn't use Excel"). Known
    misses: a short run of verbs after a comma before a coordinator reads as a list ("I didn't
    complain, paid the fee and moved on"); a prospect told by a time ahead ("I'm doing my reach
    truck in January") or by a start ("I've started the Level 3 award") is said; a negative
    phrase before a subject that is a name ("without help Sam moved it to SQL") reaches on."""
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
    clause's rest (`NEGATIONS`, and a prospect's words: `_prospect`) or its phrase's
    (`PHRASE_NEGATIONS`: up to a new subject too, a pronoun or a noun phrase's determiner,
    `_new_subject`), and goes on across a list of things it governs (`_list_end`). A negation
    inside a proposition a negation denies ("it's not that I didn't use Excel") cancels it: a
    double negative affirms."""
    found = list(PIECE_RE.finditer(sentence))
    pieces = [m.group() for m in found]
    plain = [p.lower().replace("’", "'") for p in pieces]
    # A sentence with no capital has no case to tell a list's items by (`_list_end`).
    caseless = sentence == sentence.lower()
    counts = [0]
    scope = ""  # "clause", "phrase", or "" where nothing is denied
    through = 0  # the end of a list the scope reaches across
    proposition = False  # the scope is a negation's over a proposition ("not that …")
    for i, word in enumerate(plain):
        if scope and i >= through and _opens_clause(pieces[i]):
            end = _list_end(pieces, plain, i, scope == "phrase" or caseless)
            scope, through = (scope, end) if end is not None else ("", 0)
        elif (scope == "phrase" or i == through) and _head(word) in SUBJECTS:
            scope = ""  # a new subject after a negative phrase or a list opens a clause
        elif scope == "phrase" and i > through and _new_subject(plain, i):
            scope = ""
        proposition = proposition and bool(scope)
        following = plain[i + 1] if i + 1 < len(plain) else ""
        negative = _negation(word) or (
            word in PHRASE_NEGATIONS and (i == 0 or plain[i - 1] not in ARTICLES)
        )
        if proposition and scope == "clause" and negative:
            scope, proposition = "", False  # a double negative: "not that I didn't …"
        elif _negation(word) and following not in FOCUS:
            scope = "clause"
            proposition = following in PROPOSITION_WORDS and _copular(plain, i)
        elif word in PHRASE_NEGATIONS and not scope and (i == 0 or plain[i - 1] not in ARTICLES):
            scope = "phrase"
        elif not scope and _prospect(plain, i):
            scope = "clause"
        counts.append(counts[-1] + bool(scope))
    return tuple(m.start() for m in found), tuple(counts)


def _prospect(plain: list[str], i: int) -> bool:
    """Whether the `i`th word ends words of a prospect or a weakness (`INTENT_VERBS` and the
    rest): what follows in its clause is not yet done."""
    word = plain[i]
    before = plain[i - 1] if i else ""
    if word == "to" and before in INTENT_VERBS:
        return True  # "I want to", "we plan to"
    if word == "to" and before == "going" and i > 1 and _be(plain[i - 2]):
        return True  # "I'm going to", not "patients going to the toilet"
    if word in WISH_VERBS and (before == "would" or before.endswith("'d")):
        return True  # "I'd like to", "I'd expect SQL to"
    if word == "on" and plain[i - 2 : i] == ["still", "working"]:
        return True  # "I'm still working on differentiation"
    if word in STUDY.get(before, ()):
        return True  # "working towards my ACCA"
    if word in STUDY_AFTER_BE.get(before, ()) and i > 1 and _present_be(plain[i - 2]):
        return True  # "I'm studying for my AAT Level 3"
    if word == "starting" and _present_be(before):
        return True  # "I'm starting the CIPD in September"
    if word in ("on", "at") and before in WEAK_WORDS:
        return True  # "I'm still weak on wine"
    return word == "learning" and before == "still"


def _be(plain: str) -> bool:
    return plain in BE_FORMS or plain.endswith(("'m", "'re", "'s"))


def _present_be(plain: str) -> bool:
    return plain in PRESENT_BE or plain.endswith(("'m", "'re", "'s"))


def _copular(plain: list[str], i: int) -> bool:
    """Whether the negation at `i` denies a copula ("it's not", "it wasn't", "that isn't"), so
    what follows it is a proposition, not a verb's object."""
    return plain[i] in COPULA_NEGATIONS or (plain[i] == "not" and i > 0 and _be(plain[i - 1]))


def _new_subject(plain: list[str], i: int) -> bool:
    """Whether the `i`th word opens a noun phrase right after a complete one: a determiner
    (`DETERMINERS`) not after a preposition, a joiner, a negative word, another determiner or a
    verb's "-ing" form ("without any help the team moved it": "the team" is the subject)."""
    before = plain[i - 1]
    return (
        plain[i] in DETERMINERS
        and CLAUSE_MARK_RE.fullmatch(before) is None
        and before not in PREPOSITIONS | COORDINATORS | DETERMINERS | PHRASE_NEGATIONS
        and before not in {"of", "any", "some", "all", "every", "each"}
        and not before.endswith("ing")
    )


def _list_end(pieces: list[str], plain: list[str], at: int, lower_and: bool) -> int | None:
    """Where the list of things a negation governs ends, when the comma or "and" at `at` goes
    on with it, else None. Its items are parted by commas and end with a coordinator and the
    last one (`COORDINATORS`: "Tableau, Power BI or Looker", "Tableau, Power BI, and Looker"),
    or with none when at least `BARE_LIST_ITEMS` items follow the first ("Tableau, Power BI,
    Looker."); each has at most `ITEM_WORDS` words, or `LONG_ITEM_WORDS` in a list closed by
    "or" or "nor" or written in capitals ("Microsoft Power BI Desktop"), and no subject,
    auxiliary, focus word nor clause word (`_in_item`), and the last ends where its clause
    does, or a subject or a preposition follows it: the coordinator and the items' shape are
    what make a comma's next words an item, not a clause ("I didn't do any SQL there, it was
    all Excel, but…"). A list with no coordinator, an item longer than `ITEM_WORDS` and an
    item after a bare "and" in lower case hold nothing a clause has and a thing's words rarely
    do (`_clause_like`: "I didn't complain, paid the fee, moved on"). A bare "and", no comma
    before, joins two things before a capital ("SQL and Python"), and before a word in lower
    case where nothing else can (`lower_and`): after a negative phrase, which governs only
    things ("no experience with payroll and pensions"), and in a sentence with no capital to
    tell by ("i haven't used sql and python"); after a verb's negation, in a sentence that
    writes its names with capitals, it is as often a verb's ("I don't post an advert and wait,
    I go on LinkedIn")."""
    strict = False  # the items must hold nothing of a clause (`_clause_like`)
    if plain[at] == "and":
        after = pieces[at + 1] if at + 1 < len(pieces) else ""
        lower = not after[:1].isupper()
        if not after or (lower and not lower_and) or _head(after.lower()) in PRONOUNS:
            return None
        strict = lower
    elif plain[at] != ",":
        return None
    i, joined, items, long_items, verbs = at, "", 0, False, False
    while True:
        joint, i = plain[i], i + 1
        if joint == "," and i < len(plain) and plain[i] in COORDINATORS:
            joint, i = plain[i], i + 1  # a comma before the coordinator
        joined = joined or (joint if joint in COORDINATORS else "")
        start, most = i, min(len(plain), i + LONG_ITEM_WORDS)
        while i < most and _in_item(pieces[i], plain[i]):
            if joined and i > start and plain[i] in PREPOSITIONS:
                break
            i += 1
        if i - start > ITEM_WORDS and not all(
            p[:1].isupper() or p.isdigit() for p in pieces[start:i]
        ):
            long_items = True
        like = any(_clause_like(w) for w in plain[start:i])
        if i == start or ((strict or i - start > ITEM_WORDS) and like):
            return None
        items, verbs = items + 1, verbs or like
        stop = plain[i] if i < len(plain) else ""
        if stop in ("or", "nor") or (not joined and stop in (",", "and")):
            continue  # another item
        ends = not stop or _opens_clause(pieces[i]) or _head(stop) in PRONOUNS
        if long_items and joined not in ("or", "nor"):
            return None
        if joined:
            return i if ends or stop in PREPOSITIONS else None
        return i if ends and items >= BARE_LIST_ITEMS and not verbs else None


def _clause_like(plain: str) -> bool:
    """A word a clause has and a thing's words rarely do: a verb's past in "-ed" ("moved",
    "posted") or an object pronoun (`OBJECTS`)."""
    return plain in OBJECTS or (len(plain) > 4 and plain.endswith("ed"))


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
