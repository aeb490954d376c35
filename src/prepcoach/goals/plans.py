"""Between the goals' rows and the core: build the core's inputs, never its judgements."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User, profile_read
from prepcoach.coach import planning, progress
from prepcoach.coach.availability import WeeklyAvailability
from prepcoach.coach.deadlines import DateOrder
from prepcoach.coach.progress import Outcome
from prepcoach.coach.smart import SmartCheck, SmartContext, check_goal
from prepcoach.goals import sources
from prepcoach.goals.models import CheckIn, Goal, PlanSnapshot, Step
from prepcoach.jobs.models import Opportunity


def availability_of(user: User) -> WeeklyAvailability:
    profile = profile_read(user)
    return profile.availability if profile else WeeklyAvailability()


def streak_of(user: User, today: dt.date) -> int:
    """The user's streak of days with progress, their days off (no hours on their profile)
    passed over (`progress.streak`)."""
    week = availability_of(user)
    off = () if week.is_empty else [i for i, hours in enumerate(week.hours) if hours <= 0]
    return progress.streak(active_days(user), today, off)


def active_steps(user: User) -> QuerySet[Step]:
    steps = owned_by(Step.objects.select_related("goal"), user, "goal__user")
    return steps.filter(goal__status=Goal.Status.ACTIVE, done_on__isnull=True)


def plan_step(step: Step) -> planning.PlanStep:
    return planning.PlanStep(
        id=step.pk,
        goal_id=step.goal_id,
        title=step.title,
        due=step.due_date,
        hours=float(step.estimated_hours),
        impact=step.impact,
        urgency=step.urgency,
        planned=step.planned_on,
    )


def done_steps(user: User, since: dt.date) -> QuerySet[Step]:
    """Steps done on or after a day, whatever their goal's state now."""
    steps = owned_by(Step.objects.select_related("goal"), user, "goal__user")
    return steps.filter(done_on__gte=since)


def plan_rows(user: User, done_since: dt.date) -> tuple[list[Step], list[Step]]:
    """The user's `active_steps` and their `done_steps` since a day, read in one query."""
    steps = owned_by(Step.objects.select_related("goal"), user, "goal__user").filter(
        Q(goal__status=Goal.Status.ACTIVE, done_on__isnull=True) | Q(done_on__gte=done_since)
    )
    rows = list(steps)
    return [s for s in rows if s.done_on is None], [s for s in rows if s.done_on is not None]


def plan_for(
    user: User,
    today: dt.date,
    done_since: dt.date | None = None,
    availability: WeeklyAvailability | None = None,
    active: Sequence[Step] | None = None,
    done_rows: Sequence[Step] | None = None,
) -> planning.Plan:
    """The plan from today. Steps done since `done_since` (default today) stay on the day they
    were done, their hours used there: a step ticked today does not give its hours away. A
    page that has read the user's week, their `active_steps` or those `done_steps` already
    passes them."""
    since = min(done_since or today, today)
    if active is None and done_rows is None:
        active, done_rows = plan_rows(user, since)
    steps = [plan_step(s) for s in (active_steps(user) if active is None else active)]
    rows = done_steps(user, since) if done_rows is None else done_rows
    done = [
        planning.Allocation(s.pk, s.done_on, float(s.estimated_hours))
        for s in rows
        if s.done_on is not None
    ]
    week = availability if availability is not None else availability_of(user)
    return planning.schedule(steps, week, today, done=done)


def step_state(step: Step) -> progress.StepState:
    return progress.StepState(
        step.pk, step.title, float(step.estimated_hours), step.due_date, step.done_on
    )


