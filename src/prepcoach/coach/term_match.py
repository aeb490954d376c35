"""Whether a text covers a term (a job's key term, a company value, a competency), and the sentence
that shows it: by word form (every content word of the term, in any of its forms, in one sentence,
within a few words of each other, `SLACK`: "managing stakeholders" covers "stakeholder management",
"accounts … the sales manager" no "account management") or by meaning (the sentence's MiniLM
embedding close enough to the term's: "I help customers" covers "customer focus"). The meaning
threshold is calibrated on the development adverts by `scripts/train_key_terms.py`.

A job's term that names a thing (`names=True`: a tool, a product, a qualification) is said
only by its name: a word of it that is a name (`is_name`) is matched in its own form, never by
its root, and a term made only of names is never matched by meaning. A trial's answers were
credited with "Looker" for "I've looked after…" and "looking back" (both "look"), as "Docker"
would be for "docking" and "React" for "reacted"; and a tool is not used because a sentence
means something near it ("our BI dashboards" is not "Looker", "the spreadsheet" not "Excel").
A name that is a common English word too (`WORD_TOOLS`: "React", "Excel", "Go", "SEND"; not
"Python" nor "Empathy", said as themselves in any case) is said where the text writes it with
its capitals (`name_keys`), or in lower case where that occurrence sits as a name: never in a
verb's place (after a subject, a modal or an infinitive's "to": "we had to react fast"), and in
a text that writes names with capitals (a speech engine's, most typed ones) only after a word a
name follows ("in react"; one stray "CFO" does not make every lower-case tool a verb); a text
typed all in lower case ("i built it in react") has no capitals to tell by, and the word says
the name anywhere else. Likewise a term whose words are all capitalised and that names a thing
(`proper`: "Microsoft Teams", "Care Certificate"; not a Title-Case skill, "Customer Service") is
not covered by meaning through its words written as ordinary words ("data teams", "care
records").
Known misses: a sentence sharing one of a term's words is near it by that word alone, so
"our churn model" covers "churn risk" (0.75; "churn risk" is 0.79 from "churn") and "three
customers churned last year" "customer churn risk" (0.72), as "customer focus" covers "Help
customers" and "checklist" "building checklists", which tests pin; a term of several words
is not covered through a phrase that is one of its words in effect ("accounts and": `dangling`),
so an answer that tells the work without its words is missed where only that word came near
("a fleet of 220 vehicles" for "fleet management"); a plural name reads as the
word ("Teams" as "team"; a capitalised plural is as often a skill, "Renewals"); a lower-case
text's verb after a noun ("how did the team react") reads as the name; and a term said in its
other form by initials is not found ("quarterly business reviews" for "QBRs"): a match by
initials was tried and withdrawn, as ordinary runs of words spell an acronym by chance
("Customers really mattered" is "CRM", "8 AM" "account management")."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach.embeddings import vocabulary
from prepcoach.coach.key_term_candidates import (
    FUNCTION_WORDS,
    JOINERS,
    NOMINAL_RE,
    SUBJECTS,
    _chunks,
)
from prepcoach.coach.key_term_model import MEANING_THRESHOLD
from prepcoach.coach.term_forms import TOKEN_RE, root, tokens

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Covered:
    term: str
    sentence: str  # the text's own sentence that covers the term
    by: str  # "word form" or "meaning"
    similarity: float  # cosine similarity when by meaning; 1.0 by word form
    # The words of `sentence` that cover it, as written: by word form the shortest run holding
    # the term's words ("account manager"), by meaning the phrase or sentence closest to it.
    words: str = ""


@functools.cache
def shared_embedder() -> Embedder | None:
    """The MiniLM model, loaded once per process (None if its packages were removed)."""
    from prepcoach.coach.embeddings import load_embedder

    return load_embedder()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.split(text) if len(tokens(s)) >= 1]


def term_roots(term: str) -> frozenset[str]:
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS]
    return frozenset(root(w) for w in words) or frozenset(root(w) for w in tokens(term))


# Endings of an English word's forms: a capitalised "Onboarding", "Renewals" or "Forecasting"
# in an advert's list is a skill written with a capital, said in any form ("I onboarded…").
INFLECTED = ("ing", "ings", "s", "ed", "ment", "ments", "tion", "tions")


def is_name(word: str, alone: bool = True) -> bool:
    """Whether a word of a job's term is a name, matched only in its own form (`own_form`):
    written with a capital, not in one of an English word's inflected forms (`INFLECTED`) nor
    ending as a noun for an activity or a field does (`NOMINAL_RE`: "Leadership",
    "Compliance"), and the term's only word or no word of the model's English vocabulary:
    "Looker", "Docker", "Excel", "React", "Looker Studio"'s "Looker"; not "Onboarding",
    "Renewals", "KPIs", nor "Customer Onboarding"'s "Customer" (a reviewer found "I onboarded
    forty customers" missing an advert's capitalised "Onboarding")."""
    plain = word.lower()
    return (
        any(c.isupper() for c in word)
        and not plain.endswith(INFLECTED)
        and NOMINAL_RE.search(plain) is None
        and (alone or plain not in vocabulary())
    )


