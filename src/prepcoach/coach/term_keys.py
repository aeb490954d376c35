"""A job's term keyed for matching by word form: its content words' roots (`term_roots`), or
for a term that names a thing, each word's own form where it is a name (`term_words`,
`term_keys`), and the roots of a text's words (`word_root`: an acronym's plural as the acronym,
an irregular past as its verb). `term_match` matches sentences against these keys; they live
apart because a term's keys are read once per term (kept: `TERMS_KEPT`) while a text's
matching is read once per answer."""

from __future__ import annotations

import functools

from prepcoach.coach.key_term_candidates import FUNCTION_WORDS, JOINERS
from prepcoach.coach.term_forms import root, tokens
from prepcoach.coach.term_names import is_name, is_word_name, name_key, own_form

# The terms whose keys (`term_roots`, `term_keys`, `term_words`) are kept: a job's terms are
# asked about in each of its answers, by word form, then whether and how by meaning, and were
# read anew each time (about a tenth of the matcher's time outside the model).
TERMS_KEPT = 4096


@functools.lru_cache(maxsize=TERMS_KEPT)
def term_roots(term: str) -> frozenset[str]:
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS]
    return frozenset(root(w) for w in words) or frozenset(root(w) for w in tokens(term))


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


@functools.lru_cache(maxsize=TERMS_KEPT)
def term_keys(term: str, names: bool) -> tuple[frozenset[str], bool]:
    """What a sentence must hold to cover `term` by word form (roots, and names' own forms
    when `names`, with their capitals when they are English words too: `name_key`), and
    whether it is never covered by meaning: a term made only of names ("Looker", "Gainsight",
    "React": MiniLM reads "React" as the verb, and "we had to react fast" was 0.73 from it); a
    capitalised skill, such as an advert's "Leadership", is no name and may still be said in
    other words ("I led…")."""
    if not names:
        return term_roots(term), False
    keyed = keyed_words(term)
    return frozenset(k for _, k in keyed), bool(keyed) and all(k[0] in "=^" for _, k in keyed)


def term_words(term: str) -> list[tuple[str, str]]:
    """Each content word of a job's `term` with its key (`term_keys`)."""
    return list(keyed_words(term))


@functools.lru_cache(maxsize=TERMS_KEPT)
def keyed_words(term: str) -> tuple[tuple[str, str], ...]:
    """`term_words`, kept as a tuple (shared by every caller: never changed in place)."""
    words = [w for w in tokens(term) if w.lower() not in FUNCTION_WORDS | JOINERS] or tokens(term)
    named = [is_name(w, alone=len(words) == 1) for w in words]
    return tuple(
        (w, (name_key(w) if is_word_name(w) else own_form(w)) if n else word_root(w))
        for w, n in zip(words, named, strict=True)
    )
