"""A follow-up's answer as every face reads it: its first answer's stored analysis and its
judgement (`coach.follow_up_answer`), for the views, the API and the progress page alike (the
API had imported them from a views module)."""

from __future__ import annotations

from typing import Any

from prepcoach.accounts.access import followed_up_answer
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up
from prepcoach.practice.models import Attempt


def first_answer(attempt: Attempt) -> dict[str, Any] | None:
    """The stored analysis of the answer a follow-up's answer follows up (its story's other
    parts, `coach.follow_up_answer`), None when it is no follow-up's, that one is not read, or
    it is not the same owner's (`accounts.access.followed_up_answer`: never another's)."""
    first = followed_up_answer(attempt)
    if first is None or first.status != Attempt.Status.ANALYSED or not first.analysis:
        return None
    return dict(first.analysis)


def follow_up_of(attempt: Attempt) -> FollowUpAnswer | None:
    """How the answer to a follow-up is judged (`coach.follow_up_answer.judge_follow_up`,
    on its stored analysis and its first answer's), None for a first answer or one not
    analysed: the report, its rating, the API's `follow_up` and the progress page read this
    one judgement."""
    if not attempt.is_follow_up or not attempt.analysis:
        return None
    return judge_follow_up(attempt.question_text, attempt.analysis, first_answer(attempt))
