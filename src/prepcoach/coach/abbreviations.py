"""Initials: whether a short form is a phrase's initials ("AML" and "anti-money laundering"),
for the key terms' duplicates (`keywords`). Not for an answer's words (`term_match`): there
ordinary runs of words spell an acronym by chance ("Customers really mattered", CRM)."""

from __future__ import annotations

import re

ACRONYM_RE = re.compile(r"([A-Z][A-Z0-9]{1,6})s?")
# Words an abbreviation skips: "Health and Safety Executive" is "HSE".
UNLETTERED = frozenset({"of", "and", "the", "for", "in", "to", "&"})


def abbreviates(short: str, long: str) -> bool:
    """`short` is `long`'s initials: "AML" and "anti-money laundering", "SARs" and
    "suspicious activity reports", "QTS" and "Qualified Teacher Status"."""
    match = ACRONYM_RE.fullmatch(short)
    written = [w for w in re.split(r"[\s/-]+", long) if w]
    if match is None:
        return False
    # A leading short form of its own qualifies the phrase, and is not in its initials: "GCP"
    # is "ICH Good Clinical Practice" (a trial's advert gave both as terms, and a likely
    # question asked about the one its story covered under the other).
    if len(written) > 2 and ACRONYM_RE.fullmatch(written[0]) and _spells(match, written[1:]):
        return True
    return _spells(match, written)


def _spells(match: re.Match[str], written: list[str]) -> bool:
    words = [w.lower() for w in written]
    if len([w for w in words if w not in UNLETTERED]) < 2:
        return False
    # A small word may give its letter or not: "COSHH" is "Control of Substances Hazardous
    # to Health", "OOS" is "out-of-specification".
    spellings = {""}
    for word in words:
        options = ("", word[0]) if word in UNLETTERED else (word[0],)
        spellings = {s + o for s in spellings for o in options}
    return match.group(1).lower() in spellings
