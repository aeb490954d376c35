"""An amount in words: "1 mock interview", "2 mock interviews", "1.5 hours", never "1 mock
interviews" or "1.00". A goal's unit is the user's own words, plural as typed ("mock
interviews"); for exactly one, the head noun of those words is made singular."""

from __future__ import annotations

from decimal import Decimal

# Words after the head noun of a unit: "answers that meet it", "hours of practice".
AFTER_HEAD = frozenset("that which who of per to with in for on at from about".split())
IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def singular_word(word: str) -> str:
    lower = word.lower()
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    for end, new in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if lower.endswith(end) and len(lower) > len(end) + 1 and not lower.endswith("ss"):
            return word[: -len(end)] + new
    return word


def singular_unit(unit: str) -> str:
    """ "mock interviews" -> "mock interview", "hours of practice" -> "hour of practice"."""
    words = unit.split()
    head = len(words) - 1
    for index, word in enumerate(words):
        if index and word.lower() in AFTER_HEAD:
            head = index - 1
            break
    if head < 0:
        return unit
    words[head] = singular_word(words[head])
    if head + 2 < len(words) and words[head + 1].lower() in {"that", "which", "who"}:
        verb = words[head + 2]
        if not verb.lower().endswith("s"):
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
