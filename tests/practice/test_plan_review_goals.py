"""A goal made from a plan's reasons (an area of reviews alone) moves by itself as reviewers
score that line 1 or 2 of 2 through their links, is done at its target, and closes its area.

Personas: Alice answers questions asking what she would do and sends feedback links; Sam and
Ana scored her plans' reasons 0 of 2; Jo, Kim and Lee review her plans after her goal began;
Bob is another user, whose reviews never move her goal."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.answer import analyse_answer
from prepcoach.feedback.models import Review
from prepcoach.goals.models import Goal
from prepcoach.practice.evidence import areas_of
from prepcoach.practice.models import Attempt
from tests.feedback.conftest import make_link

pytestmark = pytest.mark.usefixtures("sentence_model")
PLAN_QUESTION = "What would you do if a teammate kept missing deadlines your work depended on?"
VAGUE = "I would sort it out. I would talk to people and fix it."


def plan(user: User) -> Attempt:
    """A typed plan, analysed as the worker stores it."""
    analysis = analyse_answer(text=VAGUE, question=PLAN_QUESTION).as_dict()
    return Attempt.objects.create(
        user=user, question_text=PLAN_QUESTION, text=VAGUE, status=Attempt.Status.ANALYSED,
        analysis=analysis,
    )  # fmt: skip


@pytest.fixture
def send(django_capture_on_commit_callbacks: Any) -> Callable[..., Client]:
    """A reviewer sends the form behind a link on the plan's lines; what runs once the review
    is committed (the goals it moves) runs."""

    def sent(token: str, name: str, reasons: int, reviewer: Client | None = None) -> Client:
        reviewer = reviewer or Client()
        data = {"reviewer_name": name, "overall": "3", "score_steps": "1", "score_action": "1",
                "score_reasons": str(reasons), "score_check": "1", "comments": ""}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            page = reviewer.post(reverse("feedback:review", args=[token]), data).text
        assert "Thank you" in page
        return reviewer

    return sent


def test_the_goal_counts_later_reviews_scoring_the_reasons_1_or_2_and_reaches(
    alice_client: Client, alice: User, bob: User, send: Callable[..., Client]
) -> None:
    first, second = plan(alice), plan(alice)
    to_sam = make_link(alice_client, first)
    sam = send(to_sam, "Sam", 0)
    send(make_link(alice_client, second), "Ana", 0)
    found = {a.key: a for a in areas_of(alice, local_now(alice).date()).areas}
    assert "plan_check" not in found  # both scored the check 1
    area = found["plan_reasons"]
    alice_client.post(reverse("goals:new"), {"text": area.goal, "kind": "auto",
                                             "area": "plan_reasons"})  # fmt: skip
    goal = Goal.objects.get(user=alice)
    assert (goal.area, goal.target_value, goal.unit) == (
        "plan_reasons", Decimal(2), "reviews that meet it",
    )  # fmt: skip
    areas = reverse("practice:areas")
    assert "You are working on it" in alice_client.get(areas).text

    # Sam sends his review again, its reasons now 2: written before the goal began, it is
    # not a review given since.
    send(to_sam, "Sam", 2, reviewer=sam)
    assert Review.objects.get(reviewer_name="Sam").scores["reasons"] == 2
    assert not goal.check_ins.exists()
    # Bob's plan reviewed well never moves Alice's goal.
    bob_client = Client()
    bob_client.force_login(bob)
    send(make_link(bob_client, plan(bob)), "Jo", 2)
    assert not goal.check_ins.exists()

    third = plan(alice)
    send(make_link(alice_client, third), "Jo", 1)
    assert [c.value for c in goal.check_ins.all()] == [1]
    day = f"{local_now(alice):%-d %b}"
    assert goal.check_ins.get().note == (
        f"Measured from your reviews: 1 of 1 review since the goal began scores it 1 or 2 of 2. "
        f"Counted: Jo ({day})"
    )
    send(make_link(alice_client, third), "Kim", 0)  # judged, not counted: nothing new logged
    assert goal.check_ins.count() == 1
    send(make_link(alice_client, third), "Lee", 2)
    goal.refresh_from_db()
    assert goal.status == Goal.Status.DONE
    assert goal.completed_on == local_now(alice).date()
    assert goal.check_ins.latest("created_at").note.startswith(
        "Measured from your reviews: 2 of 3 reviews since the goal began score it 1 or 2 of 2"
    )
    # Reached, the goal closes its area: only reviews after it can open it again.
    assert "plan_reasons" not in {a.key for a in areas_of(alice, local_now(alice).date()).areas}
    assert "Say why you would do it" not in alice_client.get(areas).text