# Tools named by a common English word whose ordinary sense is frequent in answers: "we had to
# react fast", "I excel at", "we go back", "I send", "a word", "slack time", "our teams", "zoom
# in", "access to". Only these need the answer to write them as the name (`name_keys`). A list,
# not the model's vocabulary: that holds nearly every tool and skill ("python", "java", "sql",
# "linux", "azure", "oracle", "empathy", "integrity"), which are said as themselves in any case,
# so a reviewer found "I write python scripts … at Tesco" missing "Python".
WORD_TOOLS = frozenset(
    """react excel go send word slack teams zoom swift rust outlook access notion spark express
    flask sketch numbers pages keynote canvas unity sage box chef puppet salt ansible jest mocha
    ember backbone meteor monday basecamp bamboo""".split()
)
# Of them, acronyms an advert writes in capitals ("SEND": special educational needs and
# disabilities; "NICE" guidance; a "STAR" answer): said only in capitals, as the word in capitals
# is the acronym. Any other term in capitals ("EXCEL", "REACT", "SQL") is the advert's styling and
# is said in the answer's own capitals ("Excel", "Sql").
WORD_ACRONYMS = frozenset({"send", "nice", "star", "pace", "aim"})


def is_word_name(word: str) -> bool:
    """Whether a name (`is_name`) is spelled as a common English word too (`WORD_TOOLS`,
    `WORD_ACRONYMS`: "React", "Excel", "Slack", "SEND"): said as the name only where the answer
    writes it as one (`name_keys`)."""
    plain = word.lower()
    return plain in WORD_TOOLS or plain in WORD_ACRONYMS


def name_key(word: str) -> str:
    """A name's key when it is an English word too: its own form marked with the capitals it
    is written with, "^react" for "React" and "REACT", "^^send" for "SEND" (an acronym:
    `WORD_ACRONYMS`; `name_keys`)."""
    acronym = len(word) > 1 and word.isupper() and word.lower() in WORD_ACRONYMS
    return ("^^" if acronym else "^") + own_form(word)[1:]


# Words after which a lower-case tool's word sits as a name, not a verb, in a text that writes
# names with capitals: "built in react", "dashboards in excel", "we use slack".
NAME_PLACE = frozenset(
    "in into with using use used via on onto from through across over like".split()
)
# Before "to", words that make it an infinitive's ("had to react", "time to react"): there the
# word after it is the verb.
INFINITIVE_CUES = frozenset(
    """had have has having need needs needed want wants wanted able unable going got used try
    tries tried trying how learn learned learnt learning decided managed started began begin
    continue continued helped help asked told expected ready quick fast order ought seem seemed
    tend tended chose choose refused agreed hoped planned plan failed forgot remember
    remembered like love hate prefer allowed time chance ability way opportunity effort
    needing wanting meant supposed easy hard difficult""".split()
)
# Earlier words that make a later "to" a direction's ("from angular to react", "moved all our
# reporting to excel").
MOVE_CUES = frozenset(
    """from moved move moving migrated migrate migrating switched switch switching changed
    converted convert ported port exported export upgraded upgrade transferred transfer
    rewrote rewritten added add""".split()
)


def name_keys(words: Sequence[str], i: int, capitals: bool) -> set[str]:
    """The name keys (`name_key`) the `i`th of a sentence's words gives: a word written with
    its capitals says the name ("we met on Zoom", "in SQL"); one in lower case says it where
    it sits as a name, decided for each occurrence: never in a verb's place (`_verb_place`:
    after a subject, a modal or an infinitive's "to", the advert reader's own rule, so "we had
    to react fast" and "i excel at planning" say neither "React" nor "Excel"); in a text typed
    without capitals (`writes_capitals`: "i built it in react") anywhere else, since it has no
    capitals to tell by; in a text that writes names with capitals, only after a word a name
    follows (`NAME_PLACE`: "in excel", "with react"), since one stray capital ("the CFO", "on
    Monday") says little of how the text writes tools, and "how did the team react" is the
    verb."""
    word = words[i]
    form = own_form(word)[1:]
    if word[:1].isupper():
        return {"^" + form, "^^" + form} if len(word) > 1 and word.isupper() else {"^" + form}
    if _verb_place(words, i):
        return set()
    before = words[i - 1].lower() if i else ""
    if not capitals or before in NAME_PLACE or (before == "to" and _direction(words, i - 1)):
        return {"^" + form, "^^" + form}
    return set()


