"""Skills an advert writes as verbs ("Handle complaints", "Recruit, train and develop the
team", "you will manage a portfolio"), read as the noun phrases people label them with
("complaint handling", "recruitment", "training", "portfolio management").

A verb is a word in a verb's place: the first word of a bullet or a line of duties, a word right
after a subject or a modal ("you will build"), or after "to". Its object is the run of words that
follows (past a determiner), cut at punctuation and function words; "and"/"or" between objects
gives each its own phrase. The verb becomes a noun by the regular English endings (-ment, -ation,
-ion, -ance; "analyse" → "analysis"), kept only when the sentence model's vocabulary (about
30,000 common English words) knows the result, and by its -ing form, always: which of them is a
key term the trained model decides, like any other candidate."""

from __future__ import annotations

import functools
import json
import re

from prepcoach.coach.embeddings import model_files
from prepcoach.coach.term_forms import TOKEN_RE

DETERMINERS = frozenset(
    "a an the our your their its this these those all any every each new daily weekly".split()
)
VOWELS = "aeiou"


@functools.cache
def vocabulary() -> frozenset[str]:
    """Whole words of the MiniLM tokenizer's vocabulary; empty when the model is not installed
    (then only -ing forms are made)."""
    files = model_files()
    if files is None:
        return frozenset()
    try:
        vocab = json.loads(files[1].read_text())["model"]["vocab"]
    except (OSError, ValueError, KeyError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and len(w) > 3)


def ing_form(verb: str) -> str:
    """ "handle" → "handling", "plan" → "planning", "troubleshoot" → "troubleshooting"."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if len(verb) <= 4 and re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", verb) is not None:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def noun_forms(verb: str) -> list[str]:
    """The regular nouns of a verb that the vocabulary knows ("manage" → "management",
    "negotiate" → "negotiation", "analyse" → "analysis", "maintain" → "maintenance")."""
    stem = verb[:-1] if verb.endswith("e") else verb
    guesses = [verb + "ment", stem + "ation", stem + "ion", verb + "ance", stem + "ance"]
    if verb.endswith(("ise", "ize")):
        guesses.insert(0, verb[:-1] + "ation")
    if verb.endswith(("yse", "yze")):
        guesses.insert(0, verb[:-2] + "sis")
    if verb.endswith("y"):
        guesses.insert(0, verb[:-1] + "ication")
    if verb.endswith("ain"):
        guesses.insert(0, verb[:-3] + "enance")
    known = vocabulary()
    return [g for g in dict.fromkeys(guesses) if g in known]


def nominals(verb: str) -> list[str]:
    return list(dict.fromkeys([*noun_forms(verb), ing_form(verb)]))


def _is_verb_like(word: str, function_words: frozenset[str], capitalised: frozenset[str]) -> bool:
    lower = word.lower()
    return (
        word.isalpha()
        and len(word) > 2
        and lower not in function_words
        and lower not in capitalised
        and not word.isupper()
        and re.search(r"(?:ing|ment|ion|ance|ence|ity|ness|ship|ist|s|ed|ly|al|ful|ive)$", lower)
        is None
    )


def verb_phrases(
    line: str,
    bullet: bool,
    duties: bool,
    function_words: frozenset[str],
    subjects: frozenset[str],
    capitalised: frozenset[str],
    known_verbs: frozenset[str] = frozenset(),
) -> list[str]:
    """The noun phrases of the skills this line writes as verbs: each verb's nouns alone, and
    with each of its objects' last one or two words before them."""
    matches = list(TOKEN_RE.finditer(line))
    words = [m.group() for m in matches]
    gaps = [line[matches[i - 1].end() : m.start()] if i else "" for i, m in enumerate(matches)]
    out: list[str] = []
    i = 0
    while i < len(words):
        lower = words[i].lower().replace("’", "'")
        before = words[i - 1].lower().replace("’", "'") if i else ""
        # A line's first word is a verb in a list of duties, or where the advert uses it as
        # one elsewhere or gives it an object ("Degree in chemistry" is no verb).
        starts = i == 0 and (
            duties
            or (
                bullet
                and (lower in known_verbs or (len(words) > 1 and words[1].lower() in DETERMINERS))
            )
        )
        after_subject = (
            i > 0
            and not re.search(r"[.,;:!?]", gaps[i])
            and (before in subjects or before.endswith(("'ll", "'d")) or before == "to")
        )
        if not (starts or after_subject) or not _is_verb_like(
            words[i], function_words, capitalised
        ):
            i += 1
            continue
        verbs = [lower]
        j = i + 1
        # "Recruit, train and develop the team": a run of verbs shares the object.
        while j < len(words):
            k = j + 1 if words[j].lower() in ("and", "or") else j
            joined = k > j or gaps[j].strip() == ","
            if not joined or re.search(r"[.;:!?()]", gaps[j]) or k >= len(words):
                break
            if not words[k].islower() or not _is_verb_like(words[k], function_words, capitalised):
                break
            verbs.append(words[k].lower())
            j = k + 1
        objects = _objects(words, gaps, j, function_words)
        for verb in verbs:
            for noun in nominals(verb):
                out.append(noun)
                for obj in objects:
                    out.append(f"{obj} {noun}")
        i = j
    return out


def _objects(
    words: list[str], gaps: list[str], start: int, function_words: frozenset[str]
) -> list[str]:
    """The objects after a verb: runs of content words, past determiners, joined by and/or."""
    objects: list[str] = []
    k = start
    while (
        k < len(words) and words[k].lower() in DETERMINERS and not re.search(r"[.,;:!?()]", gaps[k])
    ):
        k += 1
    while k < len(words) and len(objects) < 3:
        if k > start and re.search(r"[.;:!?()]", gaps[k]):
            break
        run: list[str] = []
        while (
            k < len(words)
            and words[k].lower() not in function_words
            and words[k].lower() not in ("and", "or", "of")
            and "'" not in words[k]
            and not (run and re.search(r"[^\s-]", gaps[k]))
        ):
            run.append(words[k])
            k += 1
        if not run:
            break
        tail = [w.lower() if not w.isupper() else w for w in run[-2:]]
        objects.append(tail[-1])
        if len(tail) == 2:
            objects.append(" ".join(tail))
        if (
            k < len(words)
            and words[k].lower() in ("and", "or")
            and not re.search(r"[.;:!?]", gaps[k])
        ):
            k += 1
            continue
        if k < len(words) and gaps[k].strip() == ",":
            continue
        break
    return list(dict.fromkeys(objects))


def title_activities(title_words: list[str]) -> list[str]:
    """The field a job title names, as the activity ("Product Designer" → "product design",
    "Transport Planner" → "transport planning", "Data Analyst" → "data analysis"): the title's
    person noun turned into the activity by regular endings the vocabulary knows, with the
    words before it (a title itself is never a key term; its field may be)."""
    if len(title_words) < 2:
        return []
    person = title_words[-1].lower()
    guesses = (person + "ing", person[:-2] + "ing", person[:-2], person[:-1] + "ment",
               person[:-1] + "is", person[:-2] + "ance", person[:-2] + "e")  # fmt: skip
    known = vocabulary()
    forms = [g for g in dict.fromkeys(guesses) if g in known and g != person and len(g) > 3]
    modifiers = [w.lower() if not w.isupper() else w for w in title_words[:-1]]
    return [" ".join([*modifiers[k:], form]) for form in forms for k in range(len(modifiers))]