def smart_context(
    user: User,
    goal: Goal | None,
    today: dt.date,
    *,
    saved_date: bool = True,
    date_order: DateOrder | None = None,
    plan: planning.Plan | None = None,
) -> SmartContext:
    """What the SMART check should know: the profile, and for a saved goal its steps' hours,
    the hours free for it, and (unless the user is editing it) its saved target date. A page
    that has already made today's plan passes it, so the plan is made once per request."""
    profile = profile_read(user)
    planned = available = finish = None
    late = 0.0
    booked: tuple[tuple[dt.date, float], ...] = ()
    if goal is not None and goal.pk:
        pending = [s for s in goal.steps.all() if s.done_on is None]
        hours = [float(s.estimated_hours) for s in pending]
        if hours:
            plan = plan or plan_for(user, today)
            planned = sum(hours)
            finish = _finish_of([plan.outcomes.get(s.pk) for s in pending])
            short = plan.shortfall_of(goal.pk)
            if goal.target_date is None:
                available = planned - short
            else:
                # The hours free for it before its own deadline. A shortfall is its steps late
                # against their own due dates (an overdue step, say): told beside the verdict,
                # not as hours before the goal's deadline (a trial's month-long goal with one
                # overdue step read "you have 3 h before 31 December": planned less short).
                week = availability_of(user)
                available = planning.hours_free_for(plan, goal.pk, week, goal.target_date)
                late = short
    if available is None and profile is not None and not profile.availability.is_empty:
        # Hours counted from the week (a new goal, or one without steps): less what the plan
        # gives other goals' steps, and steps done today used.
        if plan is not None:
            booked = _booked(plan)
        else:
            # The live check asks as the user types: the plan is made once for the same steps
            # (a heavily over-committed week of 192 steps took 65 ms to plan).
            active, done_rows = plan_rows(user, today)
            booked = _booked_for(
                tuple(plan_step(s) for s in active),
                profile.availability,
                today,
                tuple(
                    planning.Allocation(s.pk, s.done_on, float(s.estimated_hours))
                    for s in done_rows
                    if s.done_on is not None
                ),
            )
    # The jobs still in play: their companies and key terms make a goal relevant too.
    jobs = Opportunity.objects.filter(user=user).exclude(stage=Opportunity.Stage.CLOSED)[:10]
    return SmartContext(
        target_role=profile.target_role if profile else "",
        industry=profile.industry if profile else "",
        job_terms=tuple(term for job in jobs for term in job.key_terms),
        company=" ".join(job.company for job in jobs),
        planned_hours=planned,
        available_hours=available,
        availability=profile.availability if profile else None,
        deadline=goal.target_date if goal is not None and saved_date else None,
        planned_finish=finish,
        late_step_hours=late,
        booked=booked,
        # How the user writes 04/12: given with the request, or their profile's setting.
        date_order=date_order or _date_order(profile.date_order if profile else ""),
    )


def _booked(plan: planning.Plan) -> tuple[tuple[dt.date, float], ...]:
    """The hours the plan gives each day: its steps' and those already done there."""
    by_day: dict[dt.date, float] = {}
    for a in (*plan.allocations, *plan.done):
        by_day[a.day] = by_day.get(a.day, 0.0) + max(a.hours, 0.0)
    return tuple(sorted(by_day.items()))


@functools.lru_cache(maxsize=256)
def _booked_for(
    steps: tuple[planning.PlanStep, ...],
    week: WeeklyAvailability,
    today: dt.date,
    done: tuple[planning.Allocation, ...],
) -> tuple[tuple[dt.date, float], ...]:
    """`_booked` of the plan these make (`planning.schedule` is a pure function of them)."""
    return _booked(planning.schedule(steps, week, today, done=done))


def _finish_of(outcomes: list[planning.StepOutcome | None]) -> dt.date | None:
    """The day the plan finishes all these steps (None if one is beyond its horizon)."""
    days = [o.finish if o is not None else None for o in outcomes]
    return None if not days or None in days else max(d for d in days if d is not None)


def _date_order(value: str) -> DateOrder | None:
    return "DMY" if value == "DMY" else "MDY" if value == "MDY" else None


def check(
    user: User,
    text: str,
    today: dt.date,
    goal: Goal | None = None,
    *,
    saved_date: bool = True,
    date_order: DateOrder | None = None,
    plan: planning.Plan | None = None,
) -> SmartCheck:
    context = smart_context(
        user, goal, today, saved_date=saved_date, date_order=date_order, plan=plan
    )
    return _checked(text, today, context)