def _verb_place(words: Sequence[str], i: int) -> bool:
    """Whether the `i`th word sits where a verb does: after a subject, a modal or a "to" that
    is an infinitive's (not a direction's, `_direction`: "from angular to react")."""
    plain = words[i - 1].lower().replace("’", "'") if i else ""
    if plain == "to":
        return not _direction(words, i - 1)
    return plain in SUBJECTS or plain.endswith(("'ll", "'d"))


def _direction(words: Sequence[str], to: int) -> bool:
    """Whether the "to" at `to` is a direction's: no infinitive's cue right before it
    (`INFINITIVE_CUES`: "had to", "time to") and a move before it in the sentence
    (`MOVE_CUES`: "from angular to", "moved all our reporting to")."""
    if to == 0 or words[to - 1].lower().replace("’", "'") in INFINITIVE_CUES:
        return False
    return any(w.lower() in MOVE_CUES for w in words[:to])


def writes_capitals(sentences: Sequence[Sequence[str]]) -> bool:
    """Whether a text writes a word with a capital where no sentence starts (a name: "in
    Excel", "Microsoft", "KPIs"; "I" and its contractions are no evidence): such a text writes
    its names so, and a tool's word in lower case there says the name only in a name's place
    (`name_keys`), as a speech engine capitalises the names it hears."""
    return any(
        w[:1].isupper() and re.split(r"['’]", w)[0] != "I" for words in sentences for w in words[1:]
    )


# The irregular past forms of verbs a story tells its actions with, read as their verb: a
# suffix never finds "build" in "built", and "I built a checklist" said "building checklists"
# only through the phrase "checklist and", which reads as one word of the term and so no longer
# covers it (8caba01). English's irregular verbs are a closed set; these are those of work.
IRREGULAR_PAST = {
    "built": "build", "led": "lead", "ran": "run", "wrote": "write", "written": "write",
    "made": "make", "took": "take", "taken": "take", "brought": "bring", "taught": "teach",
    "sold": "sell", "bought": "buy", "drove": "drive", "driven": "drive", "began": "begin",
    "begun": "begin", "chose": "choose", "chosen": "choose", "gave": "give", "given": "give",
    "kept": "keep", "paid": "pay", "spent": "spend", "won": "win", "grew": "grow",
    "grown": "grow", "held": "hold", "spoke": "speak", "spoken": "speak", "drew": "draw",
    "drawn": "draw", "thought": "think", "understood": "understand", "oversaw": "oversee",
    "overseen": "oversee", "undertook": "undertake", "undertaken": "undertake",
}  # fmt: skip


def word_root(word: str) -> str:
    """`root`, with an acronym's plural read as the acronym ("KPIs", "SLAs": "kpi", "sla") and
    an irregular past read as its verb ("built": "build", `IRREGULAR_PAST`)."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return root(word[:-1])
    return root(IRREGULAR_PAST.get(word.lower(), word))


def own_form(word: str) -> str:
    """A word's form for matching as a name: lower case, a possessive dropped; marked so it
    never equals a root."""
    return "=" + word.replace("’", "'").removesuffix("'s").rstrip("'").lower()


def term_keys(term: str, names: bool) -> tuple[frozenset[str], bool]:
    """What a sentence must hold to cover `term` by word form (roots, and names' own forms
    when `names`, with their capitals when they are English words too: `name_key`), and
    whether it is never covered by meaning: a term made only of names ("Looker", "Gainsight",
    "React": MiniLM reads "React" as the verb, and "we had to react fast" was 0.73 from it); a
    capitalised skill, such as an advert's "Leadership", is no name and may still be said in
    other words ("I led…")."""
    if not names:
        return term_roots(term), False
    keyed = term_words(term)
    return frozenset(k for _, k in keyed), bool(keyed) and all(k[0] in "=^" for _, k in keyed)


def term_words(term: str) -> list[tuple[str, str]]:
    """Each content word of a job's `term` with its key (`term_keys`)."""
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS] or tokens(term)
    named = [is_name(w, alone=len(words) == 1) for w in words]
    return [
        (w, (name_key(w) if is_word_name(w) else own_form(w)) if n else word_root(w))
        for w, n in zip(words, named, strict=True)
    ]


