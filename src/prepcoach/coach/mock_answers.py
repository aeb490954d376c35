"""One answer of a mock (`MockAnswer`) as the summary reads it: what it is, for the link to it
(`answer_label`: "typed answer, 84 words", "recorded answer, 1:42"), so the summary's links can
be told apart; its figures (`figures_of_answer`), its state on its row (`row_status`) and what
its question asks for (`asks_of`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from prepcoach.coach.feedback import clock
from prepcoach.coach.mock_figures import Figures, figures_of
from prepcoach.coach.relevance import Asks, asked_for


@dataclass(frozen=True, slots=True)
class MockAnswer:
    """One answer of a mock: `number` the question it belongs to (1-based; 0 when it matches
    none), `follow_up` whether it answers a follow-up, `status` the answer's state."""

    ref: Hashable
    number: int
    question: str
    follow_up: bool
    status: str
    analysis: Mapping[str, Any] | None = None
    when: dt.date | None = None
    # What its question asks for (`relevance.asked_for`; a follow-up's, its question's, as
    # `feedback.subjects.answer_asks` says); None: by `asked_for` of its own question and
    # analysis, or for a follow-up as its analysis alone reads it (`figures_of`).
    asks: Asks | None = None
    # A follow-up's: the stored analysis of the answer it follows up (None when not read), over
    # which with its own the story's parts are read (`follow_up_answer.judge_follow_up`).
    first: Mapping[str, Any] | None = None
    # A follow-up's: the ref of the answer it follows up (the attempt's `follow_up_to`); None:
    # deleted, when it follows up no answer of the mock (`_first_answers`).
    follows: Hashable | None = None
    # The words of a typed answer; 0 for a recording, which has no typed text (one that failed
    # before any of it arrived has no file either: it is still a recording).
    typed_words: int = 0
    # It could not be saved or read (nothing of the recording arrived, it ran too long, the
    # analysis failed): kept, but it answers nothing (`question_state`).
    failed: bool = False
    # Anything of it arrived (a recording's file, a typed answer's words); False for a
    # recording nothing of which arrived, which is said so, never "analysis failed".
    arrived: bool = True
    # Recorded, not typed; None: as its analysis reads it (a recording keeps its length). Its
    # fillers are said by it (`fillers_said`), never by whether a rate was stored.
    spoken: bool | None = None


NOTHING_ARRIVED = "recording (nothing arrived)"


def answer_label(answer: MockAnswer) -> str:
    """What an answer is, for the link to it, so two links never read alike for want of
    saying: "typed answer, 84 words", "recorded answer, 1:42" (the recording's length, as its
    player shows it, once read), "recorded answer" (not read yet, or failed). The summary's
    links read "typed answer" or "recording" whatever they were, a tester could not tell them
    apart. A recording nothing of which arrived says so: "recording (nothing arrived)" (it was
    "recorded answer" beside "analysis failed", though there was nothing to analyse)."""
    if answer.failed and not answer.arrived and not answer.typed_words:
        return NOTHING_ARRIVED
    if answer.typed_words:
        return f"typed answer, {answer.typed_words} word{'s' * (answer.typed_words != 1)}"
    seconds = (answer.analysis or {}).get("duration_s")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        return f"recorded answer, {clock(float(seconds))}"
    return "recorded answer"


def figures_of_answer(answer: MockAnswer) -> Figures | None:
    """An answer's figures (`figures_of`): a follow-up's judged on what it asked for."""
    follow_up = answer.question if answer.follow_up else None
    return figures_of(answer.analysis, asks_of(answer), follow_up, answer.first, answer.spoken)


def row_status(answer: MockAnswer) -> str:
    """An answer's state on its row of the summary: its `status`, "" for a recording nothing of
    which arrived, whose label says so (`answer_label`), never "analysis failed"."""
    return "" if answer_label(answer) == NOTHING_ARRIVED else answer.status


def asks_of(answer: MockAnswer) -> Asks | None:
    """What `answer`'s question asks for, as `MockAnswer.asks` says."""
    if answer.asks is not None or answer.follow_up:
        return answer.asks
    return asked_for(answer.question, answer.analysis)
