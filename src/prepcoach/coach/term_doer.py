"""Whose work a sentence tells, for `term_match`: a job's term said as another person's work
("Submissions to HMRC are done by my supervisor", "our sports scientist runs the Catapult
system") or as something the candidate has still to do ("I'm booked on the UEFA C in the
summer", "I'm doing my CIPP diploma") is no evidence that the candidate used it (the labelling
guide, `tests/data/term_use/GUIDE.md`: "Mentioning it as something others did … or something
they will learn is `false`").

Read from the grammar of the clause that holds the term's words, with closed classes of words
(pronouns, possessives, forms of "be", "by", time words), and MiniLM for one open question:
- a passive whose agent is another person ("done by my supervisor"; not "by our team", "by the
  end of March", "by a third"), in a clause with no other word of the speaker's;
- a subject in the third person before an action verb, in a clause with no other word of the
  speaker's: "he", "she", a noun phrase after "his", "her" or "their", or one after "my" or
  "our" that MiniLM reads nearer people than things (`person_test`: "my supervisor", not "my
  role" nor "our team");
- a prospect: "I'm booked on", "my AM2 is booked for", "I'm doing my …", "I've started the …",
  "we're moving to …", "next spring" (not "for next year").
Negations are `term_negation`'s.

Chosen by a rule written before it was measured (tests/data/README.md, "Another person's work,
or still to come"), on the development term-use sets pooled: false alarms 154 to 127, true
uses 660 to 658, every set's F1 up; with a second review's present in "-s" after a one-word
head ("her assistant handles") and objects added by "and the …", 125 and 658. A subject after
"the" or "a", and "they", were tried and left out: they cost ten true uses ("the data showed",
"a customer complained", "they renewed").
Known misses: work shared across clauses ("the controller asked for a NOTAM and I typed it up")
is read clause by clause; "the SSSTS next" (a plan told by "next" alone) is read as done.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder
from prepcoach.coach.term_negation import CLAUSE_SPLIT_RE

FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll im ive me my myself we we're we've we'd us our".split()
)
THIRD_PERSON = frozenset("he she he's she's".split())
# A subject after one of these is another person ("her manager", "their analyst"). After "my"
# or "our" it is as often the speaker's own thing or team ("my role involved", "our team
# migrated": a review), after "the" or "a" a thing or a client ("the data showed", "a customer
# complained"), and "they" is as often the client as a colleague ("they renewed").
POSSESSIVES = frozenset("his her their".split())
# After "my" or "our", a subject is another person only when MiniLM reads it nearer people than
# things (`person_test`): "my supervisor", "our registrar", but not "my role", "my script".
OWN_POSSESSIVES = frozenset({"my", "our"})
PEOPLE = ("a person", "a colleague", "my manager", "a member of staff", "someone else", "the boss")
THINGS = ("a thing", "my work", "my role", "a document", "a system", "a project", "a result")
PersonTest = Callable[[str], bool]
# The two kinds of words `not_the_speakers` reads as not the speaker's use
# (`not_the_speakers_kind`), as the report's key-terms card names them.
DoerKind = Literal["someone else's", "still to come"]
SOMEONE_ELSES: DoerKind = "someone else's"
STILL_TO_COME: DoerKind = "still to come"
# Words a spoken clause opens with before its subject.
OPENERS = frozenset(
    """so and but then um uh er erm well like yeah because cause cos while when where whereas
    although though which who""".split()
)
# A past participle by its ending (not "then", "often", "seven"), or an irregular one people
# use of work done.
PARTICIPLE_RE = re.compile(
    r"^(?:\w{3,}(?:ed|en)|done|made|built|run|kept|held|led|sent|set|paid|brought|bought|"
    r"taught|caught|dealt|drawn|given|taken|written|shown|seen|owned|sorted|put|cut|read)$"
)
NOT_PARTICIPLES = frozenset({"often", "seven", "eleven", "even", "open", "happen", "listen"})
# Who opens an agent after "by": another person ("by my supervisor", "by the contractor's
# coordinator"), but not the speaker's own team ("by our team") nor a time or an amount ("by
# the end of March", "by a third").
AGENT_OPENERS = frozenset("the a an my our his her their another someone somebody he she".split())
OWN_GROUPS = frozenset("team teams department crew squad group".split())
NOT_AGENTS = frozenset(
    """end start time middle close beginning third half quarter fifth tenth lot factor margin
    percent fraction way""".split()
)
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*|\d[\w.,]*")
# A finite verb after a third-person subject: a regular past, or an irregular past or present.
IRREGULAR_FINITE = frozenset(
    """did does do runs ran made makes took takes kept keeps built builds wrote writes sent sends
    dealt deals sits sat leads led holds held gets got gives gave brings brought draws drew puts
    cuts""".split()
)
# A form of "be" or "have" after the subject: the clause says what a thing is or has ("the
# dashboards are in Power BI", "the shop had its own till system"), not who did the work.
STATE_VERBS = frozenset("is are was were be been has have had 's 're".split())
# Opening a noun phrase added to a clause's objects; a subject's words end such a phrase.
OBJECT_OPENERS = frozenset("the a an his her their our my its some all any".split())
SUBJECT_WORDS = frozenset("i we you he she they it i'm we're you're they're he's she's".split())
SEASONS = frozenset(
    """year month week term quarter spring summer autumn fall winter january february march
    april may june july august september october november december""".split()
)
# Before "next year": planning for it ("the forecast for next year") is work done now.
NOT_BEFORE_NEXT = frozenset({"for", "by", "until", "before", "to", "of", "since"})
SPEAKER_BE = frozenset({"am", "i'm", "im", "we're", "were", "is", "are", "'re"})
HAVE_STARTED = frozenset({("i've", "started"), ("ive", "started"), ("we've", "started"),
                          ("have", "started")})  # fmt: skip
STUDY_VERBS = frozenset({"doing", "starting", "sitting", "taking"})
BOOKED_ON = frozenset({"on", "onto", "for", "in"})


@functools.lru_cache(maxsize=4096)
def _clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Each clause's start and end (character offsets) in `sentence` (`CLAUSE_SPLIT_RE`); a
    piece that only adds an object to the clause before it ("and the P11D returns in
    BrightPay": a coordinator, a determiner, no verb nor subject) is read with that clause, so
    "My supervisor does the RTI submissions and the P11D returns" tells both as hers (a
    review found the second read as the speaker's)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for mark in [*CLAUSE_SPLIT_RE.finditer(sentence), None]:
        stop = len(sentence) if mark is None else mark.start()
        if stop > at:
            if spans and _adds_an_object(_words(sentence[at:stop])):
                spans[-1] = (spans[-1][0], stop)
            else:
                spans.append((at, stop))
        at = len(sentence) if mark is None else mark.end()
    return tuple(spans)


def _adds_an_object(words: list[str]) -> bool:
    """Whether a clause's words only add a noun phrase to the clause before: "and the …", "or
    their …", with no verb and no subject of its own."""
    return (
        len(words) >= 2
        and words[0] in {"and", "or"}
        and words[1] in OBJECT_OPENERS
        and not any(_finite(w) or w in STATE_VERBS or w in SUBJECT_WORDS for w in words[2:])
    )


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


