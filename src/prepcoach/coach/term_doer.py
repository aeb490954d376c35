"""Whose work a sentence tells, for `term_match`: a job's term said as another person's work
("Submissions to HMRC are done by my supervisor", "our sports scientist runs the Catapult
system") or as something the candidate has still to do ("I'm booked on the UEFA C in the
summer", "the SSSTS next") is no evidence that the candidate used it (the labelling guide,
`tests/data/term_use/GUIDE.md`: "Mentioning it as something others did … or something they
will learn is `false`").

Read from the grammar of the clause that holds the term's words, with closed classes of words
only (pronouns, possessives, forms of "be", "by", time words): a passive whose agent is not the
speaker ("done by my supervisor"), a subject in the third person ("he", "she", or a noun phrase
after "my", "our", "his", "her" or "their") before an action verb, in a clause with no other
word of the speaker's, and a prospect ("I'm booked on", "I'm doing my …", "… next", "next
spring"). Negations are `term_negation`'s.

Chosen by a rule written before it was measured (tests/data/README.md, "Another person's work,
or still to come"), on the development term-use sets pooled: false alarms 154 to 123, true
uses 660 to 656, every set's F1 up. A subject after "the" or "a", and "they", were tried and
left out: they cost ten true uses ("the data showed", "a customer complained", "they renewed").
Known misses: a result told with "our" ("Our DSO went from 58 to 44 days") reads as someone
else's act, and work shared across clauses ("the controller asked for a NOTAM and I typed it
up") is read clause by clause.
"""

from __future__ import annotations

import functools
import itertools
import re

from prepcoach.coach.term_negation import CLAUSE_SPLIT_RE

FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll im ive me my myself we we're we've we'd us our".split()
)
THIRD_PERSON = frozenset("he she he's she's".split())
# A subject after one of these is someone of the speaker's world ("my supervisor", "our
# registrar"); after "the" or "a" it is as often a thing or a client ("the data showed", "a
# customer complained"), and "they" as often the client as a colleague ("they renewed").
POSSESSIVES = frozenset("my our his her their".split())
# Words a spoken clause opens with before its subject.
OPENERS = frozenset(
    """so and but then um uh er erm well like yeah because cause cos while when where whereas
    although though which who and,""".split()
)
BE = frozenset("is are was were be been being get gets got getting 's 're".split())
# A past participle by its ending, or an irregular one people use of work done.
PARTICIPLE_RE = re.compile(
    r"^(?:\w+(?:ed|en)|done|made|built|run|kept|held|led|sent|set|paid|brought|bought|taught|"
    r"caught|dealt|drawn|given|taken|written|shown|seen|owned|sorted|put|cut|read)$"
)
AGENT_NOT_SPEAKER = (
    frozenset("the our my their his her a an another other someone somebody".split()) | THIRD_PERSON
)
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*|\d[\w.,]*")
# A finite verb after a third-person subject: a regular past or present, or an irregular one.
IRREGULAR_FINITE = frozenset(
    """did does do runs ran made makes took takes kept keeps built builds wrote writes sent sends
    dealt deals goes went sits sat leads led holds held gets got gives gave brings brought draws
    drew sees saw puts cuts reads""".split()
)
# A form of "be" or "have" after the subject: the clause says what a thing is or has ("the
# dashboards are in Power BI", "the shop had its own till system"), not who did the work.
STATE_VERBS = frozenset("is are was were be been has have had 's 're".split())
SEASONS = frozenset(
    """year month week term quarter spring summer autumn fall winter january february march
    april may june july august september october november december""".split()
)
# Pairs of words before the term that say it is still to come ("I'm booked on", "is booked
# for"; "we're moving to Arbor"; "going for the assessment"; "started my diploma").
PROSPECT_BEFORE = frozenset(
    {("started", "my"), ("started", "the"), ("begun", "my"), ("going", "for")}
)
SPEAKER_BE = frozenset({"am", "i'm", "im", "we're"})
STUDY_VERBS = frozenset({"doing", "starting", "sitting", "taking"})


