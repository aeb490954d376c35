"""How a mock interview is set up (`mock_setup`): field, level, company and role, from the job
when there is one, else from the profile's target role and industry; each says where it came
from. The level is read from the title's words (`level_for_role`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from prepcoach.coach.questions import field_for_role

# Words of a job title that say its level, checked in this order ("Senior lead" is lead).
# A seniority word beats a role noun: "Senior Product Manager" is senior, "Junior account
# manager" junior. "Manager" alone says no level: a product, account or customer success
# manager often manages no one (a trial's "Customer Success Manager (Mid-Market)" was set up
# as "Lead or manager"), so the title leaves it open ("any") for the user to set.
LEVEL_WORDS = (
    ("lead", r"lead|head of|principal|director|chief"),
    # "Staff" is a level in tech ("Staff engineer"), not in a "Staff nurse" (a ward's nurse).
    ("senior", r"senior|sr\.?|staff (?:[\w-]+ ){0,2}(?:engineer|scientist|designer|developer|"
               r"architect|manager)"),
    ("junior", r"junior|jr\.?|graduate|entry[- ]level|intern|trainee|apprentice|assistant"),
    ("mid", r"mid[- ]level|intermediate"),
)  # fmt: skip
LEVEL_RES = tuple(
    (level, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for level, words in LEVEL_WORDS
)


def level_for_role(role: str) -> str:
    """The bank's level for a job title ("Senior data analyst" → "senior"), "any" if unsaid."""
    return next((level for level, words in LEVEL_RES if words.search(role)), "any")


@dataclass(frozen=True, slots=True)
class MockSetup:
    company: str
    role: str
    field: str  # a bank field, "general" when the role names none
    seniority: str  # a bank level, "any" when the role names none
    source: str  # "job", "profile" or "" (nothing to go on)


def mock_setup(
    job_company: str = "", job_role: str = "", profile_role: str = "", profile_industry: str = ""
) -> MockSetup:
    """The job's company and role when there is a job, else the profile's target role; the
    field from the role (else the industry), the level from the role's words."""
    if job_role.strip() or job_company.strip():
        role, company, source = job_role.strip(), job_company.strip(), "job"
    elif profile_role.strip():
        role, company, source = profile_role.strip(), "", "profile"
    else:
        role, company, source = "", "", ""
    field = field_for_role(role) or field_for_role(profile_industry) or "general"
    return MockSetup(company, role, field, level_for_role(role), source)


