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
    first answer is never judged as a follow-up, whatever its question's words. `follows`: the
    `ref` of the answer it follows up (the attempt's `follow_up_to`), None when it follows up
    none or that one is gone: the areas read a story told over a first answer and its
    follow-ups as one (`improvement.Stories`)."""

    ref: Hashable
    when: dt.date
    question: str
    analysis: Mapping[str, Any]
    rating: int | None = None
    follow_up: bool = False
    follows: Hashable | None = None


def first_of(
    answer: AnswerFacts, answers: Sequence[AnswerFacts], at: Mapping[Hashable, int]
) -> int | None:
    """The index in `answers` (`at`: each one's index by its `ref`) of the first answer that
    `answer`'s follow-up links (`follows`) lead to; None when a link is gone, leads out of
    `answers` or round in a circle (a first answer's is its own)."""
    seen: set[Hashable] = set()
    while answer.follow_up and answer.follows is not None and answer.ref not in seen:
        seen.add(answer.ref)
        i = at.get(answer.follows)
        if i is None:
            return None
        answer = answers[i]
    return None if answer.follow_up else at.get(answer.ref)


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
    def trend_judged(self) -> int:
        """How many answers its trend counts, over every week: every answer of those read that
        its rule judged, where `considered` is the last `improvement.RECENT` of them alone. A
        trial's page read "6 of the last 10 answers it could judge" beside a trend of "6 of the
        11 answers it judged this week": the pages say which each counts when they differ."""
        return sum(week.judged for week in self.trend)

    @property
    def trend_wider(self) -> bool:
        """Its trend counts more answers than its headline's `considered` (the last ones)."""
        return self.trend_judged > self.considered

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


# Why an area's rule did not judge an answer, in words after a count ("2 answers to …").
NOT_JUDGED = {
    "not weakness": ("answer to a question that asks for no weakness",
                     "answers to questions that ask for no weakness"),
    "disguised": ("answer whose weakness reads as a strength in disguise",
                  "answers whose weakness reads as a strength in disguise"),
    "no story": ("answer to a question that asks for no story",
                 "answers to questions that ask for no story"),
    "story": ("answer to a question that asks for a story", "answers to questions that ask for "
              "a story"),
    "plan": ("plan for a question asking what you would do (no situation, task or result to "
             "find)", "plans for questions asking what you would do (no situation, task or "
             "result to find)"),
    "off question": ("answer that does not address its question",
                     "answers that do not address their question"),
    "follow-up": ("answer to a follow-up that asked for another part",
                  "answers to follow-ups that asked for another part"),
    "reflection": ("answer to a follow-up asking for a reflection on the story, not a story",
                   "answers to follow-ups asking for a reflection on the story, not a story"),
    "aspect": ("answer to a follow-up asking about one side of the plan or point",
               "answers to follow-ups asking about one side of the plan or point"),
    "told with": ("answer to a follow-up, read as one story with the answer it follows up",
                  "answers to follow-ups, read as one story with the answers they follow up"),
}  # fmt: skip
