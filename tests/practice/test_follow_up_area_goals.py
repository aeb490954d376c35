"""A follow-up's answer (`follow_up_to`) asking for one part counts, in the areas and the goals
made from them (`practice.measured.update_measured_goals`), only for the part it asked for: its
answer to "What changed, in numbers?" had counted against "Give the situation"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.practice.evidence import areas_of
from prepcoach.practice.measured import update_measured_goals
from prepcoach.practice.models import Attempt
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE, stored


def attempt(user: User, text: str, analysis: dict[str, Any], **fields: Any) -> Attempt:
    return Attempt.objects.create(
        user=user, question_text=text, status=Attempt.Status.ANALYSED, analysis=analysis,
        **fields,
    )  # fmt: skip


def test_a_follow_ups_answer_adds_nothing_to_the_story_areas(alice: User) -> None:
    for _ in range(2):
        first = attempt(alice, PROCESS, stored("action", "result", number=True))
        attempt(alice, IN_NUMBERS, NUMBERS, follow_up_to=first)
    (area,) = [a for a in areas_of(alice, timezone.localdate()).areas
               if a.key == "star_situation"]  # fmt: skip
    assert (area.affected, area.considered) == (2, 2)  # the first answers alone
    assert {e.ref for e in area.evidence} == set(
        Attempt.objects.filter(follow_up_to=None).values_list("pk", flat=True)
    )
    # Each story read once, over its first answer and its follow-up together.
    assert area.not_judged == (
        "2 answers to follow-ups, read as one story with the answers they follow up",
    )


def test_a_goal_counts_a_follow_up_only_for_what_it_asked(alice: User) -> None:
    situation = Goal.objects.create(
        user=alice, text="Give the situation in 5 practice answers", area="star_situation",
        target_value=Decimal(5),
    )  # fmt: skip
    number = Goal.objects.create(
        user=alice, text="Put a number on the result in 5 practice answers", area="quantified",
        target_value=Decimal(5),
    )  # fmt: skip
    first = attempt(alice, PROCESS, WHOLE)
    attempt(alice, IN_NUMBERS, NUMBERS, follow_up_to=first)
    update_measured_goals(alice, timezone.localdate())
    notes = {g.area: g.check_ins.get().note for g in (situation, number)}
    assert notes["star_situation"].startswith(
        "Measured from your answers: 1 of 1 answer since the goal began meets it"
    )
    assert notes["quantified"].startswith(
        "Measured from your answers: 2 of 2 answers since the goal began meet it"
    )