# Questions about the role written from the job's key terms (`term_questions`). The bank holds
# role questions for a few fields only; a trial's aseptic pharmacy technician job (field
# "General") set to "Mostly about the role" was asked four generic behavioural questions, none
# about pharmacy. A term is asked about in the words its shape allows: a name (a tool, system,
# standard or qualification, written with a capital: "Datix", "NVQ Level 3"), a duty the
# advert writes as a verb with its object ("counsel patients"), or a skill, method or domain
# ("aseptic technique", "controlled drugs"). Each shape's templates are taken in turn, so a
# mock's questions do not all read alike.
NAME_TEMPLATES = (
    "What is your experience with {term}?",
    "Tell me about a time your work involved {term}. What did you do?",
)
DUTY_TEMPLATES = (
    "Tell me about a time you had to {term}. What did you do, and how did it go?",
    "How do you {term} well? Walk me through a recent example.",
)
SKILL_TEMPLATES = (
    "Tell me about a time your work involved {term}. What did you do?",
    "Tell me about a time something went wrong with {term}. What did you do?",
    "How would you explain {term} to someone new to the team?",
)
TEMPLATES = {"name": NAME_TEMPLATES, "duty": DUTY_TEMPLATES, "skill": SKILL_TEMPLATES}
# A question written from a term is the user's own question, marked with this source, so the
# question page can say where it came from and a later mock does not pick it from the bank
# for another job (`views.mocks`).
TERM_SOURCE = "prepcoach, from a job's key terms"
LONGEST_TERM = 60  # characters: a longer "term" is a sentence the extractor kept
# A verb's place before a duty in an advert ("… and counsel patients at discharge", "to handle
# complaints"), and endings no bare verb has ("controlled drugs", "quality improvement"). A
# bullet's start is none: bullets usually start with a noun phrase ("- Reach truck licence", in
# a browser check "Tell me about a time you had to reach truck licence"), unless the bullet is
# one of a list of what the job does, under a heading that says so (`DUTIES_HEADING`: "What you
# will do", "Key responsibilities"), or the advert uses the term's first word as a verb elsewhere.
# Not "and" nor "or": they join nouns as often ("cycle counts and stock rotation", "pension, and
# free parking" read as duties: a review).
VERB_PLACE = r"\b(?:to|will|also|you['’]ll|can|must|should)\s+"
# Where a word is surely a verb, for its use elsewhere in the advert: "and" or "or" join nouns
# as often ("cycle counts and stock rotation").
SURE_VERB_PLACE = r"\b(?:to|will|you['’]ll|can|must|should)\s+"
BULLET = r"[-*•·▪✓]"
DUTIES_HEADING = re.compile(
    r"\b(?:what\s+you(?:['’]ll|\s+will)\s+(?:do|be\s+doing)|you(?:['’]ll|\s+will)\s*:|"
    r"responsibilit(?:y|ies)|duties|day[- ]to[- ]day|key\s+tasks|the\s+role\s+involves)\b",
    re.IGNORECASE,
)
# A term whose last word names a thing held ("reach truck licence", "NEBOSH certificate") is
# never a duty, wherever the advert writes it ("or reach truck licence").
HELD = frozenset(
    "licence licences license licenses certificate certificates certification "
    "certifications qualification qualifications registration card cards degree degrees "
    "diploma diplomas nvq ticket tickets accreditation permit permits clearance "
    "membership".split()
)
NOT_A_VERB_RE = re.compile(
    r"(?:ed|ing|al|ic|ics|ive|ous|ary|ful|less|ent|ant|ion|ity|ment|ness|er|or|s|y)$"
)
# An owner's term may end as a list item does ("controlled drugs."): asked without it, as
# "…your work involved controlled drugs.. What did you do?" had read.
TRAILING = " \t\n.,;:"
# A "term" that reads as a sentence or a clause is asked about not at all: one starting with a
# pronoun ("You will be responsible for stock", under `LONGEST_TERM` and with a capital, was
# asked "What is your experience with You will be responsible for stock?"), of more than
# `MOST_WORDS` words, or ending as a question or exclamation does. A pronoun is matched as
# written in a sentence, never in capitals ("US GAAP", "HIS" are names), and before a word.
CLAUSE_START_RE = re.compile(
    r"^(?:I|[Yy]ou|[Ww]e|[Oo]ur|[Yy]our|[Tt]hey|[Tt]heir|[Mm]y|[Ss]he|[Hh]e)(?:['’]\w+)?\s+\S"
)
MOST_WORDS = 6


@dataclass(frozen=True, slots=True)
class TermQuestion:
    """A question about the role written from one of the job's key terms."""

    text: str
    term: str
    optional: bool = False  # the advert asks for the term only as a plus


def asked_term(term: str) -> str:
    """`term` as a question asks about it: without the punctuation a list item ends with
    ("controlled drugs." → "controlled drugs"); "" when it is no term to ask about: a sentence
    or a clause (`CLAUSE_START_RE`, more than `MOST_WORDS` words, ending "?" or "!"), or
    longer than `LONGEST_TERM`."""
    term = term.rstrip(TRAILING).strip()
    if (
        not re.search(r"[^\W\d_]", term)  # "…", "--": no letter, no term
        or term.lower().rstrip(".") in {"etc", "e.g", "i.e"}
        or len(term) > LONGEST_TERM
        or len(term.split()) > MOST_WORDS
        or term.endswith(("?", "!"))
        or CLAUSE_START_RE.match(term)
    ):
        return ""
    return term


def term_shape(term: str, advert: str = "") -> str:
    """How a term is asked about: "name" (a word of it written with a capital), "duty" (two
    or more words the advert writes in a verb's place, the first no noun's or adjective's
    ending: "counsel patients"; `is_duty`), else "skill". A list item's end ("counsel
    patients.") is left out first."""
    term = term.rstrip(TRAILING).strip()
    words = term.split()
    if any(w[:1].isupper() for w in words):
        return "name"
    return "duty" if is_duty(words, advert) else "skill"


