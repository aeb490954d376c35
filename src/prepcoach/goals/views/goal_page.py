"""A goal's page (`/plan/goals/<id>/`) and the forms posted from it: its status, a check-in,
a milestone; and splitting some of its open steps into a goal of their own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.coach import planning
from prepcoach.coach.improvement import measured_from
from prepcoach.goals import checkin_views, checkins, plans, sources
from prepcoach.goals.charts import progress_chart
from prepcoach.goals.forms import CheckInForm, MilestoneForm, SplitForm, StepForm
from prepcoach.goals.models import Goal, Milestone, Step
from prepcoach.goals.views.common import celebrate_milestones, goal_of
from prepcoach.practice.measured import AUTO_NOTE, DEBRIEF_NOTE, DRILL_NOTE, REVIEW_NOTE

MEASURED_NOTES = (AUTO_NOTE, DRILL_NOTE, DEBRIEF_NOTE, REVIEW_NOTE)


@login_required
def detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    # Its steps, check-ins and milestones read once for the progress, the SMART check and the page.
    rows = Goal.objects.prefetch_related("steps", "check_ins", "milestones")
    goal = get_owned_or_404(rows, signed_in_user(request), pk=goal_id)
    undo = checkins.undo_offer(request.session, goal)
    return render(request, "goals/detail.html", detail_context(request, goal, undo=undo))


def detail_context(request: HttpRequest, goal: Goal, **extra: object) -> dict[str, object]:
    user, today = signed_in_user(request), timezone.localdate()
    plan = plans.plan_for(user, today)
    counted = sources.count_for(goal)
    progress = plans.progress_with(goal, today, counted)
    steps = list(goal.steps.all())
    pending = [plans.plan_step(s) for s in steps if s.done_on is None]
    ranked = {step.id: prio for step, prio in planning.order(pending, today)}
    return {
        "goal": goal,
        "check": (
            plans.check(user, goal.text, today, goal, plan=plan)
            if goal.status == Goal.Status.ACTIVE
            else None  # a finished goal shows how it ended, not fixes to its wording
        ),
        "progress": progress,
        "outcome": plans.outcome_of(goal, progress),
        "chart": progress_chart(progress, goal.start_date, goal.target_date, today),
        "steps": sorted(
            steps,
            key=lambda s: (
                s.done_on is not None,
                -(ranked[s.pk].score if s.pk in ranked else 0),
                s.due_date,
            ),
        ),
        "priorities": ranked,
        "outcomes": plan.outcomes,
        "shortfall": plan.shortfall_of(goal.pk),
        "step_form": extra.pop("step_form", None)
        or StepForm(initial={"due_date": goal.target_date}),
        "checkin_form": extra.pop("checkin_form", None) or CheckInForm(goal=goal),
        "milestone_form": extra.pop("milestone_form", None) or MilestoneForm(),
        "check_ins": (check_ins := goal.check_ins.all()[:10]),
        "counted": counted,
        "measured_from": measured_from(goal.area) if goal.target_value is not None else "",
        # prepcoach's own check-ins: the next count replaces a correction, so none is offered.
        "logged_by_prepcoach": {c.pk for c in check_ins if c.note.startswith(MEASURED_NOTES)},
        "milestones": goal.milestones.all(),
        # What partners said about it, which the owner saw only on each partner's page: the
        # comments of the partnerships the owner made (their own goal, so theirs to read).
        "partner_comments": owned_by(
            # the author's profile names them (one query, not one a comment: a review)
            goal.partner_comments.select_related("author__profile", "partnership"),
            user,
            "partnership__owner",
        ).order_by("created_at", "pk"),
        **extra,
    }


@login_required
@require_POST
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = goal_of(request, goal_id)
    status = request.POST.get("status", "")
    if status not in Goal.Status.values:
        messages.error(request, "Unknown status.")
        return redirect(goal)
    goal.status = status
    goal.completed_on = timezone.localdate() if status == Goal.Status.DONE else None
    goal.closed_at = None if status == Goal.Status.ACTIVE else timezone.now()
    goal.save(update_fields=["status", "completed_on", "closed_at", "updated_at"])
    if status == Goal.Status.DONE:
        messages.success(request, f"Goal reached: “{goal.text}”. It is in your wins log.")
    else:
        messages.info(request, f"Goal marked {goal.get_status_display().lower()}.")
    return redirect("goals:detail", goal_id=goal.pk)


@login_required
@require_POST
def checkin_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = goal_of(request, goal_id)
    if (counted := sources.count_for(goal)) is not None:
        messages.error(request, f"This goal counts what is on {counted.where}: add or correct "
                       "them there, and the goal follows.")  # fmt: skip
        return redirect(reverse("goals:detail", args=[goal.pk]) + "#progress")
    form = CheckInForm(request.POST, goal=goal, instance=None)
    if not form.is_valid():
        return render(
            request,
            "goals/detail.html",
            detail_context(request, goal, checkin_form=form),
            status=422,
        )
    checkin_views.record(request, goal, form)
    celebrate_milestones(request, goal, timezone.localdate())
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#progress")


@login_required
@require_POST
def milestone_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = goal_of(request, goal_id)
    form = MilestoneForm(request.POST, instance=Milestone(goal=goal))
    if not form.is_valid():
        return render(
            request,
            "goals/detail.html",
            detail_context(request, goal, milestone_form=form),
            status=422,
        )
    form.save()
    celebrate_milestones(request, goal, timezone.localdate())
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#milestones")


@login_required
def goal_split(request: HttpRequest, goal_id: int) -> HttpResponse:
    """Move some of a goal's open steps into a new goal of their own."""
    goal = goal_of(request, goal_id)
    open_steps = list(goal.steps.filter(done_on__isnull=True))
    form = SplitForm(request.POST or None, steps=open_steps)
    if request.method == "POST" and form.is_valid():
        chosen = [s for s in open_steps if str(s.pk) in form.cleaned_data["steps"]]
        with transaction.atomic():
            part = Goal.objects.create(
                user=goal.user, text=form.cleaned_data["text"], kind=goal.kind, why=goal.why,
                # The user's kind stays theirs; one read from the goal's words is not this one's.
                kind_suggested=False if goal.kind_suggested is False else None,
                target_date=max(s.due_date for s in chosen), start_date=timezone.localdate(),
            )  # fmt: skip
            Step.objects.filter(pk__in=[s.pk for s in chosen]).update(goal=part)
        messages.success(
            request, f"Split: {len(chosen)} step{'s' * (len(chosen) != 1)} moved to “{part.text}”."
        )
        return redirect("goals:detail", goal_id=part.pk)
    return render(request, "goals/split.html", {"goal": goal, "form": form})