def person_test(embedder: Embedder) -> PersonTest:
    """Whether a noun phrase ("my supervisor", "our sports scientist") names a person: nearer
    by MiniLM cosine to `PEOPLE` than to `THINGS`, each phrase read once. `PEOPLE` and
    `THINGS` are embedded at the first question, not before: a matcher that never asks sends
    nothing to the model (`term_match.find_terms` sends an answer in one call)."""

    @functools.cache
    def anchors() -> np.ndarray:
        return np.asarray(embedder.embed([*PEOPLE, *THINGS]), dtype=np.float64)

    @functools.lru_cache(maxsize=4096)
    def is_person(phrase: str) -> bool:
        vector = np.asarray(embedder.embed([phrase])[0], dtype=np.float64)
        similarity = anchors() @ vector
        return bool(similarity[: len(PEOPLE)].max() > similarity[len(PEOPLE) :].max())

    return is_person


def not_the_speakers(sentence: str, start: int, end: int, person: PersonTest | None = None) -> bool:
    """Whether any of the words of `sentence` from `start` to `end` (character offsets) is
    told as another person's work or as the speaker's prospect (the module's doc), read in its
    clause; as `term_negation.denied` reads a span, so that a whole sentence "The vet did the
    dental and I monitored her" says nothing the vet did, and its clause "I monitored her" is
    read alone. A subject after "my" or "our" is read only with a `person` test."""
    return any(
        _in_clause(sentence, a, b, max(start, a), min(end, b), person)
        for a, b in _clauses(sentence)
        if a < end and start < b
    )


def not_the_speakers_kind(
    sentence: str, start: int, end: int, person: PersonTest | None = None
) -> DoerKind | None:
    """Which of the two kinds `not_the_speakers` reads in the words of `sentence` from `start`
    to `end`, or None where it reads neither (where it returns False): `SOMEONE_ELSES` for
    another person's work (a passive by another person, a subject in the third person),
    `STILL_TO_COME` for a prospect; the first clause that tells one decides, another person's
    work before a prospect within a clause, as `not_the_speakers` tries them."""
    for a, b in _clauses(sentence):
        if a < end and start < b:
            kind = _kind_in_clause(sentence, a, b, max(start, a), min(end, b), person)
            if kind is not None:
                return kind
    return None


def _in_clause(
    sentence: str, a: int, b: int, start: int, end: int, person: PersonTest | None
) -> bool:
    """The span from `start` to `end` in the clause from `a` to `b`: read with the words up to
    its end (the subject, verb and cues before a term), or, for a span the clause opens with (a
    clause or a sentence matched by meaning, whose words are its evidence), with all of it."""
    return _kind_in_clause(sentence, a, b, start, end, person) is not None