# The check is a pure function of the words, the day and the context: a goal's page shown again
# (or the live check sent the same words) reuses it instead of running the models again.
@functools.lru_cache(maxsize=512)
def _checked(text: str, today: dt.date, context: SmartContext) -> SmartCheck:
    return check_goal(text, today=today, context=context)


@dataclass(frozen=True)
class GoalView:
    """A goal with what its pages show about it."""

    goal: Goal
    progress: progress.Progress
    shortfall: float
    outcome: Outcome | None = None  # how it ended, once reached or dropped


def progress_of(goal: Goal, today: dt.date) -> progress.Progress:
    return progress_with(goal, today, sources.count_for(goal))


def progress_with(goal: Goal, today: dt.date, counted: sources.Counted | None) -> progress.Progress:
    """`progress_of` with the goal's counted figure (`sources.count_for`) already read, so a
    page reads it once, or once for all its goals (`sources.counts_for`)."""
    # In the order they were logged: the core takes the last one of a day as the day's.
    check_ins = [
        progress.CheckIn(c.day, float(c.value))
        for c in sorted(goal.check_ins.all(), key=lambda c: (c.day, c.created_at))
        if c.value is not None
    ]
    steps = [step_state(s) for s in goal.steps.all()]
    return _progress(goal, today, steps, check_ins, counted)


def _progress(
    goal: Goal,
    today: dt.date,
    steps: list[progress.StepState],
    check_ins: list[progress.CheckIn],
    counted: sources.Counted | None,
) -> progress.Progress:
    target = float(goal.target_value) if goal.target_value is not None else None
    if counted is not None:
        # Counted where the things are: today's figure is that count, whatever was logged.
        check_ins = [*check_ins, progress.CheckIn(today, float(counted.value))]
        target = float(counted.target)
    found = progress.goal_progress(
        start=goal.start_date,
        deadline=goal.target_date,
        today=today,
        steps=steps,
        check_ins=check_ins,
        target=target,
        unit=goal.unit,
    )
    # A reached or dropped goal has no pace to keep: no ideal line on any face.
    return found if goal.status == Goal.Status.ACTIVE else progress.without_pace(found)


def outcome_of(
    goal: Goal, found: progress.Progress, zone: dt.tzinfo | None = None
) -> Outcome | None:
    """How a finished goal ended, with its last measured progress; None while it is active.
    `zone`: the owner's clock, for the day it was closed, where the page or mail is not theirs
    (a partner's page, the weekly mail the worker sends); else the request's."""
    if goal.status == Goal.Status.ACTIVE:
        return None
    closed_on = (
        timezone.localtime(goal.closed_at, zone).date() if goal.closed_at else goal.completed_on
    )
    return progress.closed(found, reached=goal.status == Goal.Status.DONE, closed_on=closed_on)


def progresses(goals: Sequence[Goal], today: dt.date) -> dict[int, progress.Progress]:
    """`progress_of` of many goals, by goal id, in three queries however many goals and rows
    there are: their steps and check-ins are read as plain values, not as rows."""
    ids = [g.pk for g in goals]
    steps: dict[int, list[progress.StepState]] = {pk: [] for pk in ids}
    fields = ("goal_id", "pk", "title", "estimated_hours", "due_date", "done_on")
    for goal_id, pk, title, hours, due, done in (
        Step.objects.filter(goal_id__in=ids).order_by("due_date", "pk").values_list(*fields)
    ):
        steps[goal_id].append(progress.StepState(pk, title, float(hours), due, done))
    check_ins: dict[int, list[progress.CheckIn]] = {pk: [] for pk in ids}
    logged = CheckIn.objects.filter(goal_id__in=ids).order_by("day", "created_at")
    for goal_id, day, value in logged.values_list("goal_id", "day", "value"):
        if value is not None:  # in the order logged: the core takes a day's last as the day's
            check_ins[goal_id].append(progress.CheckIn(day, float(value)))
    counted = sources.counts_for(goals)
    return {
        g.pk: _progress(g, today, steps[g.pk], check_ins[g.pk], counted.get(g.pk)) for g in goals
    }


