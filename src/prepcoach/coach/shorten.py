"""Text shortened to fit a line the way a person would shorten it (the dashboard's lines first).

`truncatechars` cut at a count of characters: a goal in the middle of a word ("each followed by
a written review o…"), a quotation with no closing mark, and on the today list a step's note
lost its "· 2 days overdue". `shorten` drops asides in brackets first, then cuts where a
sentence or clause ends, or else after a whole word that does not leave the sense hanging; the
page keeps the whole text reachable (the line's link, and its title where it has one).
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
# Where a sentence or a clause ends: a mark before a space, or a dash between spaces. The cut
# keeps what comes before it, without the mark.
BOUNDARY = re.compile(r"[.!?;:,](?=\s)|\s[—–-](?=\s)")
ASIDE = re.compile(r"\s*\([^()]*\)")
# A cut at a clause keeps at least this share of the room; a shorter one is made at a word.
SHORTEST = 0.5
# Words a cut must not end on: each leaves the sense hanging ("by the end of…", "and I…").
DANGLING = frozenset(
    """a an the and or but nor of to in on at by for with from into onto as than that which who
    whom whose when while where if so because how what why whether about over under after
    before between each every this these those my your our their its his her i we you they he
    she it is are was were be been will would can could should shall may might must not no very
    more most""".split()
)
PAIRS = {"“": "”", "(": ")", "‘": "’"}
TRAILING = " ,;:.!?—–-“‘("


def shorten(text: str, limit: int) -> str:
    """`text` (its white space made single) in at most `limit` characters: whole when it fits;
    else without its asides in brackets, when that fits; else cut where its last sentence or
    clause that fits ends (keeping at least half the room), or else after its last whole word
    that fits, never on a word that leaves the sense hanging ("of", "and"), and marked "…". A
    quotation or bracket opened before the cut is closed after the mark."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    bare = ASIDE.sub("", text).strip() or text  # a text all aside keeps it
    if len(bare) <= limit:
        return bare
    room = limit - len(ELLIPSIS)
    while room > 0:
        kept = _at_clause(bare, room) or _at_word(bare, room)
        cut = kept + ELLIPSIS + _closing(kept)
        if len(cut) <= limit:
            return cut
        room -= len(cut) - limit
    return bare[: max(limit - len(ELLIPSIS), 0)] + ELLIPSIS


def as_label(text: str) -> str:
    """A sentence named inside a line of other things ("Goal text · due today"): without its
    closing full stop, which read "…next month. · 2 days overdue"; "…", "?" and "!" are kept."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _at_clause(text: str, room: int) -> str:
    ends = [m.start() for m in BOUNDARY.finditer(text) if SHORTEST * room <= m.start() <= room]
    return _trimmed(text[: max(ends)]) if ends else ""


def _at_word(text: str, room: int) -> str:
    space = text.rfind(" ", 0, room + 1)
    return _trimmed(text[:space]) if space > 0 else text[:room]


def _trimmed(kept: str) -> str:
    """Without the marks and the words a cut must not end on (one word is always kept)."""
    while True:
        kept = kept.rstrip(TRAILING)
        head, _, last = kept.rpartition(" ")
        if not head or last.lower() not in DANGLING:
            return kept
        kept = head


def _closing(kept: str) -> str:
    """The marks that close what `kept` opened and did not close, innermost first. A straight
    quotation mark opens and closes alike (a review: 'He said "we must finish…' stayed open)."""
    opened: list[str] = []
    for char in kept:
        if char == '"' and opened and opened[-1] == '"':
            opened.pop()
        elif char == '"' or char in PAIRS:
            opened.append(char)
        elif opened and char == PAIRS.get(opened[-1]):
            opened.pop()
    return "".join(PAIRS.get(char, char) for char in reversed(opened))
