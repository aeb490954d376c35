"""What the answer reader sees in each sentence beside its meaning, and the classifier's input
built from it; `coach.reader` does the reading.

`structure` gives one row of structural features a sentence (`STRUCTURE_NAMES`, in order): where
it sits in the answer, the grammatical person of its subject (`SUBJECTS`, after the lead-in
words, `LEAD_IN`), the share of "I" and "we" words, numbers with any unit or currency, number
words, "zero", multipliers, "from … to", tense (past and present perfect, modals, present,
past), goal and general words, a question mark, the share of fillers (`FILLERS`) and the old
cue lists (`coach.cues`) as features among the rest. `features` lays a sentence's row beside its
vector and middle layers' states (`coach.reader_inputs`) and, where the weights chose it, the
neighbouring sentences' rows: the logistic regressions' input, at reading
(`reader.label_sentences`, `reader.probabilities`) and at training (`coach.reader_training`).
`states_amount` says whether a sentence states an amount (the quantified result), from the same
patterns; `words_of` gives the words the reader counts, in a text or a sentence.

The shipped weights (`reader_weights.npz`) were trained on these features in this order: a
change to any of them is a change to the reader, and needs the weights trained again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from prepcoach.coach.cues import (
    HEDGE_RE,
    I_ACTION_RE,
    NUMBER_RE,
    RESULT_RE,
    SITUATION_RE,
    TASK_RE,
    WE_ACTION_RE,
)
from prepcoach.coach.text import FILLER_PHRASES, FILLER_WORDS, NUMBER_WORDS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# The words of fillers (`text.FILLER_WORDS`) and of filler phrases, each counted alone: the
# share of a sentence's words that are fillers is one of the reader's inputs, and its weights
# were trained on these words.
FILLERS = FILLER_WORDS | frozenset(word for phrase in FILLER_PHRASES for word in phrase)
# Words skipped before a sentence's subject: "so, um, and then I rang…" has "I" as subject.
LEAD_IN = frozenset(
    {"so", "and", "then", "but", "um", "uh", "er", "erm", "like", "well", "okay", "ok", "right",
     "basically", "honestly", "anyway", "also", "after", "that", "because", "yeah", "oh",
     "actually", "first", "firstly", "next", "finally", "later", "eventually", "in", "the",
     "end", "by", "now", "still", "just", "only", "once", "when"}
)  # fmt: skip
SUBJECTS = {
    "i": "i", "i'm": "i", "i've": "i", "i'd": "i", "i'll": "i", "me": "i", "my": "i",
    "myself": "i", "we": "we", "we're": "we", "we've": "we", "we'd": "we", "we'll": "we",
    "our": "we", "us": "we", "he": "other", "she": "other", "they": "other", "he'd": "other",
    "she'd": "other", "they'd": "other", "his": "other", "her": "other", "their": "other",
    "they've": "other", "it": "none", "it's": "none", "there": "none", "this": "none",
    "that": "none", "nobody": "none", "everyone": "other", "someone": "other",
}  # fmt: skip
CURRENCY_RE = re.compile(
    r"[$£€¥₹]|\b(?:pounds?|quid|grand|euros?|dollars?|rupees?|crore|lakh|yen|francs?|"
    r"kroner|krona|zloty|usd|gbp|eur|bucks)\b",
    re.IGNORECASE,
)
DIGIT_RE = re.compile(r"\d")
YEAR_ONLY_RE = re.compile(r"^(?:19|20)\d\d$")
NUMBER_WORD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if " " not in w), key=len))
    + r"|thousand|million|billion|half|quarter|double[ds]?|halved|tripled|quadrupled|"
    r"seventy|eighty|ninety|hundreds|thousands|first|second|third)\b",
    re.IGNORECASE,
)
ZERO_RE = re.compile(
    r"\b(?:zero|none|nil|not (?:a|one) single|without (?:a|one) single|not one|no more|"
    r"no longer|nobody|no one|nothing|never)\b",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(r"%|\bper ?cent\b|\bpercent(?:age)?\b|\bpoints?\b", re.IGNORECASE)
MULTIPLIER_RE = re.compile(r"\b\d+(?:\.\d+)?\s?x\b|\btimes\b|\bfold\b", re.IGNORECASE)
FROM_TO_RE = re.compile(r"\bfrom\b[^.]{0,40}?\bto\b", re.IGNORECASE)
PAST_PERFECT_RE = re.compile(r"\b(?:had|'d)\s+(?:\w+ly\s+)?(?:\w+ed|been|gone|got|fallen)\b", re.I)
PRESENT_PERFECT_RE = re.compile(
    r"\b(?:has|have|'s|'ve)\s+(?:\w+ly\s+)?(?:\w+ed|been|gone|got|kept|become|stayed)\b", re.I
)
SINCE_NOW_RE = re.compile(r"\b(?:since|now|still|ever since|these days|to this day)\b", re.I)
MODAL_RE = re.compile(r"\b(?:would|'d|will|'ll|going to|could|should|might)\b", re.I)
PRESENT_RE = re.compile(r"\b(?:am|is|are|'m|'re)\b", re.I)
PAST_BE_RE = re.compile(r"\b(?:was|were)\b", re.I)
PAST_VERB_RE = re.compile(r"\b\w{3,}ed\b", re.I)
GOAL_RE = re.compile(
    r"\b(?:to \w+|needed|had to|wanted|goal|target|aim|brief|asked|job was|responsible|deadline)\b",
    re.I,
)
GENERAL_RE = re.compile(
    r"\b(?:i think|i believe|i reckon|in my experience|always|generally|key|i'm (?:a|an|really|"
    r"very)|i love|i enjoy|i'd like|i want|i hope)\b",
    re.I,
)

STRUCTURE_NAMES = (
    "bias", "position", "first", "second", "last", "single", "log_words", "subj_i", "subj_we",
    "subj_other", "subj_none", "i_words", "we_words", "digit", "currency", "percent",
    "number_word", "zero_word", "multiplier", "from_to", "past_perfect", "present_perfect",
    "since_now", "modal", "present", "past_be", "past_verbs", "goal_words", "general",
    "question", "fillers", "cue_situation", "cue_task", "cue_action", "cue_result",
    "cue_number", "hedges",
)  # fmt: skip


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().replace("’", "'"))


def _subject(words: list[str]) -> str:
    """The grammatical person of the first subject-like word after the lead-in words."""
    for word in words[:8]:
        if word in SUBJECTS:
            return SUBJECTS[word]
        if word not in LEAD_IN:
            return "none" if word in {"the", "a", "an"} else "other_noun"
    return "none"


def structure(sentences: Sequence[str]) -> Matrix:
    """Structural features, one row per sentence, in the order of `STRUCTURE_NAMES`."""
    import numpy as np

    n = len(sentences)
    rows = []
    for i, text in enumerate(sentences):
        words = words_of(text)
        count = max(len(words), 1)
        subject = _subject(words)
        numbers = [w for w in re.findall(r"\d[\d,.]*", text) if not YEAR_ONLY_RE.match(w)]
        rows.append(
            [
                1.0,
                i / (n - 1) if n > 1 else 0.5,
                float(i == 0 and n > 1),  # a lone sentence is neither first nor last
                float(i == 1),
                float(i == n - 1 and n > 1),
                float(n == 1),
                math.log1p(len(words)),
                float(subject == "i"),
                float(subject == "we"),
                float(subject in {"other", "other_noun"}),
                float(subject == "none"),
                sum(SUBJECTS.get(w) == "i" for w in words) / count * 5,
                sum(SUBJECTS.get(w) == "we" for w in words) / count * 5,
                float(bool(numbers)),
                float(bool(CURRENCY_RE.search(text))),
                float(bool(PERCENT_RE.search(text))),
                float(bool(NUMBER_WORD_RE.search(text))),
                float(bool(ZERO_RE.search(text))),
                float(bool(MULTIPLIER_RE.search(text))),
                float(bool(FROM_TO_RE.search(text))),
                float(bool(PAST_PERFECT_RE.search(text))),
                float(bool(PRESENT_PERFECT_RE.search(text))),
                float(bool(SINCE_NOW_RE.search(text))),
                float(bool(MODAL_RE.search(text))),
                float(bool(PRESENT_RE.search(text))),
                float(bool(PAST_BE_RE.search(text))),
                len(PAST_VERB_RE.findall(text)) / count * 5,
                float(bool(GOAL_RE.search(text))),
                float(bool(GENERAL_RE.search(text))),
                float("?" in text),
                sum(w in FILLERS for w in words) / count,
                float(bool(SITUATION_RE.search(text))),
                float(bool(TASK_RE.search(text))),
                float(bool(I_ACTION_RE.search(text) or WE_ACTION_RE.search(text))),
                float(bool(RESULT_RE.search(text))),
                float(bool(NUMBER_RE.search(text))),
                float(bool(HEDGE_RE.search(text))),
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(n, len(STRUCTURE_NAMES))


def states_amount(text: str) -> bool:
    """Whether a sentence states an amount: digits (not a bare year), money in any currency, a
    percentage, a number word, a multiplier or "zero"/"not a single"."""
    numbers = [w for w in re.findall(r"\d[\d,.]*", text) if not YEAR_ONLY_RE.match(w)]
    return bool(
        numbers
        or CURRENCY_RE.search(text)
        or NUMBER_WORD_RE.search(text)
        or MULTIPLIER_RE.search(text)
        or re.search(r"\b(?:zero|none|nil|not (?:a|one) single|without (?:a|one) single)\b",
                     text, re.I)
    )  # fmt: skip


def features(structural: Matrix, vectors: Matrix | None, context: bool) -> Matrix:
    """The classifier's input: structure, the embedding when there is one, and (with
    `context`) the neighbouring sentences' structure, since a part is read in its answer."""
    import numpy as np

    blocks = [structural]
    if context:
        zero = np.zeros((1, structural.shape[1]))
        blocks.append(np.vstack([zero, structural[:-1]]))
        blocks.append(np.vstack([structural[1:], zero]))
    if vectors is not None:
        blocks.append(vectors)
    return np.hstack(blocks)
