"""Check-ins: log one (a second on the same day replaces the first), edit, delete, undo."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.coach.amounts import amount
from prepcoach.coach.smart import format_date
from prepcoach.goals import checkins, sources
from prepcoach.goals.forms import CheckInForm
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.goals.views.common import celebrate_milestones


def _check_in(request: HttpRequest, checkin_id: int) -> CheckIn:
    return get_owned_or_404(
        CheckIn.objects.select_related("goal"), signed_in_user(request), "goal__user",
        pk=checkin_id,
    )  # fmt: skip


def _progress_url(goal: Goal) -> str:
    return reverse("goals:detail", args=[goal.pk]) + "#progress"


def _amount(goal: Goal, value: Decimal | None) -> str:
    if value is None:
        return "a note"
    return amount(value, goal.unit)


def _counted_elsewhere(request: HttpRequest, goal: Goal) -> HttpResponse:
    counted = sources.count_for(goal)
    where = counted.where if counted else "another page"
    messages.info(request, f"This goal's figure is counted on {where}: correct it there.")
    return redirect(_progress_url(goal))


def record(request: HttpRequest, goal: Goal, form: CheckInForm) -> None:
    """Save the form's check-in as the day's, and say what it replaced."""
    data = form.cleaned_data
    check_in, before = checkins.log_check_in(
        goal, data["day"], data.get("value"), data.get("note", "")
    )
    if before is None:
        messages.success(request, "Progress logged.")
        return
    said = (
        f"You had logged {_amount(goal, before.value)} for {format_date(check_in.day)}: "
        f"now {_amount(goal, check_in.value)}, since a day has one check-in."
    )
    checkins.keep_for_undo(request.session, before, said, deleted=False)
    messages.success(request, "Progress logged: it replaces that day's earlier check-in.")


@login_required
def checkin_edit(request: HttpRequest, checkin_id: int) -> HttpResponse:
    check_in = _check_in(request, checkin_id)
    goal = check_in.goal
    if sources.count_for(goal) is not None:
        return _counted_elsewhere(request, goal)
    form = CheckInForm(request.POST or None, instance=check_in, goal=goal)
    if request.method == "POST" and form.is_valid():
        other = goal.check_ins.filter(day=form.cleaned_data["day"]).exclude(pk=check_in.pk)
        if other.exists():
            form.add_error(
                "day", "That day has a check-in already: change that one, or pick another day."
            )
        else:
            form.save()
            messages.success(request, f"Check-in of {format_date(check_in.day)} corrected.")
            celebrate_milestones(request, goal, timezone.localdate(), corrected=True)
            return redirect(_progress_url(goal))
    return render(
        request, "goals/checkin_form.html", {"form": form, "check_in": check_in, "goal": goal}
    )


@login_required
@require_POST
def checkin_delete(request: HttpRequest, checkin_id: int) -> HttpResponse:
    check_in = _check_in(request, checkin_id)
    goal = check_in.goal
    if sources.count_for(goal) is not None:
        return _counted_elsewhere(request, goal)
    said = f"Check-in of {format_date(check_in.day)} ({_amount(goal, check_in.value)}) deleted."
    checkins.keep_for_undo(request.session, check_in, said, deleted=True)
    check_in.delete()
    messages.info(request, said)
    celebrate_milestones(request, goal, timezone.localdate(), corrected=True)
    return redirect(_progress_url(goal))


@login_required
@require_POST
def checkin_undo(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = get_owned_or_404(Goal.objects.all(), signed_in_user(request), pk=goal_id)
    if checkins.undo(request.session, goal):
        messages.success(request, "Undone: the check-in is as it was.")
        celebrate_milestones(request, goal, timezone.localdate(), corrected=True)
    else:
        messages.info(request, "There was nothing left to undo.")
    return redirect(_progress_url(goal))
