"""Relevance verdicts stored before prepcoach withheld its verdict on questions of a kind it was
not trained to tell apart (`relevance_model.UNTRAINED_TYPES`, thirtieth session), said as it
would say them now.

Until then "What is your proudest achievement?" was read as a failure question, and a story of
the achievement stored "does not address" (`relevance.addresses` false, with a probability).
That stored verdict kept capping the answer's 1–5 figure (`answer.misses_its_question`), told
the report's reader the answer missed its question, and counted it under "Answer the question
that was asked" (`area_readings.talks_past`). `withheld_untrained` gives the stored relevance
in the form a fresh reading stores for such a question (`relevance.question_relevance`): the
verdict withheld, "prepcoach can't tell: it does not yet judge answers to questions asking for
…", the kind named; `withheld_in_analysis` does so for a whole stored analysis, with the tip the
verdict had given, and marks it (`REWRITTEN`): the tips the old verdict held back are not made
again, so the report and the mock say "Analyse again" for them (`tips_unread`) where they would
say "Nothing stands out". Practice migration 0025 calls it with the kinds it pins (`kinds`), so
what it rewrites does not drift as `UNTRAINED_TYPES` grows; `reads_as` tells the interviews
migration 0004 which questions those are, by the kind prepcoach reads now (the kind model,
`question_kinds`, since the forty-sixth session: a database migrated after it is rewritten by
that reading)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from prepcoach.coach import relevance_model
from prepcoach.coach.answer import misses_its_question
from prepcoach.coach.relevance import (
    CANT_TELL,
    PLAN_KIND,
    question_kind,
    question_relevance,
    stored_kind,
    untrained_why,
)

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

# How the off-topic tip's rule starts (`tips._relevance`), in every wording it was stored with:
# a tip the stored verdict gave, which a verdict withheld does not give.
OFF_TOPIC_TIP = "Relevance:"
# The key an analysis rewritten by `withheld_in_analysis` keeps, naming what rewrote it (the
# migration): its relevance is said as now, but the tips the old verdict held back are not made.
REWRITTEN = "relevance_rewritten_by"


def reads_as(question: str, kinds: Collection[str], model: Embedder | None = None) -> str | None:
    """The kind of `kinds` `question` reads as now (`relevance.question_kind`, by `model`,
    None: the reader's), else None (another kind, or no sentence model installed)."""
    kind = question_kind(question, model)
    return kind if kind is not None and kind in kinds else None


def withheld_untrained(
    found: Mapping[str, Any],
    question: str,
    model: Embedder | None = None,
    answer: str = "",
    *,
    kinds: Collection[str],
) -> dict[str, Any] | None:
    """A stored relevance mapping `found` (an analysis's `relevance`) as a fresh reading of its
    answer to `question` stores it now, where `found` says the answer does not address the
    question (the trained verdict: `addresses` false, with a `probability`) and the question
    reads now as one of `kinds`, kinds the verdict is withheld on as the caller pins them
    (`reads_as`, by `model`, None: the reader's): the verdict, its probability, its quote of
    what the answer talks about (`gist`) and what the kind it misread asks for (`asks`)
    withheld, the reason said as `question_relevance` says it, the kind named; the nearest
    sentence (`score`, `evidence`), the story check and what the question asks for
    (`question_asks`) are kept, as a fresh reading makes them alike. Where the story check fired
    (`check` true), the reason ends with its prompt, which names the story's sentences: it is
    taken from a fresh reading of `answer` (the stored transcript). None where nothing changes:
    any other verdict, a question read as a plan or as a kind the verdict judges, no sentence
    model installed, or a story check whose answer, read again, is not withheld for the same
    kind."""
    if not misses_its_question({"relevance": found}):
        return None
    if found.get("kind") == PLAN_KIND or found.get("question_asks") == "plan":
        return None  # a plan is judged as a plan, never withheld as an untrained kind
    kind = reads_as(question, kinds, model)
    if kind is None:
        return None
    reason = f"{CANT_TELL}: {untrained_why(kind)}"
    if found.get("check") is True:
        fresh = question_relevance(question, answer, model) if answer.strip() else None
        if (
            fresh is None
            or fresh.addresses is not None
            or fresh.kind != kind
            or not fresh.reason.startswith(reason)
        ):
            return None
        reason = fresh.reason
    return {
        **found,
        "addresses": None,
        "reason": reason,
        "probability": None,
        "gist": None,
        "asks": None,
        "kind": kind,
    }


def withheld_in_analysis(
    analysis: Mapping[str, Any],
    question: str,
    model: Embedder | None = None,
    *,
    kinds: Collection[str],
    by: str,
) -> dict[str, Any] | None:
    """A stored answer `analysis` with its relevance as `withheld_untrained` gives it for
    `question` and `kinds` (its transcript read where the story check needs it), without the
    off-topic tip its old verdict gave (`OFF_TOPIC_TIP`), marked as rewritten by `by`
    (`REWRITTEN`); None where its relevance does not change. The tips that verdict held back
    (those polishing an answer that missed its question: `tips.POLISH`) are not made here: they
    need the whole answer read again, which the pages say (`tips_unread`)."""
    found = analysis.get("relevance")
    if not isinstance(found, Mapping):
        return None
    said = analysis.get("transcript")
    answer = said if isinstance(said, str) else ""
    relevance = withheld_untrained(found, question, model, answer, kinds=kinds)
    if relevance is None:
        return None
    out = {**analysis, "relevance": relevance, REWRITTEN: by}
    tips = analysis.get("tips")
    if isinstance(tips, list):
        out["tips"] = [
            tip
            for tip in tips
            if not (isinstance(tip, Mapping) and str(tip.get("rule", "")).startswith(OFF_TOPIC_TIP))
        ]
    return out


def tips_unread(analysis: object) -> str:
    """What the report and the mock's answer say, before "Analyse again", of a stored analysis
    `withheld_in_analysis` rewrote (`REWRITTEN`): its question's kind is read differently since
    it was analysed, and the tips the old verdict held back are not there, so "Nothing stands
    out to fix" would be wrong; "" for any other analysis (an analysis made again has no mark)."""
    if not isinstance(analysis, Mapping) or not analysis.get(REWRITTEN):
        return ""
    kind = stored_kind(analysis)
    asks = relevance_model.asks_for(kind) if kind in relevance_model.ALL_TYPES else "its kind"
    return f"prepcoach reads questions asking for {asks} differently since this answer was analysed"
