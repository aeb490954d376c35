"""Plan: goals, their steps and check-ins, the week, the weekly review, calendar and reminders."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.accounts.mailstop import stop_view
from prepcoach.accounts.models import User
from prepcoach.coach import planning
from prepcoach.coach.limits import MAX_GOAL_CHARS, too_long
from prepcoach.coach.network import follow_ups_due
from prepcoach.coach.progress import MilestoneState, newly_reached, streak, weekly_review
from prepcoach.goals import checkin_views, checkins, plans, sources
from prepcoach.goals.charts import progress_chart
from prepcoach.goals.forms import (
    CheckInForm,
    GoalForm,
    MilestoneForm,
    PlaceForm,
    SplitForm,
    StepForm,
)
from prepcoach.goals.models import (
    REMINDERS_STOP_SALT,
    Goal,
    Milestone,
    ReminderSettings,
    Step,
)
from prepcoach.jobs import schedule
from prepcoach.network import plans as network_plans

FINISHED_PAGE = 5  # finished and dropped goals shown a page at a time on the plan, latest first


def _goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_owned_or_404(Goal.objects.all(), signed_in_user(request), pk=goal_id)


def _step(request: HttpRequest, step_id: int) -> Step:
    return get_owned_or_404(
        Step.objects.select_related("goal"), signed_in_user(request), "goal__user", pk=step_id
    )


def _seen(request: HttpRequest) -> HttpResponse | None:
    """The "Got it" under what moved in the plan (a POST: a GET never writes): remember the plan
    as seen, and back to the page it was said on."""
    if request.method != "POST" or "seen" not in request.POST:
        return None
    plans.seen(signed_in_user(request), timezone.localdate())
    return redirect(request.get_full_path())


def _page_number(raw: str | None) -> int | str | None:
    """The page asked for, a number below 1 read as the first (Django's `get_page` shows the
    last page for them, as for one past the end); anything else as given."""
    try:
        return max(1, int(raw or ""))
    except ValueError:
        return raw


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if response := _seen(request):
        return response
    user, today = signed_in_user(request), timezone.localdate()
    week = plans.availability_of(user)
    plan = plans.plan_for(user, today, availability=week)
    goals = owned_by(Goal.objects.all(), user)
    # Finished goals pile up without bound: the latest a page at a time, the older a link away.
    finished = Paginator(
        goals.exclude(status=Goal.Status.ACTIVE).order_by(
            F("closed_at").desc(nulls_last=True), "-updated_at", "-pk"
        ),
        FINISHED_PAGE,
    ).get_page(_page_number(request.GET.get("finished")))
    active = list(goals.filter(status=Goal.Status.ACTIVE))
    views = plans.goal_views([*active, *finished.object_list], today, plan)
    replan = plans.changes_since_last_look(user, today, plan)
    return render(
        request,
        "goals/index.html",
        {
            "active": views[: len(active)],
            "finished": views[len(active) :],
            "finished_page": finished,
            "plan": plan,
            "short_goals": {v.goal.pk: v.goal for v in views if plan.shortfall_of(v.goal.pk)},
            "streak": streak(plans.active_days(user), today),
            "no_hours": week.is_empty,
            "replan": _describe(replan),
        },
    )


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
    return _goal_form(request, _goal(request, goal_id))


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


@login_required
def detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    # Its steps, check-ins and milestones read once for the progress, the SMART check and the page.
    rows = Goal.objects.prefetch_related("steps", "check_ins", "milestones")
    goal = get_owned_or_404(rows, signed_in_user(request), pk=goal_id)
    undo = checkins.undo_offer(request.session, goal)
    return render(request, "goals/detail.html", _detail_context(request, goal, undo=undo))


def _detail_context(request: HttpRequest, goal: Goal, **extra: object) -> dict[str, object]:
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
        "check_ins": goal.check_ins.all()[:10],
        "counted": counted,
        "milestones": goal.milestones.all(),
        **extra,
    }


@login_required
@require_POST
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal(request, goal_id)
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
def step_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal(request, goal_id)
    form = StepForm(request.POST, instance=Step(goal=goal))
    if not form.is_valid():
        return render(
            request, "goals/detail.html", _detail_context(request, goal, step_form=form), status=422
        )
    before = plans.plan_for(signed_in_user(request), timezone.localdate())
    form.save()
    _report_moves(request, before, exclude=form.instance.pk)
    messages.success(request, f"Step “{form.instance.title}” added and scheduled.")
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#steps")


@login_required
def step_edit(request: HttpRequest, step_id: int) -> HttpResponse:
    step = _step(request, step_id)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        before = plans.plan_for(signed_in_user(request), timezone.localdate())
        form.save()
        _report_moves(request, before)
        messages.success(request, f"Step “{step.title}” saved.")
        return redirect(reverse("goals:detail", args=[step.goal_id]) + "#steps")
    return render(request, "goals/step_form.html", {"form": form, "step": step, "goal": step.goal})


@login_required
@require_POST
def step_toggle(request: HttpRequest, step_id: int) -> HttpResponse:
    step = _step(request, step_id)
    today = timezone.localdate()
    on_week = request.POST.get("view") == "week"
    shown = _days_shown(request, step, today) if on_week else {}
    step.done_on = None if step.done_on else today
    step.save(update_fields=["done_on"])
    if step.done_on:
        _celebrate_milestones(request, step.goal, today)
    if on_week:  # the blocks on the page: where the step was, or is again after an undo
        return _week_step(request, step, shown, _days_shown(request, step, today))
    if request.headers.get("HX-Request"):
        context = _detail_context(request, step.goal)
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
    step = _step(request, step_id)
    today = timezone.localdate()
    form = PlaceForm(request.POST, today=today)
    unplace = "unplace" in request.POST
    if not unplace and not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("planned_on", [])))
        return redirect("goals:week")
    before = plans.plan_for(signed_in_user(request), today)
    step.planned_on = None if unplace else form.cleaned_data["planned_on"]
    step.save(update_fields=["planned_on"])
    _report_moves(request, before, exclude=step.pk)
    if step.planned_on is None:
        messages.success(request, f"“{step.title}” is placed by prepcoach again.")
        return redirect("goals:week")
    messages.success(request, f"“{step.title}” moved to {step.planned_on:%A %-d %b}; "
                     f"still due {step.due_date:%a %-d %b}.")  # fmt: skip
    return redirect(reverse("goals:week") + f"?start={step.planned_on.isoformat()}")


@login_required
@require_POST
def step_delete(request: HttpRequest, step_id: int) -> HttpResponse:
    step = _step(request, step_id)
    before = plans.plan_for(signed_in_user(request), timezone.localdate())
    goal_id, title = step.goal_id, step.title
    step.delete()
    _report_moves(request, before)
    messages.info(request, f"Step “{title}” deleted.")
    return redirect(reverse("goals:detail", args=[goal_id]) + "#steps")


@login_required
@require_POST
def checkin_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal(request, goal_id)
    if (counted := sources.count_for(goal)) is not None:
        messages.error(request, f"This goal counts what is on {counted.where}: add or correct "
                       "them there, and the goal follows.")  # fmt: skip
        return redirect(reverse("goals:detail", args=[goal.pk]) + "#progress")
    form = CheckInForm(request.POST, goal=goal, instance=None)
    if not form.is_valid():
        return render(
            request,
            "goals/detail.html",
            _detail_context(request, goal, checkin_form=form),
            status=422,
        )
    checkin_views.record(request, goal, form)
    _celebrate_milestones(request, goal, timezone.localdate())
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#progress")


@login_required
@require_POST
def milestone_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal(request, goal_id)
    form = MilestoneForm(request.POST, instance=Milestone(goal=goal))
    if not form.is_valid():
        return render(
            request,
            "goals/detail.html",
            _detail_context(request, goal, milestone_form=form),
            status=422,
        )
    form.save()
    _celebrate_milestones(request, goal, timezone.localdate())
    return redirect(reverse("goals:detail", args=[goal.pk]) + "#milestones")


def _celebrate_milestones(request: HttpRequest, goal: Goal, today: dt.date) -> None:
    percent = plans.progress_of(goal, today).percent
    states = [
        MilestoneState(m.pk, m.title, m.threshold, m.reached_on) for m in goal.milestones.all()
    ]
    reached = newly_reached(states, percent)
    if reached:
        Milestone.objects.filter(pk__in=[m.id for m in reached]).update(reached_on=today)
        for milestone in reached:
            messages.success(
                request, f"Milestone reached: {milestone.title}!", extra_tags="celebrate"
            )


def _report_moves(request: HttpRequest, before: planning.Plan, exclude: object = None) -> None:
    """After a change to the plan, say which other steps moved and where to."""
    after = plans.plan_for(signed_in_user(request), timezone.localdate())
    plans.remember(signed_in_user(request), timezone.localdate(), after)
    moved = [m for m in planning.moves(before.finishes, after.finishes) if m.step_id != exclude]
    if not moved:
        return
    parts = [
        f"“{title}” now finishes {now} instead of {was}"
        for title, was, now, _ in _titled(moved[:5])
    ]
    more = f"; and {len(moved) - 5} more" if len(moved) > 5 else ""
    messages.info(request, "To fit your week, the plan moved: " + "; ".join(parts) + more + ".")


def _describe(replan: plans.Replan | None) -> dict[str, object] | None:
    """The moves since the user's last look, with step titles, for the page."""
    if replan is None:
        return None
    return {"since": replan.since, "moves": _titled(replan.moves)}


