"""Whether a sentence tells of the past: what counts a sentence towards a story told to a question
that asks for none (`relevance.question_relevance`'s story check)."""

from __future__ import annotations

import re

# A story is told in the past: a sentence the reader places in S/T/A/R counts towards the story
# check only with a verb in the past ("was", "had fallen", "rebuilt", "-ed"). A trial's
# present-tense habits ("I keep every notebook under version control") and plans ("I'd meet the
# team") were read as "5 of 5 sentences tell one" to a question asking for none.
PAST_RE = re.compile(
    # A regular past ends in "ed" after a letter other than "e" ("need", "speed", "proceed"
    # are no past tense; "needed" is); "agreed" and "freed" are named.
    r"\b(?:was|were|had|did|\w+[^\We]ed|agreed|freed|rebuilt|"
    r"became|began|brought|built|came|caught|chose|dealt|drove|fell|felt|found|gave|got|"
    r"grew|heard|held|kept|knew|led|left|lost|made|meant|met|paid|ran|rang|rose|said|sat|saw|"
    r"sent|set up|sold|spent|spoke|stood|taught|thought|told|took|understood|went|won|wrote)\b",
    re.IGNORECASE,
)
# A past form after an article, a determiner or a possessive is an adjective ("a damaged
# racking bay", "the finished report"), and after a present "is", "are", "get" and the like a
# present passive ("nothing gets lost", "the rota is shared"): neither tells of the past. A
# trial's present-tense handover routine was said to tell a story, quoting "Then I walk the day
# shift manager round the floor and point out anything unsafe, like a damaged racking bay." as
# "in the past". Words that may be a subject themselves are left out: "the team that built it",
# "This reduced errors by 30 percent", "Some left early" are pasts (a review).
NOT_PAST_AFTER_RE = re.compile(
    r"\b(?:a|an|the|my|our|your|his|her|their|its|every|no|"
    r"is|are|am|'s|'re|'m|be|been|being|get|gets|getting|very|so|too|more|most|less|quite|"
    r"highly|well)\s+$",
    re.IGNORECASE,
)


def in_the_past(sentence: str) -> bool:
    """Whether `sentence` has a verb in the past (`PAST_RE`) that is not an adjective or a
    present passive (`NOT_PAST_AFTER_RE`): what counts a sentence towards a story."""
    return any(
        NOT_PAST_AFTER_RE.search(sentence[: found.start()]) is None
        for found in PAST_RE.finditer(sentence)
    )
