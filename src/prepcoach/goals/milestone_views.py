"""Milestones corrected: renamed or moved to another share of the goal, or deleted after a
confirmation (issue 12, class 5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.coach.progress import MilestoneState, milestone_changes
from prepcoach.goals import plans
from prepcoach.goals.forms import MilestoneForm
from prepcoach.goals.models import Milestone


def _milestone(request: HttpRequest, milestone_id: int) -> Milestone:
    return get_owned_or_404(
        Milestone.objects.select_related("goal"), signed_in_user(request), "goal__user",
        pk=milestone_id,
    )  # fmt: skip


def _milestones_url(milestone: Milestone) -> str:
    return reverse("goals:detail", args=[milestone.goal_id]) + "#milestones"


@login_required
def milestone_edit(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = _milestone(request, milestone_id)
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        edited: Milestone = form.save(commit=False)
        # Reached or not follows the new share: the goal's progress is what it is.
        today = timezone.localdate()
        percent = plans.progress_of(milestone.goal, today).percent
        state = MilestoneState(edited.pk, edited.title, edited.threshold, edited.reached_on)
        changes = milestone_changes([state], percent, corrected=True)  # its share changed
        if changes.no_longer:
            edited.reached_on = None
        elif changes.reached:
            edited.reached_on = today
        edited.save()
        messages.success(request, f"Milestone “{edited.title}” saved.")
        return redirect(_milestones_url(edited))
    context = {"form": form, "milestone": milestone, "goal": milestone.goal}
    return render(request, "goals/milestone_form.html", context)


@login_required
def milestone_delete(request: HttpRequest, milestone_id: int) -> HttpResponse:
    """GET asks first; POST deletes."""
    milestone = _milestone(request, milestone_id)
    if request.method != "POST":
        context = {"milestone": milestone, "goal": milestone.goal}
        return render(request, "goals/milestone_delete.html", context)
    milestone.delete()
    messages.info(request, f"Milestone “{milestone.title}” deleted.")
    return redirect(_milestones_url(milestone))