@functools.lru_cache(maxsize=4096)
def _clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Each clause's start and end (character offsets) in `sentence` (`CLAUSE_SPLIT_RE`)."""
    spans, at = [], 0
    for mark in CLAUSE_SPLIT_RE.finditer(sentence):
        if mark.start() > at:
            spans.append((at, mark.start()))
        at = mark.end()
    if at < len(sentence):
        spans.append((at, len(sentence)))
    return tuple(spans)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


def not_the_speakers(sentence: str, start: int, end: int) -> bool:
    """Whether any of the words of `sentence` from `start` to `end` (character offsets) is
    told as another person's work or as the speaker's prospect (the module's doc), read in its
    clause; as `term_negation.denied` reads a span, so that a whole sentence "The vet did the
    dental and I monitored her" says nothing the vet did, and its clause "I monitored her" is
    read alone."""
    return any(
        _in_clause(sentence, a, b, max(start, a), min(end, b))
        for a, b in _clauses(sentence)
        if a < end and start < b
    )


def _in_clause(sentence: str, a: int, b: int, start: int, end: int) -> bool:
    """The span from `start` to `end` in the clause from `a` to `b`: read with the words up to
    its end (the subject, verb and cues before a term), or, for a span the clause opens with (a
    clause or a sentence matched by meaning, whose words are its evidence), with all of it."""
    before = _words(sentence[a:start])
    after = _words(sentence[end:b])
    words = before + _words(sentence[start:end]) + after
    lead = words[: len(words) - len(after)] if before else words
    return (
        _passive_by_another(words)
        or _third_person_subject(lead, words)
        or _prospect(lead, after if before else words[-2:], words)
    )


def _passive_by_another(words: list[str]) -> bool:
    """ "… are done by my supervisor", "designed by the contractor's coordinator": a participle,
    then "by" and someone not the speaker, in a clause whose subject is not the speaker."""
    for i in range(1, len(words) - 1):
        if words[i] != "by" or words[i + 1] not in AGENT_NOT_SPEAKER:
            continue
        if PARTICIPLE_RE.match(words[i - 1]) and not FIRST_PERSON & set(words[: i - 1]):
            return True
    return False


def _third_person_subject(lead: list[str], clause: list[str]) -> bool:
    """ "my supervisor did the bird scaring", "he did an emergency supply": the clause opens with
    a subject in the third person (a pronoun, or a noun phrase of up to five words after a
    determiner) and a finite verb, in the words that lead to the term (`lead`), in a clause
    with no word of the speaker's after its first ("The planner updated it from my notes")."""
    opened = next((i for i, w in enumerate(clause) if w not in OPENERS), len(clause))
    if FIRST_PERSON & set(clause[opened + 1 :]):
        return False
    words = lead[opened:]
    if not words:
        return False
    if words[0] in THIRD_PERSON:
        return len(words) >= 2 and _finite(words[1])
    if words[0] not in POSSESSIVES:
        return False
    # The first verb after the noun phrase decides: an action, or a state (`STATE_VERBS`).
    for word in words[2:7]:
        if word in STATE_VERBS:
            return False
        if _finite(word):
            return True
    return False


def _finite(word: str) -> bool:
    return word in IRREGULAR_FINITE or (word.endswith("ed") and len(word) > 4)


def _prospect(lead: list[str], tail: list[str], words: list[str]) -> bool:
    """ "I'm booked on the UEFA C", "I'm doing my NVQ level two", "the SSSTS next", "next
    spring": something the speaker has still to do or finish, by cues in the words that lead to
    the term (`lead`), "next" right after it (`tail`), or "next" and a time anywhere in its
    clause (`words`)."""
    pairs = set(itertools.pairwise(lead))
    if pairs & PROSPECT_BEFORE:
        return True
    for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False):
        if (b == "booked" or (b, c) == ("moving", "to")) and (a in BE or a in SPEAKER_BE):
            return True  # "I'm booked on", "my AM2 is booked for June", "we're moving to Arbor"
    for i, (a, b) in enumerate(itertools.pairwise(lead)):
        c = lead[i + 2] if i + 2 < len(lead) else ""
        if a in SPEAKER_BE and b in STUDY_VERBS and c in {"my", "the", "a", "an"}:
            return True  # "I'm doing my NVQ level two"
    if "next" in tail[:2]:
        return True
    return any(w == "next" and n in SEASONS for w, n in itertools.pairwise(words))