def _kind_in_clause(
    sentence: str, a: int, b: int, start: int, end: int, person: PersonTest | None
) -> DoerKind | None:
    """What `_in_clause` reads in the span, by kind (`not_the_speakers_kind`): each reading
    tried in the same order, the later ones only when the earlier find nothing."""
    before = _words(sentence[a:start])
    after = _words(sentence[end:b])
    words = before + _words(sentence[start:end]) + after
    lead = words[: len(words) - len(after)] if before else words
    if _passive_by_another(words) or _third_person_subject(lead, words, person):
        return SOMEONE_ELSES
    return STILL_TO_COME if _prospect(lead, words) else None


def _passive_by_another(words: list[str]) -> bool:
    """ "… are done by my supervisor", "designed by the contractor's coordinator": a participle,
    then "by" and another person (`AGENT_OPENERS`, not the speaker's team nor a time or an
    amount), in a clause with no word of the speaker's ("delivered by a small team I led")."""
    # The agent's own "my" or "our" ("by my supervisor") is not the speaker in the clause.
    agents = {i + 1 for i, w in enumerate(words) if w == "by"}
    if any(w in FIRST_PERSON and i not in agents for i, w in enumerate(words)):
        return False
    for i in range(1, len(words) - 2):
        if words[i] != "by" or words[i + 1] not in AGENT_OPENERS:
            continue
        if words[i - 1] in NOT_PARTICIPLES or not PARTICIPLE_RE.match(words[i - 1]):
            continue
        head = words[i + 2]
        if head in NOT_AGENTS or head[:1].isdigit():
            continue
        if words[i + 1] in {"my", "our"} and head in OWN_GROUPS:
            continue
        return True
    return False


def _third_person_subject(lead: list[str], clause: list[str], person: PersonTest | None) -> bool:
    """ "her manager did the audit", "he did an emergency supply": the clause opens with a
    subject in the third person ("he", "she", or a noun phrase of up to five words after "his",
    "her" or "their") and a finite verb, in the words that lead to the term (`lead`), in a
    clause with no word of the speaker's."""
    opened = next((i for i, w in enumerate(clause) if w not in OPENERS), len(clause))
    own = opened < len(clause) and clause[opened] in OWN_POSSESSIVES
    if FIRST_PERSON & set(clause[opened + 1 :] if own else clause):
        return False
    words = lead[opened:]
    if not words:
        return False
    if words[0] in THIRD_PERSON:
        return len(words) >= 2 and (_finite(words[1]) or _present(words[1]))
    if words[0] not in POSSESSIVES and not (own and person is not None):
        return False
    # The first verb after the noun phrase decides: an action, or a state (`STATE_VERBS`).
    for at, word in enumerate(words[2:7], start=2):
        if word in STATE_VERBS:
            return False
        # A present in "-s" only right after a one-word head ("her assistant handles"): further
        # on, a plural noun of the subject ("her clients' accounts") reads the same.
        if _finite(word) or (at == 2 and _present(word) and not words[1].endswith(("'", "'s"))):
            subject = words[:at]
            if not own:
                return True
            return (
                subject[-1] not in OWN_GROUPS and person is not None and person(" ".join(subject))
            )
    return False


def _finite(word: str) -> bool:
    return word in IRREGULAR_FINITE or (word.endswith("ed") and len(word) > 4)


def _present(word: str) -> bool:
    """A verb's third-person present by its ending ("handles", "runs"), not "-ss" ("process")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "'s", "us", "is"))


def _prospect(lead: list[str], words: list[str]) -> bool:
    """ "I'm booked on the UEFA C", "I'm doing my NVQ level two", "I've started the Level 3
    award", "we're moving to Arbor", "next spring": something the speaker has still to do or
    finish, by cues in its clause (`words`: booked, moving, "next" and a time) or in the words
    that lead to the term (`lead`: started, doing my). "I started the migration in 2021" and
    "the forecast for next year" are work done."""
    if set(itertools.pairwise(lead)) & HAVE_STARTED:
        return True
    for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False):
        if b == "booked" and (
            (a in SPEAKER_BE - {"is", "are", "were"} and c in BOOKED_ON)
            or (a == "is" and c in BOOKED_ON - {"in"})
        ):
            return True  # "I'm booked on", "my AM2 is booked for June", not "are booked in"
        # Not after "were": "we were moving to Xero when I left" is past.
        if a in SPEAKER_BE - {"were"} and (b, c) in {("moving", "to"), ("going", "for")}:
            return True  # "we're moving to Arbor", "the practice is going for the scheme"
    for a, b, c in zip(lead, lead[1:], [*lead[2:], ""], strict=False):
        if a in SPEAKER_BE - {"is", "are", "were"} and b in STUDY_VERBS and c == "my":
            return True  # "I'm doing my NVQ level two"
    for before, (w, n) in zip(["", *words], itertools.pairwise(words), strict=False):
        if w == "next" and n in SEASONS and before not in NOT_BEFORE_NEXT:
            return True
    return False
