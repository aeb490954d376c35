"""The summary at the end of a mock (`summarise_mock`): each answer once, in the order given
(follow-ups under their question), with its figures; every question not answered listed as such;
the answer that went best and why (never one the relevance verdict says missed its question);
the job's key terms across the answers (`mock_terms`: the terms bearing on each question, as
each answer's stored reading of `keywords.coverage` found them, used with where, or not); and
the next things to practise (`mock_next_steps`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from prepcoach.coach.mock_answers import (
    MockAnswer,
    answer_label,
    figures_of_answer,
    row_status,
)
from prepcoach.coach.mock_figures import STAR_PARTS, Figures
from prepcoach.coach.mock_next_steps import next_steps
from prepcoach.coach.mock_question_state import Given, question_state


@dataclass(frozen=True, slots=True)
class SummaryRow:
    number: int
    question: str
    ref: Hashable | None  # None: not answered
    follow_up: bool
    status: str  # the answer's state, or "not answered"
    figures: Figures | None
    label: str = ""  # what the answer is, for the link to it (`answer_label`); "" for none


QUOTE = 160  # characters of a sentence the card quotes, "…" included


@dataclass(frozen=True, slots=True)
class TermUse:
    """A job's key term said in an answer of the mock: where, quoting the answer's words.
    `bore`: the questions it bore on whose answers did not use it, when it was said in another
    answer (a browser check's card listed such a term only as unused); of them, `unsure_at`
    those whose answers prepcoach can't tell said it."""

    term: str
    number: int  # the question it answers
    question: str
    sentence: str
    words: str  # what in the sentence says it ("" when the sentence as a whole does)
    by: str  # "words" or "meaning", as the answer's reading found it
    bore: tuple[int, ...] = ()
    unsure_at: tuple[int, ...] = ()

    @property
    def where(self) -> str:
        """Where it was said: "in the answer to question 5", or, said away from the questions
        it bore on, "used in the answer to question 5, not where it bore on question 4"."""
        said = f"in the answer to question {self.number}"
        if not self.bore:
            return said
        unsure = ""
        if self.unsure_at:
            there = "there" if len(self.bore) == 1 else f"at {_questions(self.unsure_at)}"
            unsure = f" ({there} prepcoach can't tell whether it was said)"
        return f"used {said}, not where it bore on {_questions(self.bore)}{unsure}"

    @property
    def quote(self) -> str:
        """The sentence as the card quotes it: cut at `QUOTE` characters with "…"."""
        if len(self.sentence) <= QUOTE:
            return self.sentence
        return self.sentence[: QUOTE - 1].rstrip() + "…"

    @property
    def closest(self) -> str:
        """The words that say the term where the quote does not show them (cut before them),
        as the answer's report shows them ("closest: “forklift course”"); "" otherwise."""
        shown = self.quote.removesuffix("…").casefold()
        if not self.words or self.words.casefold() in shown:
            return ""
        return self.words


def _questions(numbers: Sequence[int]) -> str:
    """ "question 4", "questions 4 and 6", "questions 2, 4 and 6"."""
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"questions {listed} and {numbers[-1]}"


@dataclass(frozen=True, slots=True)
class MockTerms:
    """The job's key terms across a mock's answers, from each answer's stored reading
    (`keywords.coverage`, kept as the analysis's `keywords`): of the terms bearing on a
    question (`keywords.bearing_on`), those its answers used and where (`used`), and those
    they did not (`missed`, with the questions each bore on); the terms said where none of
    them bore on the question (`elsewhere`). `read`: answers read against the job's terms;
    `unheard`: of them, those whose terms not said are not listed (speech lost). A bearing
    term the reading found perhaps said in other words (`Covered.unsure`) is neither used nor
    missed: `unsure`, with the nearest words. A term bearing on a question whose answers did
    not use it, said in another answer of the mock, is `astray` (`TermUse.bore`), neither
    missed nor said where none bore: the terms `said` are those `used`, `astray` and
    `elsewhere`, one set (a browser check's card counted 7 said over 6 ticked)."""

    used: tuple[TermUse, ...]
    missed: tuple[tuple[str, tuple[int, ...]], ...]
    elsewhere: tuple[TermUse, ...]
    terms: int  # the job's terms the answers were read against
    said: int  # of them, those said in any answer
    read: int
    unheard: int = 0
    unsure: tuple[TermUse, ...] = ()
    astray: tuple[TermUse, ...] = ()

    @property
    def bearing(self) -> int:
        return len(
            {u.term for u in (*self.used, *self.unsure, *self.astray)} | {t for t, _ in self.missed}
        )


def _names(value: object) -> list[str]:
    """The terms a stored list names: its strings; anything else (a number, None, a string in
    place of a list) names none. Stored JSON is read as it is, not as it should be."""
    if not isinstance(value, list | tuple):
        return []
    return [t for t in value if isinstance(t, str) and t]


def _finds(value: object) -> list[Mapping[str, Any]]:
    """The finds a stored list keeps: its mappings naming a term (a string); anything else is
    none (a `{"term": None}` had counted as a term named "None")."""
    if not isinstance(value, list | tuple):
        return []
    return [f for f in value if isinstance(f, Mapping) and _text(f.get("term"))]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _uses(answer: MockAnswer, keywords: Mapping[str, Any]) -> dict[str, TermUse]:
    """The terms an answer's stored reading says it used, each with its evidence."""
    out: dict[str, TermUse] = {}
    for found in _finds(keywords.get("evidence")):
        term = found["term"]
        if term not in out:
            sentence, words = _text(found.get("sentence")), _text(found.get("words"))
            by = _text(found.get("by"))
            out[term] = TermUse(term, answer.number, answer.question, sentence, words, by)
    for term in _names(keywords.get("used")):  # an analysis stored before evidence was kept
        out.setdefault(term, TermUse(term, answer.number, answer.question, "", "", ""))
    return out


def mock_terms(answers: Sequence[MockAnswer]) -> MockTerms | None:
    """The job's key terms across the answers (`MockTerms`); None when no answer was read
    against a job's terms (a mock without a job, or a job with none)."""
    used: dict[str, TermUse] = {}
    bore: dict[str, list[int]] = {}
    said: dict[str, TermUse] = {}
    maybe: dict[tuple[int, str], TermUse] = {}
    unsure: dict[str, TermUse] = {}
    unsure_at: dict[str, list[int]] = {}
    every: set[str] = set()
    read = unheard = 0
    by_question: dict[int, list[MockAnswer]] = {}
    for a in answers:
        by_question.setdefault(a.number, []).append(a)
    for number, mine in by_question.items():
        bearing: list[str] = []
        found: dict[str, TermUse] = {}
        lost = False
        for a in mine:
            keywords = (a.analysis or {}).get("keywords") if not a.failed else None
            if not isinstance(keywords, Mapping):
                continue
            perhaps = _finds(keywords.get("unsure"))
            # Every term it was read against (`keywords["terms"]`, kept since 2026-12-06);
            # before, those used, missed and unsure together, where speech was lost no missed.
            terms = _names(keywords.get("terms")) or [
                *_names(keywords.get("used")), *_names(keywords.get("missed")),
                *(u["term"] for u in perhaps),
            ]  # fmt: skip
            withheld = "keywords" in _names((a.analysis or {}).get("withheld"))
            if not terms and not withheld:
                continue  # read without a job
            read += 1
            every.update(terms)
            lost = lost or withheld
            unheard += withheld
            bearing += [t for t in _names(keywords.get("bearing")) if t not in bearing]
            for term, use in _uses(a, keywords).items():
                found.setdefault(term, use)
            for u in perhaps:
                maybe.setdefault((number, u["term"]), TermUse(
                    u["term"], number, a.question, _text(u.get("sentence")),
                    _text(u.get("words")), "unsure"))  # fmt: skip
        for term, use in found.items():
            said.setdefault(term, use)
        for term in bearing:
            if term in found:
                used.setdefault(term, found[term])
            elif (number, term) in maybe:
                unsure.setdefault(term, maybe[number, term])
                unsure_at.setdefault(term, []).append(number)
            elif not lost:
                bore.setdefault(term, []).append(number)
    if not read:
        return None
    # Said in another answer than those of the questions it bore on: ticked, and said so.
    astray = tuple(
        replace(use, bore=tuple(sorted({*bore.get(t, ()), *unsure_at.get(t, ())})),
                unsure_at=tuple(unsure_at.get(t, ())))
        for t, use in said.items() if t not in used and (t in bore or t in unsure_at)
    )  # fmt: skip
    away = {u.term for u in astray}
    missed = tuple((t, tuple(n)) for t, n in bore.items() if t not in used and t not in away)
    perhaps_said = tuple(
        u for t, u in unsure.items() if t not in used and t not in bore and t not in away
    )
    elsewhere = tuple(u for t, u in said.items() if t not in used and t not in away)
    return MockTerms(tuple(used.values()), missed, elsewhere, len(every - {""}), len(said),
                     read, unheard, perhaps_said, astray)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MockSummary:
    rows: tuple[SummaryRow, ...]
    answered: int  # answers that did not fail (a follow-up's among them)
    # Questions with no answer standing (`question_state`): none given, or all failed; of them,
    # `again` those whose answers all failed, to answer again. The summary counted a failed
    # answer as an answer and its question never "not answered", though the progress bar did
    # not count it and its row offered "Answer it again".
    unanswered: int
    best: SummaryRow | None
    best_why: str
    next_steps: tuple[str, ...]
    failed: int = 0  # answers that could not be saved or read, kept with the mock
    again: int = 0
    follow_ups: int = 0  # of `answered`, those to follow-ups
    terms: MockTerms | None = None  # the job's key terms across the answers (`mock_terms`)

    @property
    def overview(self) -> str:
        """The count in words: "2 answers (1 to a follow-up) and 1 that could not be read; 1
        question not answered and 1 to answer again." (a trial's 3-question mock read "6
        answers." with nothing saying 3 were follow-ups)."""
        said = f"{self.answered} answer{'s' * (self.answered != 1)}"
        if self.follow_ups:
            said += f" ({self.follow_ups} to follow-up{'s' * (self.follow_ups != 1)})"
        if self.failed:
            said += f" and {self.failed} that could not be read"
        fresh = self.unanswered - self.again
        left = [f"{fresh} question{'s' * (fresh != 1)} not answered"] if fresh else []
        if self.again:
            noun = "" if fresh else f" question{'s' * (self.again != 1)}"
            left.append(f"{self.again}{noun} to answer again")
        return f"{said}; {' and '.join(left)}." if left else f"{said}."


def _why_best(figures: Figures) -> str:
    said = []
    if figures.plan:  # counted of the parts a plan is judged on, as the row says
        if figures.star_parts:
            said.append(figures.star_words)
    elif figures.star_parts == len(STAR_PARTS):
        said.append("all four STAR parts")
    elif figures.star_parts:
        # A part it can't tell about is said as such, never left to read as missing.
        unsure = f" ({figures.unsure_words})" if figures.unsure_words else ""
        said.append(f"{figures.star_parts} of the 4 STAR parts{unsure}")
    if figures.number:
        said.append("a result with a number")
    if not figures.tip:
        said.append("nothing that stood out to fix")
    return ", ".join(said) or "the best measured figure of this mock"


def _measured(row: SummaryRow) -> int:
    return row.figures.measured or 0 if row.figures else 0


def summarise_mock(
    questions: Sequence[str], answers: Sequence[MockAnswer], today: dt.date
) -> MockSummary:
    """The end of a mock (see the module). `questions` are the session's, in order;
    `answers` each appear once, already in the order a reader meets them."""
    once: dict[Hashable, MockAnswer] = {}
    for a in answers:
        once.setdefault(a.ref, a)  # an answer given twice is listed once, where first met
    answers = list(once.values())
    rows: list[SummaryRow] = []
    # Each question answered, not answered, or to answer again as its page says it
    # (`question_state`): an answer that failed answers nothing.
    unanswered: list[tuple[int, str, bool]] = []  # (number, question, to answer again)
    for number, text in enumerate(questions, start=1):
        mine = [a for a in answers if a.number == number]
        if not mine:
            rows.append(SummaryRow(number, text, None, False, "not answered", None))
        rows += [SummaryRow(number, a.question, a.ref, a.follow_up, row_status(a),
                            figures_of_answer(a), answer_label(a)) for a in mine]  # fmt: skip
        state = question_state([Given(a.ref, a.follow_up, a.follows, a.failed) for a in mine])
        if state.open:
            unanswered.append((number, text, any(not a.follow_up for a in mine)))
    rows += [SummaryRow(a.number, a.question, a.ref, a.follow_up, row_status(a),
                        figures_of_answer(a), answer_label(a))
             for a in answers if not 1 <= a.number <= len(questions)]  # fmt: skip
    failed = {a.ref for a in answers if a.failed}
    answered = [r for r in rows if r.ref is not None and r.ref not in failed]
    # An answer the verdict says missed its question did not go best, whatever its figure (at
    # most `answer.OFF_QUESTION_MOST`): its "all four STAR parts" would praise the wrong story.
    scored = [r for r in answered if r.figures is not None and r.figures.measured is not None
              and r.figures.relevance != "does not address"]  # fmt: skip
    best = max(scored, key=lambda r: (_measured(r), -rows.index(r)), default=None)
    best_why = _why_best(best.figures) if best is not None and best.figures else ""
    return MockSummary(
        tuple(rows), len(answered), len(unanswered), best, best_why,
        next_steps([a for a in answers if not a.failed], unanswered, today),
        len(failed), sum(again for _, _, again in unanswered),
        sum(r.follow_up for r in answered), mock_terms(answers),
    )  # fmt: skip
