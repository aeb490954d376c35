"""A plan that has grown for a year, for the tests that hold a page's queries to a fixed number
however much data there is (issue 15, item 5): goals with steps (half done), weekly check-ins,
milestones (one reached) and, for every fifth goal, a job whose 3 key facts (of 5 to collect)
the goal counts. The latest check-in says 5 of 10 when there are 6 check-ins."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal, Milestone, Step
from prepcoach.jobs.models import Fact, Opportunity
from tests.goals.conftest import days


def grow(user: User, goals: int, steps: int = 8, check_ins: int = 6) -> list[Goal]:
    """Add `goals` active goals to `user`'s plan, each with its steps and check-ins."""
    made = []
    start = Goal.objects.filter(user=user).count()
    for n in range(start, start + goals):
        goal = Goal.objects.create(
            user=user, text=f"Run {n + 3} mock interviews on topic {n}", kind=Goal.Kind.SKILLS,
            target_date=days(30 + n), target_value=Decimal(10), unit="mock interviews",
            start_date=days(-60),
        )  # fmt: skip
        Step.objects.bulk_create(
            Step(goal=goal, title=f"Step {i} of goal {n}", due_date=days(i * 3 - 10),
                 estimated_hours=Decimal("1.5"), done_on=days(i - 20) if i % 2 else None)
            for i in range(steps)
        )  # fmt: skip
        CheckIn.objects.bulk_create(
            CheckIn(goal=goal, day=days(-7 * i), value=Decimal(check_ins - 1 - i))
            for i in range(check_ins)
        )
        Milestone.objects.create(goal=goal, title="Halfway", threshold=50, reached_on=days(-2))
        Milestone.objects.create(goal=goal, title="All done", threshold=100)
        if n % 5 == 0:
            job = Opportunity.objects.create(
                user=user, company=f"Company {n}", role="Analyst", facts_goal=goal
            )
            Fact.objects.bulk_create(
                Fact(opportunity=job, text=f"Fact {i}", source="site") for i in range(3)
            )
        made.append(goal)
    return made


def finish(user: User, n: int, first: int = 0) -> list[Goal]:
    """`n` goals `user` has finished (every third dropped), goal `first + k` finished k days
    after the one before, each with two steps and two check-ins."""
    made = []
    for k in range(first, first + n):
        dropped = k % 3 == 2
        goal = Goal.objects.create(
            user=user, text=f"Finished goal number {k}", kind=Goal.Kind.SKILLS,
            target_date=days(-100 + k), target_value=Decimal(4), unit="mock interviews",
            start_date=days(-200), status=Goal.Status.DROPPED if dropped else Goal.Status.DONE,
            completed_on=None if dropped else days(-100 + k),
        )  # fmt: skip
        closed = timezone.now() - dt.timedelta(days=100 - k)
        Goal.objects.filter(pk=goal.pk).update(updated_at=closed, closed_at=closed)
        Step.objects.bulk_create(
            Step(goal=goal, title=f"Step {i}", due_date=days(-150), estimated_hours=Decimal(1),
                 done_on=days(-150))
            for i in range(2)
        )  # fmt: skip
        CheckIn.objects.bulk_create(
            CheckIn(goal=goal, day=days(-150 + i), value=Decimal(i + 3)) for i in range(2)
        )
        made.append(goal)
    return made
