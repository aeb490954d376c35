"""Peer mocks in a practice group: whom to practise with next, what the interviewer's sheet
holds (the question, suggested follow-ups, the rubric: a plan's for a question asking what the
answerer would do, a point's for one asking for neither a story nor a plan), and swapping
sides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach.content import ContentAnalysis
from prepcoach.coach.feedback import rubric_for
from prepcoach.coach.followups import GENERAL, FollowUp, asked_in_turn, follow_up

if TYPE_CHECKING:
    from prepcoach.coach.relevance import Asks

SUGGESTED_FOLLOW_UPS = 3


@dataclass(frozen=True, slots=True)
class Sides:
    """Who interviews and who answers (user ids)."""

    interviewer: int
    answerer: int

    def swapped(self) -> Sides:
        return Sides(self.answerer, self.interviewer)


@dataclass(frozen=True, slots=True)
class PartnerChoice:
    member: int
    mocks_together: int
    reason: str


def held(finished: bool, answers: int) -> bool:
    """Whether a peer mock was held, so the two practised together: marked finished, or with
    an answer given. One only planned was not (a trial's board said "practised together least
    (3 times)" of three planned, two of them duplicates)."""
    return finished or answers > 0


def suggest_partner(
    me: int, members: Sequence[int], past: Iterable[tuple[int, int]]
) -> PartnerChoice | None:
    """The member to pair with next: the one `me` has done fewest peer mocks with (either
    side), the longest-standing member first on a tie (`members` is in joining order).
    `past`: the (interviewer, answerer) of each peer mock held (`held`)."""
    together: Counter[int] = Counter()
    for a, b in past:
        if me in (a, b) and a != b:
            together[b if a == me else a] += 1
    others = [m for m in members if m != me]
    if not others:
        return None
    best = min(others, key=lambda m: (together[m], others.index(m)))
    count = together[best]
    reason = (
        "you have not practised together yet"
        if count == 0
        else f"you have practised together least ({count} time{'s' if count != 1 else ''})"
    )
    return PartnerChoice(best, count, reason)


@dataclass(frozen=True, slots=True)
class InterviewerSheet:
    number: int  # 1-based
    question: str
    follow_ups: tuple[FollowUp, ...]
    rubric: tuple[tuple[str, str], ...]

    @property
    def general_note(self) -> str:
        """The general follow-ups (`FollowUp.general`) named once for the sheet, not after each
        (a look at a plan question's sheet found "(a general follow-up to a plan)" three
        times): "" when the answer calls for every one."""
        general = [f for f in self.follow_ups if f.general]
        if not general:
            return ""
        why = GENERAL[general[0].rule]
        one = len(general) == 1
        if len(general) == len(self.follow_ups):
            return f"Interviewers often ask {'it' if one else 'these'} {why}."
        others = "The other one" if one else "The others"
        return f"{others}: interviewers often ask {'it' if one else 'them'} {why}."


def interviewer_sheet(
    number: int, question: str, answer: ContentAnalysis | None, asks: Asks = "story",
    heard: bool = True,
) -> InterviewerSheet:  # fmt: skip
    """What the interviewer sees for one question: the follow-up the answer calls for (by rule
    once it has been read), then others from the list asked in turn, never the same one twice.
    `asks`: what the question asks for (`relevance.asked_for`), the follow-ups' and the rubric's
    choice (`feedback.rubric_for`): a plan's every follow-up asks about the plan
    (`followups.PLAN_FIXED`) and its rubric scores its steps (`feedback.PLAN_REVIEW_RUBRIC`);
    a question asking for neither a story nor a plan has its point probed
    (`followups.POINT_FIXED`: "What motivates you?" was tagged "the answer has no result") and
    is scored on it (`feedback.DIRECT_REVIEW_RUBRIC`). `heard` false: the answer was typed, so
    its rubric has no delivery (`feedback.rubric_for`)."""
    first = follow_up(answer, number - 1, asks=asks)
    suggestions = [first]
    turn = number
    fixed, rule = asked_in_turn(asks)
    while len(suggestions) < SUGGESTED_FOLLOW_UPS and turn < number + len(fixed):
        text = fixed[turn % len(fixed)]
        if all(s.text != text for s in suggestions):
            suggestions.append(FollowUp(text, rule))
        turn += 1
    return InterviewerSheet(number, question, tuple(suggestions), rubric_for("answer", asks, heard))
