"""The goal made to collect a job's key facts (issue 12, class 6): Plan's side of them.

The job and its facts are upstream (`prepcoach.jobs`); Grow, where facts are written, only says
that they changed (`jobs.signals.facts_changed`) and never imports Plan. Here the goal is made,
counted for `plans.progress_of` (`sources`), and its check-in of the day follows the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.goals.checkins import log_check_in
from prepcoach.goals.models import Goal
from prepcoach.goals.sources import Counted
from prepcoach.jobs.models import Opportunity


def facts_count(goal: Goal) -> Counted | None:
    """The facts the goal's job holds, against its target: the job and its count in one query."""
    return facts_counts([goal]).get(goal.pk)


def facts_counts(goals: Sequence[Goal]) -> dict[int, Counted]:
    """`facts_count` of many goals in one query: each goal's first job (in the jobs' order, as
    `first()` takes it) with its facts counted."""
    jobs = Opportunity.objects.filter(facts_goal__in=[g.pk for g in goals])
    found: dict[int, Counted] = {}
    for job in jobs.annotate(fact_count=Count("facts")):
        if job.facts_goal_id is not None and job.facts_goal_id not in found:
            found[job.facts_goal_id] = _counted(job, job.fact_count)
    return found


def _counted(opportunity: Opportunity, facts: int) -> Counted:
    return Counted(
        value=facts,
        target=opportunity.fact_target,
        where=f"the research page of {opportunity}",
        url=reverse("research:research", args=[opportunity.pk]) + "#facts-title",
    )


def log_facts(opportunity: Opportunity) -> None:
    """The facts goal's check-in of the day follows the count (one a day, like any goal's)."""
    if opportunity.facts_goal is not None:
        Goal.objects.filter(pk=opportunity.facts_goal.pk).exclude(
            target_value=opportunity.fact_target
        ).update(target_value=opportunity.fact_target)  # the target follows the job's
        log_check_in(
            opportunity.facts_goal, timezone.localdate(), Decimal(opportunity.facts.count()),
            "Key facts collected",
        )  # fmt: skip


def on_facts_changed(sender: object, opportunity: Opportunity, **kwargs: Any) -> None:
    log_facts(opportunity)


@login_required
@require_POST
def facts_goal(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    """A knowledge goal whose progress is the number of facts collected."""
    opportunity = get_owned_or_404(
        Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id
    )
    if opportunity.facts_goal is None:
        # Due on the day of the job's next interview (its interviews are the one record of
        # them: one moved or deleted is moved or gone here too); none ahead, no deadline.
        due = next(iter(opportunity.interview_days(ahead_of=timezone.now())), None)
        goal = Goal.objects.create(
            user=opportunity.user, kind=Goal.Kind.KNOWLEDGE,
            text=f"Research at least {opportunity.fact_target} key facts about "
            f"{opportunity.company}, with sources",
            target_value=opportunity.fact_target, unit="key facts", target_date=due,
        )  # fmt: skip
        opportunity.facts_goal = goal
        opportunity.save(update_fields=["facts_goal"])
        log_facts(opportunity)
        messages.success(
            request, "A goal now follows your facts: it moves with every fact you add."
        )
    return redirect(opportunity.facts_goal)