def _titled(moved: list[planning.Move]) -> list[tuple[str, str, str, bool]]:
    ids: list[Any] = [m.step_id for m in moved]
    titles: dict[Any, str] = dict(Step.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [
        (titles.get(m.step_id, "a step"), _when(m.before), _when(m.after), m.later) for m in moved
    ]


def _when(day: dt.date | None) -> str:
    return f"{day:%a %-d %b}" if day else "after the weeks your plan covers"


WEEK_RANGE_DAYS = 3 * 366  # weeks further away are not plans; the page shows this week instead


@login_required
def week(request: HttpRequest) -> HttpResponse:
    if response := _seen(request):
        return response
    user, today = signed_in_user(request), timezone.localdate()
    try:
        start = dt.date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        start = today
    if abs((start - today).days) > WEEK_RANGE_DAYS:
        start = today
    start -= dt.timedelta(days=start.weekday())
    # Each read once, for the plan and the page: the steps ahead, those done this week, the
    # follow-ups (this week's and, for this week, the overdue).
    active = list(plans.active_steps(user))
    done_rows = list(plans.done_steps(user, min(start, today)))
    availability = plans.availability_of(user)
    plan = plans.plan_for(user, today, availability=availability, active=active,
                          done_rows=done_rows)  # fmt: skip
    steps = {s.pk: s for s in active}
    done = {s.pk: s for s in done_rows}
    every_follow_up = network_plans.follow_ups(user)
    end = start + dt.timedelta(days=7)
    follow_ups = [f for f in every_follow_up if start <= f.due < end]
    zone = timezone.get_current_timezone()
    interviews = schedule.between(user, start, start + dt.timedelta(days=7), zone)
    days = [
        {
            "day": day,
            "follow_ups": [f for f in follow_ups if f.due == day],
            "interviews": [i for i in interviews if i.starts_at.astimezone(zone).date() == day],
            "hours": availability.on(day),
            "items": [(done[a.step_id], a.hours) for a in plan.done_on(day) if a.step_id in done]
            + [(steps[a.step_id], a.hours) for a in allocations if a.step_id in steps],
            "used": sum(a.hours for a in allocations + plan.done_on(day)),
            "is_today": day == today,
            "is_past": day < today,
        }
        for day, allocations in plan.week_of(start).items()
    ]
    short_ids: list[Any] = [s.goal_id for s in plan.shortfalls]
    goals = {g.pk: g for g in owned_by(Goal.objects.all(), user).filter(pk__in=short_ids)}
    this_week = start <= today < start + dt.timedelta(days=7)
    replan = plans.changes_since_last_look(user, today, plan) if this_week else None
    return render(
        request,
        "goals/week.html",
        {
            "days": days,
            "start": start,
            "previous": start - dt.timedelta(days=7),
            "next": start + dt.timedelta(days=7),
            "shortfalls": [(goals[s.goal_id], s) for s in plan.shortfalls if s.goal_id in goals],
            "no_hours": availability.is_empty,
            "late": {sid: o for sid, o in plan.outcomes.items() if not o.on_time},
            "replan": _describe(replan),
            "overdue_follow_ups": (
                follow_ups_due(every_follow_up, today, 1).overdue if this_week else ()
            ),
        },
    )


@login_required
def review(request: HttpRequest) -> HttpResponse:
    user, today = signed_in_user(request), timezone.localdate()
    plan = plans.plan_for(user, today)
    active = owned_by(Goal.objects.all(), user).filter(status=Goal.Status.ACTIVE)
    steps = Step.objects.filter(goal__in=active)
    short = sum(s.hours for s in plan.shortfalls)
    return render(
        request,
        "goals/review.html",
        {
            "review": weekly_review([plans.step_state(s) for s in steps], today, short),
            "goals": active,
            "wins": _wins(user),
            "streak": streak(plans.active_days(user), today),
        },
    )


def _wins(user: User) -> list[tuple[dt.date, str]]:
    goals = owned_by(Goal.objects.all(), user)
    milestones = Milestone.objects.filter(goal__in=goals, reached_on__isnull=False)
    done = goals.filter(status=Goal.Status.DONE, completed_on__isnull=False)
    wins = [
        (m.reached_on, f"Milestone “{m.title}” on “{m.goal.text}”")
        for m in milestones.select_related("goal")
        if m.reached_on
    ]
    wins += [(g.completed_on, f"Goal reached: “{g.text}”") for g in done if g.completed_on]
    return sorted(wins, reverse=True)


@login_required
def goal_split(request: HttpRequest, goal_id: int) -> HttpResponse:
    """Move some of a goal's open steps into a new goal of their own."""
    goal = _goal(request, goal_id)
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


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def reminders_stop(request: HttpRequest, signed: str) -> HttpResponse:
    """One click from the reminder mail, no sign-in: reminders off, and nothing else."""

    def turn_off(reminders: ReminderSettings) -> None:
        ReminderSettings.objects.filter(pk=reminders.pk).update(
            frequency=ReminderSettings.Frequency.OFF
        )

    return stop_view(
        request, signed, salt=REMINDERS_STOP_SALT, turn_off=turn_off,
        find=lambda user_id: ReminderSettings.objects.filter(user_id=user_id).first(),
        words={"what": "reminder mails", "question": "Stop the reminder mails?",
               "done_text": "You will get no more mails about due steps and follow-ups. They "
               "still show in your plan and your calendar feed.",
               "settings_text": "You can change reminders on the calendar page after signing "
               "in."},
    )  # fmt: skip
