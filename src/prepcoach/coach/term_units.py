"""The pieces of a text that `coach.term_match` compares with a term: its sentences
(`sentences`), their short phrases (`phrases`) and where each sits (`_span`), each word's keys
(`_keys`), whether a term's words fall close together (`_close_together`, `SLACK`), and the ways
a term is written (`written_forms`). Moved out of `term_match` (which names each of them too)
so that the matcher itself stays one readable module; nothing here judges a term."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.coach.key_term_candidates import JOINERS, _chunks
from prepcoach.coach.term_forms import TOKEN_RE, root, tokens
from prepcoach.coach.term_keys import keyed_words, word_root
from prepcoach.coach.term_names import own_form

SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.split(text) if len(tokens(s)) >= 1]


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


def _keys(words: Sequence[str]) -> frozenset[str]:
    return frozenset(k for w in words for k in _word_keys(w))


@functools.lru_cache(maxsize=20_000)
def _word_keys(word: str) -> tuple[str, str, str]:
    """A word's keys (kept: a sentence's words come again in each of its clauses and phrases)."""
    return word_root(word), root(word), own_form(word)


WORD_CHAR_RE = re.compile(r"\w")  # what `\w` is in a pattern of `str`, for `_span`


def _token_spans(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(sentence)]


def _span(sentence: str, spans: Sequence[tuple[int, int]], unit: str) -> tuple[int, int] | None:
    """Where a clause or a phrase of `sentence` sits in it (`spans`: its tokens' offsets), or
    None."""
    # Not the first `str.find`: "data quality" would be placed in "our metadata quality"
    # before the words themselves, and read as denied or not there (a review). The first
    # occurrence with no word character either side, as `(?<!\w)unit(?!\w)` finds it; not that
    # pattern itself, compiled anew for each unit (about 3,400 patterns for the 55 labelled
    # answers, past `re`'s cache of 512): 4 ms an answer, half the matcher's time outside the
    # model.
    at = sentence.find(unit)
    while at != -1:
        end = at + len(unit)
        if not (at and WORD_CHAR_RE.match(sentence, at - 1)) and not (
            end < len(sentence) and WORD_CHAR_RE.match(sentence, end)
        ):
            return at, end
        at = sentence.find(unit, at + 1)
    words = tokens(unit)
    said = [sentence[a:b] for a, b in spans]
    for i in range(len(said) - len(words) + 1):
        if said[i : i + len(words)] == words:
            return spans[i][0], spans[i + len(words) - 1][1]
    return None


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of a text compared with a term by meaning: a sentence, one of its clauses or
    one of its short phrases."""

    owner: int  # its sentence's index
    text: str
    keys: frozenset[str]  # `_keys` of its words
    plain: frozenset[str]  # the keys of its words in lower case
    dangling: bool  # a phrase that is one word in effect (`dangling`)
    denied: bool  # said as not done (`denied`)


# A term that gives its initials in brackets: "Customs Declaration Service (CDS)", "paid
# search (PPC)", "Level 3 Award in Assessing (TAQA)".
BRACKETED_RE = re.compile(r"(.*?\S)\s*\(\s*([A-Z][A-Z0-9&/-]*[A-Z0-9])\s*\)\s*")


def written_forms(term: str, names: bool = False) -> list[str]:
    """The ways a term is written that each say it (`Matcher.by_form`): itself and, for a term
    that gives its initials in brackets (`BRACKETED_RE`), its words without them and the
    initials alone, as an answer says one or the other ("we file through CDS", "the DET"), never
    both. Not a bracket of another kind ("Excel (advanced)"), whose words qualify the term.
    With `names` (a job's term, whose names are said only by name), a product's name without
    its maker too (`without_maker`)."""
    bracketed = BRACKETED_RE.fullmatch(term)
    forms = [term] if bracketed is None else [term, bracketed[1], bracketed[2]]
    short = without_maker(term) if names else None
    return forms if short is None else [*forms, short]


# An acronym alone: a kind of product, not one ("Salesforce CRM" is not said by "our CRM").
CATEGORY_RE = re.compile(r"[A-Z]{2,5}")


@functools.lru_cache(maxsize=4096)
def without_maker(term: str) -> str | None:
    """A product's name as people say it without its maker: "Autodesk Revit" as "Revit",
    "Apache Airflow" as "Airflow", "MITRE ATT&CK" as "ATT&CK", "Oracle NetSuite" as "NetSuite"
    (answers name the tool, and were told they never said it). Only where the first word, alone,
    is a name (`term_keys.keyed_words`: "Microsoft", not "Advanced") and the rest is made of
    names in the term itself (not "Sage Payroll"'s "Payroll", "Burp Suite"'s "Suite", nor a
    tool named by a common English word, "Microsoft Excel"'s "Excel"), and is not one acronym
    of a kind of product (`CATEGORY_RE`: "Salesforce CRM" is not said by "our CRM"). None
    otherwise."""
    words = term.split()
    if len(words) < 2 or CATEGORY_RE.fullmatch(" ".join(words[1:])):
        return None
    maker = keyed_words(words[0])
    if len(maker) != 1 or not _named(maker[0][1]):
        return None
    rest = " ".join(words[1:])
    in_term = keyed_words(term)[1:]
    if in_term and all(_named(key) for _, key in in_term):
        return rest  # "Revit", "ATT&CK", "NetSuite": names in the term itself
    # Not a tool named by a common English word ("Microsoft Word", "Microsoft Outlook"): alone,
    # a text that writes no capitals says it anywhere (`term_names.name_keys`), and a review
    # found "I had a word with each of them" and "the outlook for the quarter" taken for them.
    return None


def _named(key: str) -> bool:
    """Whether a word's key (`term_keys.keyed_words`) is a name's: its own form or its capitals,
    not a root."""
    return key[:1] in "=^"
