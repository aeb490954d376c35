"""A goal's words before the SMART check judges them: whether they can be read at all (only
filler words, another language, keyboard mashing), where the deadline's words are (so a date's
numbers are not read as a count), and which words tie a goal to a target role's family."""

from __future__ import annotations

import re

from prepcoach.coach.deadlines import Deadline
from prepcoach.coach.embeddings import known_words
from prepcoach.coach.smart_words import ROLE_FAMILIES
from prepcoach.coach.text import clip, markup_tags, only_fillers, other_language, quote, words

NOT_ENGLISH = (
    "does not read as English, and prepcoach checks goals written in English only for now."
)


def unreadable(text: str) -> str | None:
    """Why a goal cannot be judged, or None: a web page's HTML, only filler words, words
    prepcoach does not know, or another language."""
    if markup_tags(text):  # a job advert pasted as the goal: "Measurable: met" on "<div…>"
        return (
            f"{quote(clip(text, 30))} is a web page's HTML markup, not a goal: describe the "
            "goal in words."
        )
    said = [w.lower() for w in words(text)]
    # Fillers of two words too: "um uh like you know so um" was read as a behavioral goal
    # "from “um”", with a sharper version that kept every filler.
    if only_fillers(said):
        return f"{quote(clip(text, 20))} is only filler words: describe the goal in words."
    counted = known_words(text)
    if counted is not None and counted[1] >= 2 and counted[0] == 0:
        return (
            f"{quote(clip(text, 30))} has no word prepcoach knows: describe the goal in words, "
            "e.g. “Do 3 mock interviews by Friday”."
        )
    if other_language(said):
        return f"{quote(clip(text, 30))} {NOT_ENGLISH}"
    return None


def role_family_words(text: str, target_text: str) -> list[str]:
    found = []
    for role_pattern, cues in ROLE_FAMILIES.items():
        if re.search(role_pattern, target_text, re.IGNORECASE):
            for cue in cues:
                # Short cues ("r", "go") must be whole words; longer ones may be stems.
                ending = r"\b" if len(cue) <= 3 else ""
                match = re.search(rf"\b{cue}{ending}", text, re.IGNORECASE)
                if match:
                    found.append(match.group(0))
    return found


def blank(text: str, span: tuple[int, int] | None) -> str:
    """The text with a span (the deadline's words) replaced by spaces."""
    if span is None:
        return text
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def span_of(text: str, phrase: str | None) -> tuple[int, int] | None:
    if not phrase:
        return None
    start = text.lower().find(phrase.lower())
    return (start, start + len(phrase)) if start >= 0 else None


def date_words(deadline: Deadline) -> set[str]:
    return set(deadline.phrase.split()) if deadline.phrase else set()
