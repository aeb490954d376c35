"""The small part of a stored answer analysis that improvement areas read (issue 15, item 5).

An analysis holds the transcript, every word with its time, every pause and filler; the areas
(`coach.improvement`), the goals made from them (`meets`), calibration and readiness read only
a few figures of it: `answer_evidence` keeps those, so a page showing areas reads a few hundred
bytes an answer instead of the whole analysis. Whatever the rules read is kept exactly as
stored, and lists are cut only where the rules read no further: the first three timed fillers
(`_fillers` quotes three and points at the first), the first pause as long as the answer's own
long-pause threshold (`_long_pauses` points at it), the result's first quoted sentence; and
where the rules read the transcript only for its length ("Say what you did yourself",
`tips.personal_action_missing`), its word count (`WORDS_KEY`, by `answer_words`) stands in
for it. `tests/coach/test_answer_evidence.py` holds that every rule, `measured_rating` and the areas
themselves come out the same from either.

`EVIDENCE_VERSION` is stored with it: evidence of another version is not trusted (the reader
falls back to the analysis), so changing what is kept needs no migration to stay correct.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeGuard

from prepcoach.coach.text import word_count

# 2: the relevance's question kind and the actions' sentences (a plan). A 3 (a plan's reasons and
# check, read by a cue list) was never released and was withdrawn: evidence stored as 3 in a
# development database is not current, so its answer is read from its analysis. 4: whose
# actions they are (`ownership`) and the answer's word count, for "Say what you did yourself";
# evidence of 2 keeps neither, so its answer is read from its analysis. 5: what the question
# asks for as the report read it (`relevance.question_asks`: no figure for an answer to a
# question asking for neither a story nor a plan, and none of the story's areas). 6: the job's
# key terms bearing on the question (`keywords.bearing`), which "Use the job's key terms" counts
# among; evidence of 5 has none, so its answer is read from its analysis. 7: a STAR part the
# reader can't tell about keeps its `unsure` sentence (`reader.UNSURE_FROM`): without it, its
# `present: None` read as "not heard", and `measured_rating` gave no figure. 8: an answer to a
# weakness question keeps whether it says a step taken on it (`weakness_steps`, for "Say what
# you do about your weakness"); evidence of 7 has none, so its answer is read from its analysis.
# 9: such an answer keeps whether its only weakness reads as a strength in disguise
# (`weakness_disguise`, for "Name a real weakness"); evidence of 8 has none.
EVIDENCE_VERSION = 9
VERSION_KEY = "evidence_version"
# The answer's length in words, kept instead of its transcript (`answer_words`).
WORDS_KEY = "word_count"

# Top-level figures read as they are (small): the pace, what speech loss withheld, the bands.
_AS_STORED = ("wpm", "withheld", "thresholds")
# Mappings of which only these keys are read.
_KEYS = {
    "pace": ("verdict",),
    "length": ("verdict",),
    # kind: a plan's rating; question_asks: what is judged at all (`relevance.asked_for`)
    "relevance": ("addresses", "probability", "gist", "kind", "question_asks"),
    # unsure: the terms it can't tell were said (`Covered.unsure`), counted neither way. No
    # analysis stored before them has any, so evidence kept without them reads the same: no
    # new version.
    "keywords": ("used", "missed", "bearing", "unsure"),
    "ownership": ("i", "we", "i_actions", "we_actions"),  # whose actions: "Say what you did…"
    "weakness_steps": ("said", "opening"),  # "Say what you do about your weakness"
    "weakness_disguise": ("disguised", "real", "evidence"),  # "Name a real weakness"
}
_FILLERS_QUOTED = 3


def _number(value: object) -> bool:
    return isinstance(value, (int, float))  # as the rules test it


def _some(found: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: found[k] for k in keys if k in found}


def _long_limit(analysis: Mapping[str, Any]) -> float:
    found = analysis.get("thresholds")
    return float((found if isinstance(found, Mapping) else {}).get("long_pause_s", 3.0))


def answer_words(analysis: Mapping[str, Any]) -> int | None:
    """How many words an answer's content was read from (`ContentAnalysis.words`), from its
    stored analysis or its evidence: the count the evidence keeps (`WORDS_KEY`), else its
    transcript's (`text.word_count`: the words the content was read from, counted as the
    reader counted them); None where it holds neither."""
    kept = analysis.get(WORDS_KEY)
    if isinstance(kept, int) and not isinstance(kept, bool):
        return kept
    said = analysis.get("transcript")
    return word_count(said) if isinstance(said, str) else None


def answer_evidence(analysis: Mapping[str, Any]) -> dict[str, Any]:
    """What `coach.improvement` and `coach.answer.measured_rating` read of `analysis`, with
    `VERSION_KEY`: the same verdicts, figures and quotes come from it as from the whole."""
    kept: dict[str, Any] = {VERSION_KEY: EVIDENCE_VERSION}
    kept |= {k: analysis[k] for k in _AS_STORED if k in analysis}
    if (words := answer_words(analysis)) is not None:
        kept[WORDS_KEY] = words
    for key, keys in _KEYS.items():
        if key in analysis:
            value = analysis[key]
            kept[key] = _some(value, keys) if isinstance(value, Mapping) else value
    if "fillers" in analysis:
        fillers = analysis["fillers"]
        if isinstance(fillers, Mapping):
            items = fillers.get("items", [])
            timed = [i for i in items if isinstance(i, Mapping) and _number(i.get("start"))]
            kept["fillers"] = _some(fillers, ("per_min",)) | {"items": timed[:_FILLERS_QUOTED]}
        else:
            kept["fillers"] = fillers
    if "pauses" in analysis:
        pauses = analysis["pauses"]
        if isinstance(pauses, Mapping):
            limit = _long_limit(analysis)
            first = [
                p for p in pauses.get("items", [])
                if isinstance(p, Mapping) and _number(p.get("start")) and _number(p.get("end"))
                and p["end"] - p["start"] >= limit
            ][:1]  # fmt: skip
            kept["pauses"] = _some(pauses, ("long_count", "longest_s")) | {"items": first}
        else:
            kept["pauses"] = pauses
    if "star" in analysis:
        star = analysis["star"]
        if isinstance(star, Mapping):
            kept["star"] = {
                part: _star_part(part, found) if isinstance(found, Mapping) else found
                for part, found in star.items()
            }
        else:
            kept["star"] = star
    return kept


def _star_part(part: str, found: Mapping[str, Any]) -> dict[str, Any]:
    kept = _some(found, ("present", "unsure"))
    if part == "action" and "evidence" in found:  # a plan is measured by its actions' words
        kept["evidence"] = found["evidence"]
    if part == "result" and "evidence" in found:
        evidence = found["evidence"]
        kept["evidence"] = list(evidence[:1]) if isinstance(evidence, list) else evidence
    return kept


def current(evidence: object) -> TypeGuard[Mapping[str, Any]]:
    """Whether stored evidence was made by this version of `answer_evidence`."""
    return isinstance(evidence, Mapping) and evidence.get(VERSION_KEY) == EVIDENCE_VERSION