# Endings of a noun naming a quality or an activity, for the last word of a bullet under a
# heading of duties: "leadership", "safety", "management".
NOUN_END_RE = re.compile(r"(?:ship|ty|ness|ment|tion|sion|ance|ence|ism|ure)$")


# Words a line starts with that are no verb: it tells of someone or something, so an "and"
# in it joins nouns ("You will be responsible for cycle counts and stock rotation").
NOT_VERB_START = frozenset(
    "you we our your the a an this it they he she i my their there what who experience "
    "knowledge ability".split()
)


def _joins_verbs(line: str, term: str) -> bool:
    """Whether `line` gives `term` after "and" or "or" in a line led by a verb ("- Reconcile
    patients' medicines on admission and counsel patients at discharge")."""
    if re.search(rf"\b(?:and|or)\s+{term}\b", line, re.IGNORECASE) is None:
        return False
    first = re.match(rf"\s*(?:{BULLET}\s*)?([A-Za-z]+)", line)
    lead = first.group(1).lower() if first else ""
    return bool(lead) and lead not in NOT_VERB_START and NOT_A_VERB_RE.search(lead) is None


def is_duty(words: Sequence[str], advert: str) -> bool:
    """Whether the term of `words` is a duty in `advert`: two or more words, the first no
    noun's or adjective's ending and no compound ("return-to-work"), the last naming no thing
    held (`HELD`), written after a verb's place (`VERB_PLACE`: "to", "will", "and"…), or at a
    bullet's start under a heading of what the job does (`DUTIES_HEADING`), or with its first
    word used as a verb elsewhere in the advert (`SURE_VERB_PLACE`: "You will handle the rota"
    and "- Handle complaints")."""
    if len(words) < 2 or words[-1].lower() in HELD or words[0].count("-") >= 2:
        return False
    if NOT_A_VERB_RE.search(words[0].lower()) is not None:
        return False
    term = re.escape(" ".join(words)).replace(r"\ ", r"\s+")
    if re.search(rf"{VERB_PLACE}{term}\b", advert, re.IGNORECASE):
        return True
    if any(_joins_verbs(line, term) for line in advert.splitlines()):
        return True
    if re.search(rf"{SURE_VERB_PLACE}{re.escape(words[0])}\s+\w", advert, re.IGNORECASE):
        return True
    lines = advert.splitlines()
    for at, line in enumerate(lines):
        if re.match(rf"\s*{BULLET}?\s*{term}\b", line, re.IGNORECASE) is None:
            continue
        heading = next((h for h in reversed(lines[:at]) if h.strip()
                        and not re.match(rf"\s*{BULLET}", h)), "")  # fmt: skip
        if re.match(rf"\s*{BULLET}", line) and DUTIES_HEADING.search(heading):
            # Under a heading of duties a bullet may still name a thing ("Team leadership",
            # "Health & safety": "How do you team leadership well?", a review).
            return NOUN_END_RE.search(words[-1].lower()) is None
    return False


def term_questions(
    terms: Sequence[str], count: int, advert: str = "", optional: Collection[str] = (),
    avoid: Collection[str] = (),
) -> tuple[TermQuestion, ...]:  # fmt: skip
    """Up to `count` questions about the role, one a term: the terms the advert requires
    first, in the job's order (most likely first), then those it asks for only as a plus
    (`optional`); a term whose question is in `avoid` (asked in the last mocks) waits until
    the others are used. A term is asked as `asked_term` gives it, and a sentence or clause
    not at all."""
    # Each term once, whatever its case or list punctuation ("Reach truck licence", "reach
    # truck licence"; a review found both asked in one mock).
    wanted = list(
        {t.casefold(): t for t in reversed([t for t in map(asked_term, terms) if t])}.values()
    )[::-1]
    plus = {asked_term(t).lower() for t in optional}
    order = sorted(range(len(wanted)), key=lambda i: wanted[i].lower() in plus)
    asked = {a.strip().lower() for a in avoid}
    made: list[TermQuestion] = []
    turns = dict.fromkeys(TEMPLATES, 0)
    for term in (wanted[i] for i in order):
        shape = term_shape(term, advert)
        forms = [t.format(term=term) for t in TEMPLATES[shape]]
        text = forms[turns[shape] % len(forms)]
        turns[shape] += 1
        made.append(TermQuestion(text, term, term.lower() in plus))
    made.sort(key=lambda q: q.text.lower() in asked)
    return tuple(made[: max(count, 0)])


