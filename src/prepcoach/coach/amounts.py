"""An amount in words: "1 mock interview", "2 mock interviews", "1.5 hours", never "1 mock
interviews" or "1.00". A goal's unit is the user's own words, plural as typed ("mock
interviews"); for exactly one, the head noun of those words is made singular."""

from __future__ import annotations

from decimal import Decimal

# Words after the head noun of a unit: "answers that meet it", "hours of practice".
AFTER_HEAD = frozenset("that which who of per to with in for on at from about".split())
IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}
# Endings of words that look plural and are not ("status", "analysis", "class", "bus"):
# such a word is left as typed rather than guessed at.
NOT_PLURAL = ("ss", "us", "is")
VERB_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}


def singular_word(word: str) -> str | None:
    """The singular of a plural noun, or None when the word is not clearly one."""
    lower = word.lower()
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    if not lower.endswith("s") or lower.endswith(NOT_PLURAL) or len(lower) < 3:
        return None
    for end, new in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if lower.endswith(end) and len(lower) > len(end) + 1:
            return word[: -len(end)] + new
    return word[:-1]


def singular_unit(unit: str) -> str:
    """ "mock interviews" -> "mock interview", "hours of practice" -> "hour of practice",
    "applications sent" -> "application sent"; a unit with no clear plural noun ("kg lost",
    "status") is returned as typed."""
    words = unit.split()
    end = len(words)
    for index, word in enumerate(words):
        if index and word.lower() in AFTER_HEAD:
            end = index
            break
    # The head is the last plural noun before any "of …"/"that …": a word after it without
    # an s is a participle or a measure ("applications sent"), not the noun counted.
    for head in range(end - 1, -1, -1):
        singular = singular_word(words[head])
        if singular is not None:
            break
    else:
        return unit
    words[head] = singular
    if head + 2 < len(words) and words[head + 1].lower() in {"that", "which", "who"}:
        verb = words[head + 2]
        if verb.lower() in VERB_SINGULAR:
            words[head + 2] = VERB_SINGULAR[verb.lower()]
        elif not verb.lower().endswith(("s", "ed")):
            words[head + 2] = verb + "s"  # "answers that meet it" -> "answer that meets it"
    return " ".join(words)


def number_text(value: Decimal | int | float) -> str:
    """ "1" for 1.00, "1.5" for 1.50."""
    return f"{Decimal(str(value)).normalize():f}"


def amount(value: Decimal | int | float, unit: str) -> str:
    """The number and its unit, the unit singular for exactly one."""
    unit = unit.strip()
    words = singular_unit(unit) if Decimal(str(value)) == 1 else unit
    return f"{number_text(value)} {words}".strip()
