"""What counts as a *name* in a job's term (a tool, a product, a qualification), and where a
term that names a thing may be said: the rules `term_match` reads a term's words and a text's
capitals by, kept apart from the matcher itself (which reads sentences by word form and by
meaning) so that each stays a module's size.

A job's term that names a thing is said only by its name: a word of it that is a name
(`is_name`) is matched in its own form (`own_form`), never by its root. A trial's answers were
credited with "Looker" for "I've looked after…" and "looking back" (both "look"), as "Docker"
would be for "docking" and "React" for "reacted". A name that is a common English word too
(`WORD_TOOLS`: "React", "Excel", "Go", "SEND"; not "Python" nor "Empathy", said as themselves in
any case) is said where the text writes it with its capitals (`name_keys`), or in lower case
where that occurrence sits as a name: never in a verb's place (`_verb_place`: after a subject, a
modal or an infinitive's "to": "we had to react fast"), and in a text that writes names with
capitals (`writes_capitals`: a speech engine's, most typed ones) only after a word a name
follows (`NAME_PLACE`: "in react"; one stray "CFO" does not make every lower-case tool a verb);
a text typed all in lower case ("i built it in react") has no capitals to tell by, and the word
says the name anywhere else. A term whose words are all capitalised and that names a thing
(`proper`: "Microsoft Teams", "Care Certificate"; not a Title-Case skill, "Customer Service":
`SKILL_HEADS`) is not covered by meaning through its words written as ordinary words ("data
teams"), and a sentence's run of words written as a name (`_name_runs`: "Google Forms", "NVQ
Level 2") is another name where it holds a word not of the term ("Google Forms" is no "Google
Classroom": `term_match.Matcher._names_it`). A word with a capital inside it is a name
("QuickBooks": `CAMEL_RE`).

How a text's sentences are keyed and matched with these (`term_match.term_keys`,
`term_match.Matcher`), and what a sentence must hold for a named term to be said in it by
meaning (`term_match._anchor`, which keys a name's parts by the matcher's `word_root`), stay in
`term_match`, which names everything here that is public too. This module imports nothing of
`term_match`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from prepcoach.coach.embeddings import vocabulary
from prepcoach.coach.key_term_candidates import NOMINAL_RE, SUBJECTS

# Endings of an English word's forms: a capitalised "Onboarding", "Renewals" or "Forecasting"
# in an advert's list is a skill written with a capital, said in any form ("I onboarded…").
INFLECTED = ("ing", "ings", "s", "ed", "ment", "ments", "tion", "tions")
ACRONYM_LETTERS = 5


def is_name(word: str, alone: bool = True) -> bool:
    """Whether a word of a job's term is a name, matched only in its own form (`own_form`):
    written with a capital, not in one of an English word's inflected forms (`INFLECTED`) nor
    ending as a noun for an activity or a field does (`NOMINAL_RE`: "Leadership",
    "Compliance"), and the term's only word or no word of the model's English vocabulary:
    "Looker", "Docker", "Excel", "React", "Looker Studio"'s "Looker"; not "Onboarding",
    "Renewals", "KPIs", nor "Customer Onboarding"'s "Customer" (a reviewer found "I onboarded
    forty customers" missing an advert's capitalised "Onboarding"). A word with a capital
    inside it (`CAMEL_RE`: "QuickBooks") is a name whatever its ending."""
    plain = word.lower()
    if CAMEL_RE.search(word) is not None:
        return True
    # An acronym in capitals ends as it is spelled: the S of "ECDS", "AWS" or "HRIS" is a letter
    # of it, not a plural's (that is written "KPIs"), nor "ICS" a field's "-ics". Read as an
    # inflected word, a trial's "ECDS" (the Emergency Care Data Set) was said by meaning
    # through "the e-obs rollout" (0.45). Up to five letters: a longer word in capitals is an
    # advert's styling ("REPORTS"). The last condition still holds for it: in a term of several
    # words, an acronym that is an English word too ("RF scanners", "Cezanne HR") stays a word.
    acronym = word.isupper() and len(word) <= ACRONYM_LETTERS
    return (
        any(c.isupper() for c in word)
        and (acronym or not plain.endswith(INFLECTED))
        and (acronym or NOMINAL_RE.search(plain) is None)
        and (alone or plain not in vocabulary())
    )


# A capital after a small letter inside a word: "QuickBooks", "HubSpot", "iPhone", "DevTools".
# English writes its words so never; a brand does, whatever its ending ("QuickBooks" read as a
# plural, and so as a skill, was said by meaning through "doing bookkeeping").
CAMEL_RE = re.compile(r"[a-z][A-Z]")


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


def own_form(word: str) -> str:
    """A word's form for matching as a name: lower case, a possessive dropped; marked so it
    never equals a root."""
    return "=" + word.replace("’", "'").removesuffix("'s").rstrip("'").lower()


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


def _name_runs(words: Sequence[str]) -> list[range]:
    """The runs of a sentence's words written as a name's, each two words or more: words with
    a capital or a digit ("Google Forms", "NVQ Level 2", "Microsoft Dynamics 365"), not "I"
    and its contractions."""
    runs: list[range] = []
    start = None
    for i, word in enumerate([*words, ""]):
        named = bool(word) and (word[:1].isupper() or any(c.isdigit() for c in word))
        if named and re.split(r"['’]", word)[0] == "I":
            named = False
        if named and start is None:
            start = i
        elif not named and start is not None:
            if i - start > 1:
                runs.append(range(start, i))
            start = None
    return runs
