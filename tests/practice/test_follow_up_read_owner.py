"""The analysis task (`practice.tasks._read`) reads the answer a follow-up's answer follows up
only when it is the same owner's (`accounts.access.followed_up_answer`), as every page does: a
row naming another's answer (a bug, an import) must not lend it that answer's reading.

- alice: answers the follow-up "What was the outcome?" with a story.
- bob: answered "How would you approach your first 90 days in this role?" with a plan; his
  answer is named as the one alice's follows up.
"""

from __future__ import annotations

import pytest

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import analyse_attempt

pytestmark = pytest.mark.usefixtures("sentence_model")

PLAN_QUESTION = "How would you approach your first 90 days in this role?"
PLAN = {"relevance": {"kind": "would_do", "question_asks": "plan"}}
STORY = (
    "The backlog fell from 400 tickets to 40 within a month, and the team kept it there. I wrote "
    "the new triage rota myself and the support lead adopted it for every team."
)


def read_follow_up(owner: User, first_by: User) -> dict[str, object]:
    first = Attempt.objects.create(
        user=first_by, question_text=PLAN_QUESTION, text="A plan.", status="analysed",
        analysis=PLAN,
    )  # fmt: skip
    follow = Attempt.objects.create(
        user=owner, question_text="What was the outcome?", text=STORY, follow_up_to=first,
        status=Attempt.Status.QUEUED,
    )  # fmt: skip
    assert analyse_attempt.call(follow.pk) == "analysed"
    follow.refresh_from_db()
    relevance = follow.analysis["relevance"]
    assert isinstance(relevance, dict)
    return relevance


def test_alices_own_first_answer_makes_her_follow_up_a_plans(alice: User) -> None:
    relevance = read_follow_up(alice, alice)
    assert (relevance["kind"], relevance["question_asks"]) == ("would_do", "plan")


def test_bobs_answer_named_as_the_first_lends_alices_nothing(alice: User, bob: User) -> None:
    relevance = read_follow_up(alice, bob)
    assert relevance["kind"] != "would_do"
    assert relevance["question_asks"] != "plan"
    assert relevance["addresses"] is None  # still a follow-up's answer: no verdict