def goal_views(
    goals: QuerySet[Goal] | Sequence[Goal], today: dt.date, plan: planning.Plan
) -> list[GoalView]:
    """Each goal with its progress: a fixed number of queries however many goals there are."""
    rows = list(goals)
    found = progresses(rows, today)
    return [
        GoalView(g, found[g.pk], plan.shortfall_of(g.pk), outcome_of(g, found[g.pk])) for g in rows
    ]


def active_days(user: User) -> list[dt.date]:
    """Days with some progress: a step ticked off or a check-in logged (each day once, in one
    query)."""
    done = owned_by(Step.objects.all(), user, "goal__user").filter(done_on__isnull=False)
    checked = owned_by(CheckIn.objects.all(), user, "goal__user")
    days = (
        done.order_by()
        .values_list("done_on", flat=True)
        .union(checked.order_by().values_list("day", flat=True))
        .order_by()
    )
    return [day for day in days if day is not None]


def _encode(finishes: dict[Hashable, dt.date | None]) -> dict[str, str | None]:
    return {str(k): v.isoformat() if v else None for k, v in finishes.items()}


def _decode(stored: dict[str, str | None]) -> dict[Hashable, dt.date | None]:
    return {int(k): dt.date.fromisoformat(v) if v else None for k, v in stored.items()}


def remember(user: User, today: dt.date, plan: planning.Plan) -> None:
    PlanSnapshot.objects.update_or_create(
        user=user, defaults={"taken_on": today, "finishes": _encode(plan.finishes)}
    )


@dataclass(frozen=True)
class Replan:
    since: dt.date
    moves: list[planning.Move]


def changes_since_last_look(user: User, today: dt.date, plan: planning.Plan) -> Replan | None:
    """What moved in the plan since the plan the user last saw (remembered on an earlier day).
    Only reads: a page shown is no change. The plan seen is remembered where something
    changes: a step added, edited or deleted (`remember` after the change), or the user
    saying they have seen the moves (`seen`)."""
    snapshot = PlanSnapshot.objects.filter(user=user).first()
    if snapshot and snapshot.taken_on < today:
        moved = planning.moves(_decode(snapshot.finishes), plan.finishes)
        if moved:
            return Replan(snapshot.taken_on, moved)
    return None


def seen(user: User, today: dt.date) -> None:
    """The user has seen today's plan and what moved in it: remember it as the one seen."""
    remember(user, today, plan_for(user, today))


@dataclass(frozen=True)
class Summary:
    """What the dashboard shows of the plan."""

    active_goals: int
    due_soon: list[Step]
    short_hours: float
    streak: int
    overdue: frozenset[int] = frozenset()  # the ids of `due_soon`'s steps past their due date


def summary(
    user: User,
    today: dt.date,
    active: Sequence[Step] | None = None,
    done_today: Sequence[Step] | None = None,
    active_goals: int | None = None,
    plan: planning.Plan | None = None,
) -> Summary:
    """`active` and `done_today`: the user's `plan_rows` from today, `active_goals` their
    number of active goals, and `plan` today's plan made from those rows, when the caller has
    them."""
    if active is None or done_today is None:
        active, done_today = plan_rows(user, today)
    steps = active
    plan = plan or plan_for(user, today, active=steps, done_rows=done_today)
    soon = [s for s in steps if s.due_date < today + dt.timedelta(days=7)][:5]  # by due date
    return Summary(
        active_goals=active_goals
        if active_goals is not None
        else owned_by(Goal.objects.all(), user).filter(status=Goal.Status.ACTIVE).count(),
        due_soon=soon,
        short_hours=round(sum(s.hours for s in plan.shortfalls), 2),
        streak=streak_of(user, today),
        overdue=frozenset(s.pk for s in soon if s.due_date < today),
    )
