"""A goal's steps: added on its page, edited on their own, ticked and moved on the week, deleted;
each change to the plan says which other steps it moved."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import signed_in_user
from prepcoach.goals import plans
from prepcoach.goals.forms import PlaceForm, StepForm
from prepcoach.goals.models import Step
from prepcoach.goals.views.common import celebrate_milestones, goal_of, report_moves, step_of
from prepcoach.goals.views.goal_page import detail_context


@login_required
@require_POST
def step_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = goal_of(request, goal_id)
    form = StepForm(request.POST, instance=Step(goal=goal))
    if not form.is_valid():
        return render(
            request, "goals/detail.html", detail_context(request, goal, step_form=form), status=422
        )
    before = plans.plan_for(signed_in_user(request), timezone.localdate())
    form.save()
    report_moves(request, before, exclude=form.instance.pk)
    messages.success(request, f"Step “{form.instance.title}” added and scheduled.")
    # Goals measured by their steps' hours: more hours, a smaller share done.
    celebrate_milestones(request, goal, timezone.localdate())
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#steps")


@login_required
def step_edit(request: HttpRequest, step_id: int) -> HttpResponse:
    step = step_of(request, step_id)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        before = plans.plan_for(signed_in_user(request), timezone.localdate())
        form.save()
        report_moves(request, before)
        messages.success(request, f"Step “{step.title}” saved.")
        celebrate_milestones(request, step.goal, timezone.localdate())
        return redirect(reverse("goals:detail", args=[step.goal_id]) + "#steps")
    return render(request, "goals/step_form.html", {"form": form, "step": step, "goal": step.goal})


@login_required
@require_POST
def step_toggle(request: HttpRequest, step_id: int) -> HttpResponse:
    step = step_of(request, step_id)
    today = timezone.localdate()
    on_week = request.POST.get("view") == "week"
    shown = _days_shown(request, step, today) if on_week else {}
    step.done_on = None if step.done_on else today
    step.save(update_fields=["done_on"])
    # Unticked, the progress may no longer hold a milestone it reached: a correction.
    celebrate_milestones(request, step.goal, today, corrected=step.done_on is None)
    if on_week:  # the blocks on the page: where the step was, or is again after an undo
        return _week_step(request, step, shown, _days_shown(request, step, today))
    if request.headers.get("HX-Request"):
        context = detail_context(request, step.goal)
        return render(request, "goals/partials/goal_live.html", context)
    return redirect(reverse("goals:detail", args=[step.goal_id]) + "#steps")


def _posted_day(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        return timezone.localdate()


def _days_shown(request: HttpRequest, step: Step, today: dt.date) -> dict[dt.date, float]:
    """The days of the posted day's week that show a block of this step, with its hours."""
    start = _posted_day(request)
    start -= dt.timedelta(days=start.weekday())
    plan = plans.plan_for(signed_in_user(request), today, done_since=start)
    end = start + dt.timedelta(days=7)
    return {
        a.day: a.hours
        for a in plan.allocations + plan.done
        if a.step_id == step.pk and start <= a.day < end
    }


def _week_step(
    request: HttpRequest, step: Step, shown: dict[dt.date, float], now: dict[dt.date, float]
) -> HttpResponse:
    """Ticked from the week: its block again (HTMX), with the step's blocks on the week's other
    days out of band so they agree, or back to that week. `shown` are the days whose blocks
    the page showed before the tick (replaced), `now` those the plan has since (a day new to
    it, today for a step ticked done on a later day, gets a block added to its list)."""
    day = _posted_day(request)
    if not request.headers.get("HX-Request"):
        return redirect(reverse("goals:week") + f"?start={day.isoformat()}")
    try:
        hours = float(request.POST.get("hours", ""))
    except ValueError:
        hours = float(step.estimated_hours)
    days = now | shown  # a block the page shows keeps its hours
    others = [(other, h, other in shown) for other, h in sorted(days.items()) if other != day]
    context = {"step": step, "day": day, "hours": hours, "late": False, "others": others}
    return render(request, "goals/partials/week_step_ticked.html", context)


@login_required
@require_POST
def step_place(request: HttpRequest, step_id: int) -> HttpResponse:
    """Moved on the week: the step is worked on that day (`coach.planning.pinned_day`), on the
    week and on the dashboard's today alike; its due date stays as it was."""
    step = step_of(request, step_id)
    today = timezone.localdate()
    form = PlaceForm(request.POST, today=today)
    unplace = "unplace" in request.POST
    if not unplace and not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("planned_on", [])))
        return redirect("goals:week")
    before = plans.plan_for(signed_in_user(request), today)
    step.planned_on = None if unplace else form.cleaned_data["planned_on"]
    step.save(update_fields=["planned_on"])
    report_moves(request, before, exclude=step.pk)
    if step.planned_on is None:
        messages.success(request, f"“{step.title}” is placed by prepcoach again.")
        return redirect("goals:week")
    messages.success(request, f"“{step.title}” moved to {step.planned_on:%A %-d %b}; "
                     f"still due {step.due_date:%a %-d %b}.")  # fmt: skip
    return redirect(reverse("goals:week") + f"?start={step.planned_on.isoformat()}")


@login_required
@require_POST
def step_delete(request: HttpRequest, step_id: int) -> HttpResponse:
    step = step_of(request, step_id)
    before = plans.plan_for(signed_in_user(request), timezone.localdate())
    goal, title = step.goal, step.title
    step.delete()
    report_moves(request, before)
    messages.info(request, f"Step “{title}” deleted.")
    celebrate_milestones(request, goal, timezone.localdate(), corrected=True)
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#steps")
