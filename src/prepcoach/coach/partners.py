"""What an accountability partner is told: each shared goal against its ideal line, and the
week in a few lines. The owner chose which goals; this module only judges what it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from prepcoach.coach.progress import Outcome, Progress, WeeklyReview


class Standing(StrEnum):
    REACHED = "reached"
    AHEAD = "ahead"  # at or above the ideal line
    ON_TRACK = "on track"  # below the line, but within the ten points progress allows
    BEHIND = "behind"  # more than ten points below the ideal line (Progress.behind)
    NO_LINE = "no deadline"  # no target date, so no ideal line to compare with
    DROPPED = "dropped"  # closed without being reached: no line to keep any more


@dataclass(frozen=True, slots=True)
class GoalStanding:
    title: str
    percent: float
    basis: str
    expected_now: float | None
    standing: Standing
    sentence: str  # for the page and the mail: "42% done; the ideal line is at 50% today."


def goal_standing(title: str, progress: Progress, outcome: Outcome | None = None) -> GoalStanding:
    """Where a goal stands against its ideal line, in words a partner can act on; a reached or
    dropped goal (`outcome`) by how it ended and its last measured figure, never a pace."""
    if outcome is not None:
        return _closed_standing(title, progress, outcome)
    expected = progress.expected_now
    done = f"{progress.percent:.0f}% done ({progress.basis})" if progress.basis else ""
    done = done or f"{progress.percent:.0f}% done"
    if progress.percent >= 100:
        standing, tail = Standing.REACHED, "goal reached."
    elif expected is None:
        standing, tail = Standing.NO_LINE, "no target date, so no ideal line to compare with."
    elif progress.behind:
        standing = Standing.BEHIND
        tail = f"behind the ideal line, which is at {expected:.0f}% today."
    elif round(progress.percent) == round(expected):  # as shown: "0%" against "0%" is on it
        standing, tail = Standing.AHEAD, f"on the ideal line ({expected:.0f}% today)."
    elif progress.percent >= expected:
        standing, tail = Standing.AHEAD, f"ahead of the ideal line ({expected:.0f}% today)."
    else:
        standing, tail = Standing.ON_TRACK, f"on track; the ideal line is at {expected:.0f}% today."
    return GoalStanding(
        title, progress.percent, progress.basis, expected, standing, f"{done}: {tail}"
    )


def _closed_standing(title: str, progress: Progress, outcome: Outcome) -> GoalStanding:
    when = f" on {outcome.closed_on:%-d %b %Y}" if outcome.closed_on else ""
    ended = f"{'Reached' if outcome.reached else 'Dropped'}{when}"
    if outcome.percent is None:
        sentence = f"{ended}: no progress was logged."
    else:
        basis = f" ({outcome.basis})" if outcome.basis else ""
        sentence = f"{ended}: last measured {outcome.percent:.0f}% done{basis}."
    standing = Standing.REACHED if outcome.reached else Standing.DROPPED
    return GoalStanding(title, progress.percent, outcome.basis, None, standing, sentence)


@dataclass(frozen=True, slots=True)
class PartnerReport:
    owner: str
    goals: tuple[GoalStanding, ...]
    done: int  # steps of the shared goals ticked off in the last seven days
    slipped: int  # steps of the shared goals past their due date, not done
    due_next: int
    milestones: tuple[str, ...]  # reached in the last seven days
    headline: str
    suggestion: str  # what the partner could do about it

    @property
    def is_empty(self) -> bool:
        return not self.goals


def partner_report(
    owner: str,
    goals: Sequence[tuple[str, Progress]],
    review: WeeklyReview,
    milestones_reached: Sequence[str] = (),
    outcomes: Sequence[Outcome | None] = (),
) -> PartnerReport:
    """The weekly report to a partner about the goals the owner shared with them; `outcomes`,
    in the goals' order, how each finished one ended (None while active)."""
    ended = [*outcomes, *[None] * (len(goals) - len(outcomes))]
    standings = tuple(
        goal_standing(title, progress, outcome)
        for (title, progress), outcome in zip(goals, ended, strict=True)
    )
    behind = [g for g in standings if g.standing is Standing.BEHIND]
    done, slipped = len(review.done), len(review.slipped)
    if not standings:
        headline = f"{owner} shares no goals with you at the moment."
        suggestion = f"Ask {owner} which goal they would like you to follow."
    elif behind:
        names = ", ".join(f"“{g.title}”" for g in behind[:3])
        headline = f"{owner} is behind the ideal line on {names}."
        suggestion = (
            f"A short message helps more than a reminder: ask {owner} what would make the "
            "next step smaller."
        )
    elif done:
        headline = f"{owner} ticked off {done} step{'s' * (done != 1)} this week and is on track."
        suggestion = "Say well done: a cheer on a milestone or a comment counts."
    else:
        headline = f"{owner} is on track, with no steps ticked off this week."
        suggestion = f"Ask {owner} what the one step for the coming week is."
    return PartnerReport(
        owner=owner,
        goals=standings,
        done=done,
        slipped=slipped,
        due_next=len(review.due_next),
        milestones=tuple(milestones_reached),
        headline=headline,
        suggestion=suggestion,
    )


SEND_FROM_HOUR = 7  # local time, like the reminders: a report greets the morning
MAIL_EVERY_DAYS = 7


def weekly_mail_due(now: dt.datetime, last_sent: dt.date | None) -> bool:
    """now is the partner's local time: a week after the last report, in their morning. The
    first report goes out on the first morning after they opt in."""
    if now.hour < SEND_FROM_HOUR:
        return False
    return last_sent is None or (now.date() - last_sent).days >= MAIL_EVERY_DAYS
