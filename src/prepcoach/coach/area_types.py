"""What an improvement area is made of, and the evidence it is read from: the shared types of
`coach.improvement` (answers and reviews) and `coach.improvement_sources` (debriefs, drill
lapses and self-rating calibration)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class AnswerFacts:
    """One analysed answer: `ref` names it for links (the attempt's id), `analysis` is the
    stored analysis dict, `rating` the user's own rating (1-5) if they gave one, `follow_up`
    whether it answers a follow-up (the attempt's `follow_up_to` link; `question` is then the
    follow-up's words, by which `follow_up_answer.judge_follow_up` reads what it asked for). A
    first answer is never judged as a follow-up, whatever its question's words."""

    ref: Hashable
    when: dt.date
    question: str
    analysis: Mapping[str, Any]
    rating: int | None = None
    follow_up: bool = False


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    """One person's review: `ref` names what was reviewed (for links), `scores` the rubric it
    was given on (criterion → 0, 1 or 2: `coach.feedback.CRITERIA`, or a plan's,
    `feedback.PLAN_REVIEW_RUBRIC`), `overall` 1-5 on the owner's scale,
    `own_rating` the owner's own rating of the same thing, when there is one."""

    ref: Hashable
    when: dt.date
    reviewer: str
    scores: Mapping[str, int]
    overall: int | None = None
    own_rating: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str  # "answer", "review", "debrief" or "drill"
    ref: Hashable  # an answer's id; for the others the page it links to
    when: dt.date
    label: str  # the question, who reviewed, the interview or the drilled item
    detail: str  # the figure or the words it rests on
    at_s: float | None = None  # a moment in the recording


class TrendWeek(NamedTuple):
    """One week of an area's trend: its Monday, and how many of the answers its rule judged
    that week it held for. Every face says the counts ("3 of the 5 answers it judged this
    week", `digest.trend_words`): a bare share of an unstated base read as a share of all the
    week's answers."""

    monday: dt.date
    held: int
    judged: int

    @property
    def share(self) -> float:
        return self.held / self.judged if self.judged else 0.0


@dataclass(frozen=True, slots=True)
class Area:
    key: str
    title: str
    rule: str  # the rule and how often it held, in words
    affected: int  # answers (or reviews, debriefs, cards) it held for, of `considered`
    considered: int
    reviewers: int  # reviews that point the same way
    evidence: tuple[Evidence, ...]
    trend: tuple[TrendWeek, ...]  # each week's answers it judged, and held for
    goal: str  # a SMART goal that closes it
    measured: bool = True  # a goal made from it moves by itself (`meets`); False: check-ins
    debriefs: int = 0  # the user's own debriefs that point the same way
    how: str = ""  # how prepcoach decides, in full, for a page to show one click away
    moves_with: str = "your answers"  # what moves a goal made from it, for "as … meet it"
    # The answers in the span it was judged over that its rule did not judge, by why, in
    # words ("2 answers to questions that ask for no story"): a page says them beside the count.
    not_judged: tuple[str, ...] = ()

    @property
    def weight(self) -> float:
        share = self.affected / self.considered if self.considered else 0.0
        return share + 0.25 * min(self.reviewers + self.debriefs, 2)


@dataclass(frozen=True, slots=True)
class AskedFacts:
    """A question asked in a real interview and how the user says the answer went ("well",
    "partly", "badly" or "")."""

    text: str
    went: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DebriefFacts:
    """One debrief of a real interview: `ref` the page it links to, `label` the interview
    ("Phone screen at Acme"), `went_badly` what didn't go well in the user's words, `ratings`
    the self-rating per competency (`coach.debrief.COMPETENCIES` key → 1-5)."""

    ref: Hashable
    when: dt.date
    label: str
    went_badly: str = ""
    ratings: Mapping[str, int] | None = None
    asked: Sequence[AskedFacts] = ()


@dataclass(frozen=True, slots=True)
class LapseFacts:
    """One drill card: `ref` the page of what is drilled, `label` its words, `reviews` its
    reviews newest first, each (day, grade: "again", "hard", "good" or "easy")."""

    ref: Hashable
    label: str
    reviews: Sequence[tuple[dt.date, str]]
