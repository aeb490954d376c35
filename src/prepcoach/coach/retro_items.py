"""Where a retrospective's answer counts its projects ("First, the falls audit. … Second, the
e-obs rollout. …"): the structure `coach.retro_stories` splits stories at, beside its trained
same-story model, which has no feature for it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# An answer that tells several projects in turn often says so: "First, the falls audit. …
# Second, the e-obs rollout. …", "The first was … The second was …". A trial's retrospective so
# written became one story holding both projects, the same-story model reading the second
# item's sentences (one answer, one ward) as a continuation. An item opened by an ordinal after
# one opened by "first", or a sentence naming another project, starts a new story: structure
# the model has no feature for. (An opener may come after a filler: "so the first one was…".)
_OPENER = r"^\W*(?:(?:and|so|then|well|but|um|uh|oh)\W+)*"
# Never the first word of a compound: "Second-hand laptops", "Third-party", "Second-line" (a
# review found "Second-hand…" read as an item and its heading cut to "Hand laptops…").
ORDINAL = r"(?:second|third|fourth|fifth)(?![-‐])"
FIRST_ITEM_RE = re.compile(
    _OPENER + r"(?:first(?:ly)?\b(?![-‐])|(?:the|my|our)\s+first\b(?![-‐]))", re.I
)
NEXT_ITEM_RE = re.compile(
    _OPENER + rf"(?:{ORDINAL}(?:ly)?\b|(?:the|my|our)\s+{ORDINAL}\b(?!\s+(?:half|time|round|"
    r"phase|stage|week|month|year|day|quarter|attempt|version|draft)\b))",
    re.IGNORECASE,
)
# "The other project…", "Another project…": a new one whether or not a first was counted.
PROJECT_WORDS = (
    # Not "job", "client" or "role": "The next job was to clean the data", "Another client
    # complained" go on with the story they are in (a review).
    r"(?:project|programme|program|rollout|roll-out|engagement|piece of work|"
    r"assignment|launch|initiative|contract|placement|posting)"
)
OTHER_PROJECT_RE = re.compile(
    _OPENER + rf"(?:(?:the|my|our)\s+(?:other|last|{ORDINAL})|another)\s+"
    rf"(?:\w+\s+){{0,2}}?{PROJECT_WORDS}\b",
    re.IGNORECASE,
)
# An item's heading: an ordinal, then a short name and no one doing anything ("First, the falls
# audit."). Its ordinal is the list's, not the story's: a story's title and text drop it.
HEADING_RE = re.compile(
    _OPENER + rf"(?:first|{ORDINAL})(?:ly)?(?:\s*[,:;]|\s+[–—-])\s*(?P<rest>.+)$", re.IGNORECASE
)
SUBJECT_RE = re.compile(r"\b(?:i|we|they|he|she|you|it)\b", re.IGNORECASE)
HEADING_WORDS = 6
ITEM_SENTENCES = 3  # an item this long tells a story; shorter, it may be one step of a list
ITEM_WORDS = 25  # an item with an outcome of its own this long tells a story (`new_items`)
# "Two things stand out", "There are two I'd mention", "there's a couple": the sentence that
# announces the items is about them, no story's own (the development set labels it a remark).
ANNOUNCE_RE = re.compile(r"\b(?:two|three|four|couple|few|several)\b", re.IGNORECASE)
ANNOUNCE_WORDS = 20


def heading_name(sentence: str) -> str | None:
    """The name an item's heading gives ("First, the falls audit." → "The falls audit"), or
    None when `sentence` is no heading: an ordinal, then at most `HEADING_WORDS` words and no
    one doing anything (a step, "Second, I built the tables", tells what was done)."""
    match = HEADING_RE.match(sentence.strip())
    if match is None:
        return None
    rest = match.group("rest").strip()
    if len(rest.split()) > HEADING_WORDS or SUBJECT_RE.search(rest):
        return None
    return rest[:1].upper() + rest[1:]


def without_ordinal(sentence: str) -> str:
    """`sentence` without the list's ordinal when it is an item's heading (`heading_name`)."""
    name = heading_name(sentence)
    return sentence if name is None else name


def new_items(
    sentences: Sequence[str],
    in_story: Sequence[bool],
    closes: Callable[[str], bool] = lambda sentence: False,
) -> frozenset[int]:
    """The story sentences of one answer that open a new item of an enumeration (see
    `NEXT_ITEM_RE`): an ordinal after an item opened by "first", when that item told a story
    (`ITEM_SENTENCES` story sentences, a heading, or a sentence that `closes` it with an outcome
    of its own: "First, … and report build time fell from 6 hours to 40 minutes. Second, I ran
    …", each project one long sentence, read as one story in a browser check; a list of
    one-sentence steps, "First, I … Second, I …", is one story), or a sentence naming another
    project."""
    found: set[int] = set()
    opened: int | None = None  # where the item in progress began
    for i, text in enumerate(sentences):
        if not in_story[i]:
            continue
        if OTHER_PROJECT_RE.match(text):
            found.add(i)
            opened = i
        elif NEXT_ITEM_RE.match(text) and opened is not None:
            told = sum(bool(s) for s in in_story[opened:i])
            item = sentences[opened:i]
            # An outcome of its own in an item long enough to tell what was done before it:
            # "First, I rewrote the query and build time fell from 6 hours to 40 minutes." is
            # one step of a list whose result it gives (a review).
            outcome = any(closes(s) for s in item) and sum(len(s.split()) for s in item) >= (
                ITEM_WORDS
            )
            if (
                told >= ITEM_SENTENCES
                or outcome
                or heading_name(sentences[opened])
                or heading_name(text)
            ):
                found.add(i)
            opened = i
        elif FIRST_ITEM_RE.match(text):
            opened = i
    return frozenset(found)


def announces_items(sentences: Sequence[str], i: int) -> bool:
    """Whether sentence `i` announces the items the next one begins to count ("Two things
    stand out." before "First, the falls audit."): a short sentence with a count in it, before
    an item's heading. Not before a step ("Several patients fell in one week. First, I pulled
    the reports…": that is the story's situation, a review found it set aside)."""
    text = sentences[i]
    return (
        i + 1 < len(sentences)
        and heading_name(sentences[i + 1]) is not None
        and bool(ANNOUNCE_RE.search(text))
        and len(text.split()) <= ANNOUNCE_WORDS
    )
