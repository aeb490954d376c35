"""A goal's form, new or edited, with the live SMART panel beside it."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prepcoach.accounts.access import owned_by, signed_in_user
from prepcoach.coach.limits import MAX_GOAL_CHARS, too_long
from prepcoach.goals import plans
from prepcoach.goals.forms import GoalForm
from prepcoach.goals.models import Goal
from prepcoach.goals.views.common import goal_of


@login_required
def smart_check(request: HttpRequest) -> HttpResponse:
    """The live SMART panel, re-rendered as the user types (HTMX) or on demand."""
    text = request.POST.get("text", request.GET.get("text", ""))
    if problem := too_long(text, MAX_GOAL_CHARS, "goal"):  # the box holds no more (coach.limits)
        # HTMX swaps in only a 2xx answer: a 422 left the panel saying "Type your goal…" under
        # a pasted advert of 600 characters. The page's own request is answered 200, so the
        # panel says why it checks nothing; any other caller still gets the 422.
        status = 200 if request.headers.get("HX-Request") else 422
        return render(
            request, "goals/partials/smart_panel.html", {"too_long": problem}, status=status
        )
    goal = None
    if (goal_id := request.POST.get("goal_id", "")).isdigit():
        goal = owned_by(Goal.objects.all(), signed_in_user(request)).filter(pk=int(goal_id)).first()
    # While editing, the words decide the deadline, not the date saved before.
    check = plans.check(signed_in_user(request), text, timezone.localdate(), goal, saved_date=False)
    return render(request, "goals/partials/smart_panel.html", {"check": check, "text": text})


ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@login_required
def goal_new(request: HttpRequest) -> HttpResponse:
    return _goal_form(request, Goal(user=signed_in_user(request)))


@login_required
def goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    return _goal_form(request, goal_of(request, goal_id))


def _goal_form(request: HttpRequest, goal: Goal) -> HttpResponse:
    user, today = signed_in_user(request), timezone.localdate()
    is_new = goal.pk is None
    # "Make it a goal" from an improvement area arrives with the goal's words; "Use this
    # version" on a goal's page arrives with the sharper version, to review and save.
    initial: dict[str, str] = (
        {"text": request.GET.get("text", "")[:MAX_GOAL_CHARS], "area": request.GET.get("area", "")}
        if is_new
        else {"text": request.GET["text"][:MAX_GOAL_CHARS]}
        if request.GET.get("text", "").strip()
        else {}
    )
    if initial.get("text") and ISO_DAY_RE.fullmatch(request.GET.get("target_date", "")):
        initial["target_date"] = request.GET["target_date"]  # the date the version gives
    form = GoalForm(request.POST or None, instance=goal, today=today, initial=initial)
    if request.method == "POST" and form.is_valid():
        check = plans.check(
            user, form.cleaned_data["text"], today, goal if goal.pk else None, saved_date=False
        )
        goal = form.apply(check)
        goal.user = user
        goal.save()
        filed = _filed_as(goal, told=check.kind is not None) if form.kind_auto else ""
        if is_new:
            messages.success(request, f"Goal created{filed}. Next: break it into steps.")
        else:
            messages.success(request, f"Goal saved{filed}.")
        return redirect("goals:detail", goal_id=goal.pk)
    text = str(form["text"].value() or "")
    check = plans.check(user, text, today, goal if goal.pk else None, saved_date=False)
    return render(
        request, "goals/goal_form.html", {"form": form, "goal": goal, "check": check, "text": text}
    )


def _filed_as(goal: Goal, *, told: bool = True) -> str:
    """Where a suggested kind put the goal, said on saving so it is never a silent choice.
    `told`: whether the SMART check read a kind from the goal's words; a goal of fillers or in
    German was "filed under Other from its words", which prepcoach could not read."""
    kind = goal.get_kind_display().split(":")[0]
    if not told:
        return (
            f", filed under {kind}: prepcoach can't tell its kind from its words (Edit changes it)"
        )
    return f", filed under {kind} from its words (Edit changes it)"
