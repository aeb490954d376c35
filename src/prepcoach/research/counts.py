"""The key facts of a job, counted for the goal made to collect them (`goals.sources`)."""

from __future__ import annotations

from django.urls import reverse

from prepcoach.goals.models import Goal
from prepcoach.goals.sources import Counted
from prepcoach.jobs.models import Opportunity


def facts_count(goal: Goal) -> Counted | None:
    opportunity = Opportunity.objects.filter(facts_goal=goal).first()
    if opportunity is None:
        return None
    return Counted(
        value=opportunity.facts.count(),
        target=opportunity.fact_target,
        where=f"the research page of {opportunity}",
        url=reverse("research:research", args=[opportunity.pk]) + "#facts-title",
    )