def term_of(question: str) -> str | None:
    """The key term a question written by `term_questions` asks about, or None."""
    for templates in TEMPLATES.values():
        for template in templates:
            before, after = template.split("{term}")
            if question.startswith(before) and question.endswith(after):
                term = question[len(before) : len(question) - len(after)]
                if term.strip():
                    return term
    return None


def role_share(count: int, mix: Mapping[str, float]) -> int:
    """How many of a mock's `count` questions its `mix` asks about the role (its
    "role-specific" share, rounded half up)."""
    total = sum(mix.values())
    if total <= 0 or count <= 0:
        return 0
    return min(count, int(count * mix.get("role-specific", 0) / total + 0.5))


@dataclass(frozen=True, slots=True)
class RoleQuestions:
    """What a mock set up from a job asks about the role: the questions written from its key
    terms, the mix the bank's questions are then picked by, and what the pages say of it."""

    questions: tuple[TermQuestion, ...]
    bank_count: int  # how many the bank gives
    bank_mix: Mapping[str, float]
    said: str  # why no question was written from the job's terms ("" when some were)


def role_questions(
    count: int, mix: Mapping[str, float], terms: Sequence[str], *, job: bool, advert: str = "",
    optional: Collection[str] = (), avoid: Collection[str] = (), bank_has_role: bool = False,
) -> RoleQuestions:  # fmt: skip
    """The questions about the role a mock's `mix` asks (`role_share`), written from the job's
    key terms (`term_questions`); the bank gives the rest. Where the bank has role questions
    of the mock's field (`bank_has_role`), the terms take half the share (rounded up) and the
    bank keeps its mix; where it has none, the terms take it all and the bank is asked for
    its other kinds only. Without a job, an advert or terms, the bank gives every question as
    before, and `said` says why."""
    share = role_share(count, mix)
    said = terms_note(job=job, advert=advert, terms=terms) if share else ""
    if not share or said:
        return RoleQuestions((), count, mix, said)
    wanted = (share + 1) // 2 if bank_has_role else share
    made = term_questions(terms, wanted, advert, optional, avoid)
    bank_mix = dict(mix)
    if not bank_has_role and len(made) == share:
        bank_mix = {k: v for k, v in mix.items() if k != "role-specific"}
    if not any(v > 0 for v in bank_mix.values()):
        bank_mix = dict(mix)
    return RoleQuestions(made, count - len(made), bank_mix, "")


def terms_note(*, job: bool, advert: str, terms: Sequence[str]) -> str:
    """Why a mock for a job writes no question from its key terms ("" when it can)."""
    if not job:
        return ""
    if not advert.strip():
        return (
            "This job has no advert, so no question about the role is written from its key "
            "terms: they come from the bank for the field chosen, as for a mock without a job"
        )
    if not terms:
        return (
            "prepcoach found no key terms in this job's advert, so no question about the role "
            "is written from them: they come from the bank for the field chosen"
        )
    return ""


def terms_plan_note(terms: Sequence[str], optional: Collection[str] = ()) -> str:
    """What the setup page says a mock for a job with key terms will ask about the role."""
    plus = {t.lower() for t in optional}
    named = [t for t in terms if t.lower() not in plus][:6] or list(terms[:6])
    return (
        "Questions about the role (“Balanced” asks a third of them, “Mostly about the role” "
        "two thirds) are written from this job's key terms, such as "
        + ", ".join(f"“{t}”" for t in named)
        + "; the question's page says which term it comes from. The others come from the bank"
    )
