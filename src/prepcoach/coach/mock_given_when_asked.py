"""A part a follow-up of a mock asked for and got (`follow_up_answer.FollowUpAnswer.given`:
"What changed, in numbers?" answered with one), by the area of that part (`given_when_asked`,
`GivenWhenAsked`), with the first answers those follow-ups followed up (`_first_answers`, by
`MockAnswer.follows`): the next steps (`mock_next_steps`) credit it where a step asks for it of
those answers."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from prepcoach.coach.follow_up_answer import FollowUpAnswer
from prepcoach.coach.improvement import ASKED_AREAS
from prepcoach.coach.mock_answers import MockAnswer
from prepcoach.coach.text import clip

QUOTE_CHARS = 140  # of a follow-up's words quoted in a next step


@dataclass(frozen=True, slots=True)
class GivenWhenAsked:
    """A part the answers to follow-ups of one mock asked for and got: `area` the improvement
    area of that part (`improvement.ASKED_AREAS`: "quantified" for a result with a number),
    `asked` it in words ("a result with a number"), `quote` the words of the first follow-up
    that gave it, `answers` the refs of the first answers those follow-ups followed up."""

    area: str
    asked: str
    quote: str
    answers: frozenset[Hashable]

    def said(self) -> str:
        """It came only when asked, with the follow-up's words: the evidence a step quotes."""
        quote = f" (“{clip(self.quote, QUOTE_CHARS)}”)" if self.quote else ""
        return f"{self.asked} came only when a follow-up asked for it{quote}"


def _first_answers(answer: MockAnswer, answers: Sequence[MockAnswer]) -> frozenset[Hashable]:
    """The first answer a follow-up follows up, through a follow-up of a follow-up, by its
    `follows` links; none when a link is gone (its first answer deleted) or leads out of
    `answers`. Never the first answers to its question by number: after a deletion the user
    may answer the question again, and that new answer was never followed up (a review found
    its "Put a number on the result" credited with the deleted answer's follow-up)."""
    by_ref = {a.ref: a for a in answers}
    seen: set[Hashable] = set()
    at: MockAnswer | None = answer
    while at is not None and at.follow_up and at.follows is not None and at.ref not in seen:
        seen.add(at.ref)
        at = by_ref.get(at.follows)
    if at is not None and not at.follow_up:
        return frozenset({at.ref})
    return frozenset()


def given_when_asked(
    answers: Sequence[MockAnswer], judged: Mapping[Hashable, FollowUpAnswer | None]
) -> dict[str, GivenWhenAsked]:
    """Each area whose part a follow-up of the mock asked for and got (`judged`: each answer's
    follow-up judgement, None for a first answer), by the area's key (see `GivenWhenAsked`);
    a follow-up that follows up no answer of the mock (`_first_answers`) credits none."""
    out: dict[str, GivenWhenAsked] = {}
    for answer in answers:
        follow = judged.get(answer.ref)
        if follow is None or not follow.asks_part or not follow.given:
            continue
        area = ASKED_AREAS.get(follow.part)
        if area is None:
            continue
        firsts = _first_answers(answer, answers)
        if not firsts:  # it follows up no answer of the mock: it credits none, nor lends words
            continue
        if area in out:
            found = out[area]
            out[area] = GivenWhenAsked(area, found.asked, found.quote, found.answers | firsts)
        else:
            out[area] = GivenWhenAsked(area, follow.asked, follow.quote, firsts)
    return out
