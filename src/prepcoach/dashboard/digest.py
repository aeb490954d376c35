"""The rows behind what to do today (the dashboard) and the digest (its page and its mail),
gathered for one user for `coach.digest`, which chooses and orders them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import digest as core
from prepcoach.coach import planning
from prepcoach.coach.improvement import Area
from prepcoach.coach.shorten import as_label, shorten
from prepcoach.goals import plans
from prepcoach.goals.models import Goal, Step
from prepcoach.interviews.plans import Owed, debriefs_owed
from prepcoach.jobs import schedule
from prepcoach.practice.evidence import areas_of
from prepcoach.practice.models import DrillCard
from prepcoach.reading.digest import Digest as Reading
from prepcoach.reading.digest import digest_for
from prepcoach.reading.models import DigestSettings


def _steps(
    user: User,
    steps: Sequence[Step] | None = None,
    plan: planning.Plan | None = None,
    goal_chars: int | None = None,
) -> list[core.StepFacts]:
    """The steps, with their hours on today in `plan` (the week's today column), if given.
    Each names its goal as a label ("Goal · due today", never "Goal. · due today"), shortened
    to `goal_chars` at a clause if given (`shorten`): the goal's page, where the step links,
    holds it whole."""
    today: dict[Hashable, float] = defaultdict(float)
    for placed in plan.on(plan.start) if plan is not None else ():
        today[placed.step_id] += placed.hours
    return [
        core.StepFacts(s.title, reverse("goals:detail", args=[s.goal_id]) + "#steps",
                       s.due_date, _goal_label(s.goal.text, goal_chars), s.planned_on,
                       today[s.pk])
        for s in (plans.active_steps(user) if steps is None else steps)
    ]  # fmt: skip


def _goal_label(text: str, chars: int | None) -> str:
    return as_label(shorten(text, chars) if chars is not None else text)


# The today list's notes, shortened at a clause (`shorten`) where the page cut the whole note at
# 110 characters: a step's goal (its "· due today" after it is kept whole) and the first area's
# rule. Where each line links holds the whole text.
TODAY_GOAL_CHARS = 80
TODAY_AREA_CHARS = 110


def _area_url(key: str) -> str:
    return reverse("practice:areas") + f"#area-{key}"


@dataclass(frozen=True)
class TodayRows:
    """The rows what to do today is made from, read once: the dashboard shows the debriefs
    owed, the countdown, the plan's steps and the drills due from these same rows."""

    owed: list[Owed]
    upcoming: schedule.Upcoming | None
    steps: list[Step]  # the active steps, with their goals
    due: int  # drill cards due now
    done_today: list[Step]  # the steps done today, whose hours the plan keeps there


def today_rows(user: User, now: dt.datetime) -> TodayRows:
    """`now` on the user's clock."""
    active, done_today = plans.plan_rows(user, now.date())  # one query for both
    return TodayRows(
        owed=debriefs_owed(user, now),
        upcoming=schedule.next_interview(user, now),
        steps=active,
        due=owned_by(DrillCard.objects.all(), user).filter(due__lte=timezone.now()).count(),
        done_today=done_today,
    )


def today_for(
    user: User,
    now: dt.datetime,
    areas: Sequence[Area] | None = None,
    rows: TodayRows | None = None,
    plan: planning.Plan | None = None,
) -> tuple[core.TodayItem, ...]:
    """`now` on the user's clock; `areas` when the caller already has the user's areas, `rows`
    when it has read them (`today_rows`), and `plan` when it has made today's plan from them
    (the one the week shows: its today column is what the list's steps are placed by)."""
    rows = rows or today_rows(user, now)
    plan = plan or plans.plan_for(user, now.date(), active=rows.steps, done_rows=rows.done_today)
    owed = [
        core.Line(f"Debrief your {o.interview.round_name.lower()} at "
                  f"{o.interview.opportunity.company}",
                  reverse("interviews:debrief", args=[o.interview.pk]), o.when)
        for o in rows.owed
    ]  # fmt: skip
    upcoming = rows.upcoming
    interview = day = None
    if upcoming is not None:
        found = upcoming.interview
        interview = core.Line(f"{found.round_name} at {found.opportunity.company}",
                              reverse("dashboard:readiness", args=[found.pk]),
                              upcoming.countdown)  # fmt: skip
        day = found.starts_at.astimezone(now.tzinfo).date()
    if areas is None:
        areas = areas_of(user, now.date()).areas
    first = None
    if areas:
        area = areas[0]
        first = core.Line(
            f"Practise: {area.title}", _area_url(area.key), shorten(area.rule, TODAY_AREA_CHARS)
        )
    steps = _steps(user, rows.steps, plan, goal_chars=TODAY_GOAL_CHARS)
    return core.today_list(
        core.TodayFacts(now.date(), owed, interview, day, steps, rows.due,
                        reverse("practice:drills"), first)
    )  # fmt: skip


def digest_of(
    user: User, today: dt.date, choice: DigestSettings | None = None, reading: Reading | None = None
) -> core.Digest:
    """The digest for the user's chosen period (a week when the mail is off); `reading` is
    the feeds' and reading list's part when the caller already holds it."""
    reading = reading or digest_for(user, choice)
    goals = list(owned_by(Goal.objects.all(), user).filter(status=Goal.Status.ACTIVE))
    progress = plans.progresses(goals, today)
    return core.build_digest(
        core.DigestFacts(
            frequency=choice.frequency if choice else "weekly",
            today=today,
            since=timezone.localtime(reading.since).date(),
            goals=[
                core.GoalFacts(
                    g.text, g.get_absolute_url(), round(progress[g.pk].percent), g.target_date
                )
                for g in goals
            ],
            steps=_steps(user),
            areas=[
                core.AreaFacts(a.title, a.rule, _area_url(a.key), a.trend)
                for a in areas_of(user, today).areas
            ],
            saved=[
                core.Line(i.title, i.link, i.get_status_display().lower()) for i in reading.saved
            ],
            new=[core.Line(i.title, i.link, str(i.feed)) for i in reading.new],
            more_new=reading.more,
        )
    )