# A term's words must fall within this many words beyond their own number: "managing our key
# stakeholders" is "stakeholder management", while "our largest accounts … the sales manager"
# is no "account management" (a trial's answers were credited with it, and "success plans" for
# "success" early in a sentence and "a clear plan" late in it).
SLACK = 3


def _close_together(needed: frozenset[str], words: Sequence[set[str]]) -> bool:
    """Whether every key of `needed` is among the keys of one run of `len(needed) + SLACK`
    consecutive words (`words`: each word's keys)."""
    span = len(needed) + SLACK
    if len(needed) < 2 or len(words) <= span:
        return True
    return any(
        needed <= set().union(*words[start : start + span])
        for start in range(len(words) - span + 1)
    )


def phrases(sentence: str) -> list[str]:
    """The sentence's short phrases (2-3 words inside a run without function words) that a term
    is compared with beside the whole sentence: "help customers" in a long sentence."""
    out: list[str] = []
    for chunk, _ in _chunks(sentence):
        for n in (2, 3):
            out += [" ".join(chunk[i : i + n]) for i in range(len(chunk) - n + 1)]
    return list(dict.fromkeys(out))


def dangling(phrase: str) -> bool:
    """Whether a phrase (`phrases`) starts or ends with a joiner ("accounts and", "of
    nursing"): one word in effect, which the sentence model reads as that word ("accounts and"
    is 0.75 from "account management", "accounts" 0.77, "eight accounts" 0.61; "of nursing"
    0.74 from "adult nursing"). It may cover a term of one word ("autistic and", "autism"),
    never a term of several: one of its words alone does not say the term (`Matcher.find`; a
    tester's "we had eight accounts and the renewals…" was credited with "account
    management")."""
    words = tokens(phrase)
    return bool(words) and (words[0].lower() in JOINERS or words[-1].lower() in JOINERS)


# Heads of a Title-Case term that make it a skill or a field, not a name ("Customer Service",
# "Health and Social Care"), beside the activity nouns `NOMINAL_RE` finds ("Project
# Management", "Stakeholder Engagement", "Data Analysis").
SKILL_HEADS = frozenset(
    """service services support care success focus skills relations experience safety
    awareness design research sales delivery""".split()
)


def proper(words: Sequence[tuple[str, str]]) -> bool:
    """Whether a term of several words (`term_words`) is a name: each written with a capital
    ("Microsoft Teams", "Care Certificate", "Human Interface Guidelines"; of the development
    adverts' labelled terms written so, nearly all name a product, a qualification, a law or
    a scheme), and either a word of it a name (`is_name`: "Looker Studio") or its last word no
    skill's or field's (`SKILL_HEADS`, `NOMINAL_RE`): adverts Title-Case skills too, and a
    reviewer found "I handled customer complaints and queries" no longer covering "Customer
    Service" nor "I ran the project plan, milestones and risks" "Project Management"."""
    if len(words) < 2 or not all(w[:1].isupper() for w, _ in words):
        return False
    head = words[-1][0].lower()
    skill = head in SKILL_HEADS or NOMINAL_RE.search(head) is not None
    return any(k[0] in "=^" for _, k in words) or not skill


def _keys(words: Sequence[str]) -> frozenset[str]:
    return frozenset(k for w in words for k in (word_root(w), root(w), own_form(w)))


