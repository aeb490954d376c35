"""Where an answer says a job's term that the matcher did not credit (`term_match.find_terms`)
by its words, and why they are no use of it: the words stand only in a clause that denies them
("I haven't used SAP": `term_negation.denied`), or tells them as another person's work
("Submissions to HMRC are done by my supervisor") or as still to come ("I'm booked on the
BrightPay course next spring": `term_doer.not_the_speakers_kind`). The report's key-terms card
quotes them under "Not used": a trial's card listed "HMRC RTI submissions" as not used, with
no reason and no quote, over an answer that wrote those words, and its users thought prepcoach
had missed them.

Only by word form (`Matcher.by_form`'s reading, its runs of words and their `not_done` test):
a sentence near a term by meaning that tells someone else's work says nothing of the term's
words, and is never quoted here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

from prepcoach.coach import term_match
from prepcoach.coach.term_doer import (
    STILL_TO_COME,
    WORD_RE,
    PersonTest,
    not_the_speakers_kind,
)
from prepcoach.coach.term_match import (
    SLACK,
    Covered,
    Matcher,
    _runs,
    term_keys,
    written_forms,
)
from prepcoach.coach.term_negation import PHRASE_NEGATIONS, _negation, denied
from prepcoach.coach.term_units import _close_together, _token_spans

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

# Why a term's words are no use of it, as the card says it: denied ("said as not done"),
# another person's work, or something still to come.
Why = Literal["denied", "someone else's", "still to come"]
DENIED: Why = "denied"


@dataclass(frozen=True, slots=True)
class NotDone:
    term: str
    sentence: str  # the answer's sentence that says the term's words
    words: str  # the run of its words that holds them, as written ("Submissions to HMRC")
    why: Why


def said_not_done(
    text: str,
    terms: Sequence[str],
    embedder: Embedder | None = None,
    names: bool = True,
    found: Sequence[Covered | None] | None = None,
) -> list[NotDone | None]:
    """For each term (a job's, whose names are said only by name unless `names` is False), where
    `text` says its words though the matcher found nothing for it (`found`: `find_terms`'s
    reading, made when not given), and why; None for a term it found (by its words or by
    meaning, sure or not) and for one whose words `text` does not say together."""
    if found is None:
        found = term_match.find_terms(text, terms, embedder, names)
    matcher: Matcher | None = None
    out: list[NotDone | None] = []
    for term, covered in zip(terms, found, strict=True):
        if covered is not None:
            out.append(None)
            continue
        if matcher is None:
            matcher = Matcher(text, embedder)
        out.append(_by_form(matcher, term, names))
    return out


def _by_form(matcher: Matcher, term: str, names: bool) -> NotDone | None:
    """The first sentence that says `term` by its words close together (as `Matcher.by_form`
    reads them) in a run told as not done by the speaker (`term_match.not_done`), or None."""
    for form in written_forms(term, names):
        needed, _ = term_keys(form, names)
        if not needed:
            continue
        for sentence, roots, words in zip(
            matcher.sentences, matcher.roots, matcher.words, strict=True
        ):
            if needed <= roots and _close_together(needed, words):
                found = _not_done_run(sentence, needed, words, matcher.person)
                if found is not None:
                    run, why = found
                    return NotDone(term, sentence, run, why)
    return None


def _not_done_run(
    sentence: str, needed: frozenset[str], words: Sequence[set[str]], person: PersonTest | None
) -> tuple[str, Why] | None:
    """The shortest run of `sentence`'s words holding every key of `needed` close together
    (`term_match._said_run`'s runs) that is told as not done, and why (`_why`): the whole
    sentence when its words cannot be placed; None when no such run is."""
    spans = _token_spans(sentence)
    if len(spans) != len(words):
        why = _why(sentence, 0, len(sentence), person)
        return None if why is None else (sentence, why)
    longest = len(words) if len(words) <= len(needed) + SLACK else len(needed) + SLACK
    for start, end in _runs(needed, words):
        if end - start < longest:
            a, b = spans[start][0], spans[end][1]
            why = _why(sentence, a, b, person)
            if why is not None:
                return sentence[a:b], why
    return None


# A word of a failure or a lapse: a negation before one affirms the work ("I never missed a
# payroll deadline in Sage"), which the matcher still reads as denied (a known miss of
# `term_match`); such a term gets no reason line, since "said as not done" would be wrong.
LAPSES = frozenset(
    """missed miss missing failed fail failing lost lose forgot forget broke broken dropped
    late error errors mistake mistakes complaint complaints incident incidents""".split()
)
# A word of weakness: "I'm still weak on Excel" is not done yet, but no plan.
WEAK = frozenset({"weak", "weaker", "weakest"})


def _why(sentence: str, start: int, end: int, person: PersonTest | None) -> Why | None:
    """Why the words from `start` to `end` are not done by the speaker (`term_match.not_done`,
    whose test decides), or None where they are or where a negation of a lapse may affirm them
    (`LAPSES`). A denial by a negation ("I haven't used SAP") is "denied"; one by a prospect's
    words, which `term_negation` reads as denials too ("I'm studying for my CIPP", "I'd like
    to learn Xero"), is "still to come"."""
    if not term_match.not_done(sentence, start, end, person):
        return None
    if denied(sentence, start, end):
        said = [w.lower().replace("’", "'") for w in WORD_RE.findall(sentence)]
        if LAPSES & set(said):
            return None
        negated = any(_negation(w) or w in PHRASE_NEGATIONS for w in said)
        return DENIED if negated or WEAK & set(said) else STILL_TO_COME
    # `not_done` holds and nothing denies the words: `not_the_speakers` read them.
    return not_the_speakers_kind(sentence, start, end, person) or "someone else's"


# Why a missed term's words are no use of it, as the card says each: the core's own reasons.
NOT_DONE_WHY = get_args(Why)


def stored_not_done(keywords: Mapping[str, Any]) -> list[dict[str, str]]:
    """The stored `not_done` finds the card and `prepcoach analyze` may quote: each of a term
    listed as not used and not as used, once, with a known reason and a sentence; its words
    kept only where they stand in the sentence (else the sentence alone is quoted)."""
    missed = _strings(keywords.get("missed")) - _strings(keywords.get("used"))
    out: list[dict[str, str]] = []
    stored = keywords.get("not_done")
    for d in stored if isinstance(stored, list | tuple) else []:
        if not isinstance(d, dict):
            continue
        term, sentence, why = d.get("term"), d.get("sentence"), d.get("why")
        if not (isinstance(term, str) and isinstance(sentence, str) and sentence):
            continue
        if term not in missed or why not in NOT_DONE_WHY or any(o["term"] == term for o in out):
            continue
        words = d.get("words")
        kept = words if isinstance(words, str) and words and words in sentence else ""
        out.append({"term": term, "sentence": sentence, "words": kept, "why": str(why)})
    return out


def _strings(value: object) -> set[str]:
    """The strings of a stored list; anything else names none."""
    return (
        {t for t in value if isinstance(t, str) and t} if isinstance(value, list | tuple) else set()
    )


__all__ = ["NotDone", "Why", "said_not_done", "stored_not_done"]
