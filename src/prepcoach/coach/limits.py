"""How much text each expensive judgement is given: the one place the caps live, so the page,
the JSON API and the CLI refuse the same input with the same words.

Each cap is well above what a person writes for that field and well below what keeps a server
thread busy: reading an answer embeds every sentence (`reader.MAX_SENTENCES` of them are read),
and key terms score every candidate phrase of an advert. Over a cap the input is refused with a
message naming the field and the limit; nothing is cut silently, saved or queued.
"""

from __future__ import annotations

from prepcoach.coach.smart import MAX_GOAL_CHARS

# A ten-minute spoken answer is about 1,500 words (9,000 characters); a written one that runs
# to twice that is an essay, not an answer, and reading it would hold a server thread.
MAX_ANSWER_CHARS = 20_000
# The question an answer is for: what the question bank stores.
MAX_QUESTION_CHARS = 300
# A job advert: long adverts run to 15,000 characters; more is a whole careers page pasted.
MAX_JOB_ADVERT_CHARS = 50_000
# One part of a STAR story (situation, task, action, result): told aloud a part takes under a
# minute (about 900 characters). A story too long to tell is still saved, with a word about its
# length; 10,000 characters (about 11 minutes of one part) is a draft pasted whole, not a story.
MAX_STORY_PART_CHARS = 10_000
# One answer of a retrospective, which the story drafter reads sentence by sentence.
MAX_REFLECTION_CHARS = 10_000

__all__ = [
    "MAX_ANSWER_CHARS",
    "MAX_GOAL_CHARS",
    "MAX_JOB_ADVERT_CHARS",
    "MAX_QUESTION_CHARS",
    "MAX_REFLECTION_CHARS",
    "MAX_STORY_PART_CHARS",
    "RECORDING_GRACE_S",
    "recording_too_long",
    "too_long",
]

# A recorder stops at the limit, but its last piece may run a little past it.
RECORDING_GRACE_S = 5.0


def too_long(text: str, limit: int, what: str) -> str | None:
    """The message for `text` over `limit` characters ("what" names the field), or None.
    A line break counts as one character however it was sent: a browser's box counts "\r\n"
    as one against its maxlength, and must not be told it sent more than it allowed."""
    length = len(text.replace("\r\n", "\n"))
    if length <= limit:
        return None
    return (
        f"The {what} is {length:,} characters, over the limit of {limit:,}: "
        "shorten it and send again."
    )


def recording_too_long(seconds: float | None, limit_seconds: int) -> str | None:
    """The message for a recording that plays longer than `limit_seconds` (its decoded length,
    not its count of pieces), or None; an unreadable one (None) is for decoding to explain."""
    if seconds is None or seconds <= limit_seconds + RECORDING_GRACE_S:
        return None
    minutes, rest = divmod(round(seconds), 60)
    return (
        f"The recording plays for {minutes} min {rest:02d} s, over the "
        f"{limit_seconds // 60}-minute limit for an answer, so it is not analysed. The file is "
        "kept: record a shorter answer."
    )