class Matcher:
    """One text read once (its sentences, their roots and, lazily, the vectors of each sentence
    and its short phrases), asked about many terms."""

    def __init__(
        self, text: str, embedder: Embedder | None = None, threshold: float = MEANING_THRESHOLD
    ) -> None:
        self.sentences = sentences(text)
        said = [tokens(s) for s in self.sentences]
        self.caseless = caseless = not writes_capitals(said)
        # Each word's keys (its root, its own form and the name keys it gives), per sentence,
        # and their union.
        self.words = [
            [
                {word_root(w), own_form(w), *name_keys(words, i, not caseless)}
                for i, w in enumerate(words)
            ]
            for words in said
        ]
        self.roots = [frozenset().union(*words) for words in self.words]
        self.embedder = embedder
        self.threshold = threshold
        self._units: list[tuple[int, list[float]]] | None = None
        self._unit_texts: list[str] = []
        self._unit_dangling: list[bool] = []  # `dangling`: a phrase that is one word in effect
        self._unit_keys: list[frozenset[str]] = []
        self._unit_plain: list[frozenset[str]] = []  # the keys of its words in lower case

    def units(self) -> list[tuple[int, list[float]]]:
        """(sentence index, vector) of each sentence and each of its phrases."""
        if self._units is None:
            assert self.embedder is not None
            owners: list[int] = []
            texts: list[str] = []
            for i, sentence in enumerate(self.sentences):
                for unit in [sentence, *phrases(sentence)]:
                    owners.append(i)
                    texts.append(unit)
                    self._unit_dangling.append(unit is not sentence and dangling(unit))
            vectors = self.embedder.embed(texts) if texts else []
            self._units = list(zip(owners, vectors, strict=True))
            self._unit_texts = texts
            self._unit_keys = [_keys(tokens(t)) for t in texts]
            self._unit_plain = [_keys([w for w in tokens(t) if w[:1].islower()]) for t in texts]
        return self._units

    def similarities(
        self, term_vector: Sequence[float], words: Sequence[tuple[str, str]] = ()
    ) -> list[float]:
        """Per sentence, the highest similarity of the term to it or one of its phrases. With
        the words of a job's term that is a name (`term_words`, `proper`), a unit that says
        some of them but not all counts only where it writes them as the name does, with
        capitals, or in a text with no capitals to tell by (`writes_capitals`)."""
        return [score for score, _ in self._closest(term_vector, words)]

    def _closest(
        self,
        term_vector: Sequence[float],
        words: Sequence[tuple[str, str]] = (),
        several: bool = False,
    ) -> list[tuple[float, str]]:
        """Per sentence, the highest similarity (`similarities`) and the unit that has it; for
        a term of `several` words, never through a phrase that is one word (`dangling`)."""
        best = [(-1.0, s) for s in self.sentences]
        needed = frozenset(k for _, k in words) if proper(words) and not self.caseless else None
        units = zip(
            self.units(),
            self._unit_texts,
            self._unit_keys,
            self._unit_plain,
            self._unit_dangling,
            strict=True,
        )
        for (owner, vector), text, keys, plain, alone in units:
            if (needed is not None and needed & plain and not needed <= keys) or (
                several and alone
            ):
                continue
            similarity = sum(a * b for a, b in zip(term_vector, vector, strict=True))
            if similarity > best[owner][0]:
                best[owner] = (similarity, text)
        return best

    def find(
        self, term: str, term_vector: Sequence[float] | None = None, names: bool = False
    ) -> Covered | None:
        """The first sentence that covers `term`, or None; `names`: the term is a job's, whose
        names are said only by name (the module's docstring)."""
        needed, only_names = term_keys(term, names)
        if not needed:
            return None
        for sentence, roots, words in zip(self.sentences, self.roots, self.words, strict=True):
            if needed <= roots and _close_together(needed, words):
                return Covered(term, sentence, "word form", 1.0, _run(sentence, needed, words))
        if self.embedder is None or not self.sentences or only_names:
            return None
        if term_vector is None:
            term_vector = self.embedder.embed([term])[0]
        several = len(term_roots(term)) > 1
        scores = self._closest(term_vector, term_words(term) if names else (), several)
        best = max(range(len(scores)), key=lambda i: scores[i][0])
        score, unit = scores[best]
        if score >= self.threshold:
            return Covered(term, self.sentences[best], "meaning", round(score, 3), unit)
        return None


def _run(sentence: str, needed: frozenset[str], words: Sequence[set[str]]) -> str:
    """The shortest run of `sentence`'s words (`words`: each word's keys) holding every key of
    `needed`, as the sentence writes it ("account manager" for "account management")."""
    spans = [m.span() for m in TOKEN_RE.finditer(sentence)]
    best: tuple[int, int] | None = None
    for start in range(len(words)):
        held: set[str] = set()
        for end in range(start, len(words)):
            held |= words[end] & needed
            if held == needed:
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end)
                break
    if best is None or len(spans) != len(words):
        return sentence
    return sentence[spans[best[0]][0] : spans[best[1]][1]]


def find_terms(
    text: str, terms: Sequence[str], embedder: Embedder | None = None, names: bool = True
) -> list[Covered | None]:
    """For each term (a job's, whose names are said only by name unless `names` is False), the
    sentence of `text` that covers it, or None."""
    matcher = Matcher(text, embedder)
    vectors: list[list[float]] | list[None] = [None] * len(terms)
    if embedder is not None and terms and matcher.sentences:
        vectors = embedder.embed(list(terms))
    return [matcher.find(t, v, names) for t, v in zip(terms, vectors, strict=True)]
