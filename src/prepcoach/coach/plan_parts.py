"""What a plan says beyond its steps: why (a reason for a step, a risk weighed) and how the user
would know it worked (a measure, a check, what they would do if it did not).

A plan is an answer to a question asking what the user would do (`relevance.asks_for_plan`).
People reviewing one score its reasons and its check (`feedback.PLAN_REVIEW_RUBRIC`); the answer
reader reads STAR parts, not these, so they are read here by cue lists, said as such: each part
found quotes the first sentence that holds its cue, so the user sees why it counted, and a part
not found says what was looked for (`REASON_WORDS`, `CHECK_WORDS`). The lists were written from
the way plans in the bank's sample answers and the labelled answers give reasons and checks;
they find words, not intent, as the improvement areas that read them say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A reason for a step, or a risk or trade-off weighed.
REASON_RE = re.compile(
    r"\b(?:because|since|so that|in order to|that way|the reason|to make sure|to avoid|"
    r"otherwise|(?:just )?in case|the risks?|risky|trade-?offs?|weigh\w*|"
    r"which (?:means|would|will)|"
    r"so (?:that )?(?:I|we|they|he|she|it|you|the \w+|everyone|nobody) (?:can|could|would|"
    r"will|won't|wouldn't|do not|don't|know|is|are|feels?|stays?|gets?|finds?|sees?|"
    r"catch(?:es)?|keeps?|has|have))\b",
    re.IGNORECASE,
)
# How they would know it worked, and what they would do if it did not.
CHECK_RE = re.compile(
    r"\b(?:(?:know|tell|see|judge|check|test|find out)\w* (?:whether|if)|"
    r"how (?:I|we|you)(?:'d| would| will| could) (?:know|tell)|"
    r"measur\w+|metrics?|kpis?|track(?:ing|ed)?|monitor\w*|"
    r"success (?:would|will|means|looks)|signs? (?:that|of)|aim(?:ing)? (?:for|to)|targets?|"
    r"if (?:it|that|this|the plan|they|things|nothing|the \w+) (?:still )?(?:didn't|did not|"
    r"doesn't|does not|don't|do not|wasn't|was not|weren't|were not|failed|fails|slipped|"
    r"slips|kept|keeps|got|gets|went|goes|stayed|stays)|"
    r"if not|(?:check|checking|checked|review|reviewing|reviewed)(?: in| back| again| on)? "
    r"(?:each|every|after|with|the (?:progress|results|numbers)|progress|results)|"
    r"follow(?:ed|ing)? up (?:after|in|on|a week|each|every))\b",
    re.IGNORECASE,
)
REASON_WORDS = "a reason or a risk weighed (“because”, “so that”, “that way”, “to avoid”…)"
CHECK_WORDS = (
    "how you would know it worked, or what you would do if not (“measure”, “track”, “check "
    "each week”, “if it still slipped”…)"
)


@dataclass(frozen=True, slots=True)
class PlanPart:
    present: bool
    evidence: tuple[str, ...] = ()  # the first sentence that holds it


@dataclass(frozen=True, slots=True)
class PlanParts:
    """A plan's reasons and its check, each found or not, with the sentence that holds it."""

    reasons: PlanPart
    check: PlanPart


def _find(pattern: re.Pattern[str], sentences: Sequence[str]) -> PlanPart:
    found = next((s for s in sentences if pattern.search(s)), None)
    return PlanPart(True, (found.strip(),)) if found is not None else PlanPart(False)


def read_plan(sentences: Sequence[str]) -> PlanParts:
    """A plan's reasons and check, from its sentences (`ContentAnalysis.sentences`)."""
    return PlanParts(_find(REASON_RE, sentences), _find(CHECK_RE, sentences))
