"""The Plan part of the JSON API: the SMART check, goals, steps and the week."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.api_contract import Id, errors, number
from prepcoach.coach.smart import MAX_GOAL_CHARS, MAX_TARGET, SmartCheck, target_quantity
from prepcoach.goals import plans
from prepcoach.goals.forms import goal_length_problem, markup_problem
from prepcoach.goals.models import Goal, Step
from prepcoach.text_input import TextInput

router = Router(tags=["plan"])


class CriterionOut(Schema):
    verdict: str
    reason: str
    fix: str


class QuantityOut(Schema):
    value: float
    unit: str
    comparator: str
    text: str


class SmartIn(TextInput):
    text: str = Field(max_length=MAX_GOAL_CHARS)  # the page's cap (coach.limits)
    today: dt.date | None = Field(None, ge=dt.date(2000, 1, 1), le=dt.date(2100, 12, 31))
    # How "04/12" is read: DMY (4 December) or MDY (12 April); default: the profile's setting.
    date_order: Literal["DMY", "MDY"] | None = None


class SmartOut(Schema):
    specific: CriterionOut
    measurable: CriterionOut
    attainable: CriterionOut
    relevant: CriterionOut
    time_bound: CriterionOut
    type: str | None  # None: no kind fits, or prepcoach cannot tell
    deadline: dt.date | None
    quantities: list[QuantityOut]
    rewrite: str


class StepIn(TextInput):
    title: str = Field(min_length=1, max_length=200)
    due_date: dt.date
    estimated_hours: number(Decimal("0.25"), Decimal(200)) = Field(  # type: ignore[valid-type]
        Decimal(1),
        json_schema_extra={"default": 1},  # documented as the number it is
    )
    impact: int = Field(2, ge=1, le=3)
    urgency: int = Field(2, ge=1, le=3)
    resources: str = ""


class StepOut(Schema):
    id: int
    title: str
    due_date: dt.date
    estimated_hours: float
    impact: int
    urgency: int
    resources: list[str]
    done_on: dt.date | None


class GoalIn(TextInput):
    text: str
    kind: str | None = None
    why: str = ""
    success_note: str = ""
    target_date: dt.date | None = None
    target_value: number(Decimal(0), Decimal(MAX_TARGET), exclusive_low=True) | None = None  # type: ignore[valid-type]
    unit: str = Field("", max_length=60)


class GoalOut(Schema):
    id: int
    text: str
    kind: str
    status: str
    why: str
    success_note: str
    target_date: dt.date | None
    target_value: float | None
    unit: str
    progress_percent: float
    steps: list[StepOut]


def _step_out(step: Step) -> dict[str, object]:
    return {
        "id": step.pk, "title": step.title, "due_date": step.due_date,
        "estimated_hours": float(step.estimated_hours), "impact": step.impact,
        "urgency": step.urgency, "resources": step.resource_list, "done_on": step.done_on,
    }  # fmt: skip


def _goal_out(goal: Goal, today: dt.date) -> dict[str, object]:
    return {
        "id": goal.pk, "text": goal.text, "kind": goal.kind, "status": goal.status,
        "why": goal.why, "success_note": goal.success_note, "target_date": goal.target_date,
        "target_value": float(goal.target_value) if goal.target_value is not None else None,
        "unit": goal.unit, "progress_percent": plans.progress_of(goal, today).percent,
        "steps": [_step_out(s) for s in goal.steps.all()],
    }  # fmt: skip


@router.post(
    "/smart", response={200: SmartOut, **errors(400, 403, 422)},
    summary="Check a goal against the SMART criteria",
)  # fmt: skip
def smart(request: HttpRequest, body: SmartIn) -> dict[str, object]:
    today = body.today or timezone.localdate()
    user = signed_in_user(request)
    return plans.check(user, body.text, today, date_order=body.date_order).as_dict()


@router.get(
    "/goals", response={200: list[GoalOut], **errors()}, summary="Your goals with their steps"
)
def list_goals(request: HttpRequest) -> list[dict[str, object]]:
    today = timezone.localdate()
    goals = owned_by(Goal.objects.prefetch_related("steps", "check_ins"), signed_in_user(request))
    return [_goal_out(g, today) for g in goals]


@router.post("/goals", response={201: GoalOut, **errors(400, 403, 422)}, summary="Create a goal")
def create_goal(request: HttpRequest, body: GoalIn) -> Status[dict[str, object]]:
    user, today = signed_in_user(request), timezone.localdate()
    if problem := goal_length_problem(body.text):  # counted as the page counts it
        raise HttpError(422, problem)
    text = " ".join(body.text.split())
    if not any(ch.isalpha() for ch in text):
        raise HttpError(422, "Describe the goal in words, e.g. “Do 3 mock interviews by Friday”.")
    if problem := markup_problem(text):  # the page refuses it too (goals.forms)
        raise HttpError(422, problem)
    if body.kind and body.kind not in Goal.Kind.values:
        raise HttpError(422, f"kind must be one of {', '.join(Goal.Kind.values)}.")
    if body.target_date and body.target_date < today:
        raise HttpError(422, "The target date is in the past: pick today or later.")
    check = plans.check(user, text, today)
    target = target_quantity(check) if body.target_value is None else None
    goal = Goal(
        user=user, text=text, kind=body.kind or _kind_of(check), kind_suggested=not body.kind,
        why=body.why,
        success_note=body.success_note, target_date=body.target_date or check.deadline,
        target_value=body.target_value if target is None else Decimal(str(target.value)),
        unit=body.unit or (target.unit[:60] if target else ""),
    )  # fmt: skip
    _validate(goal)
    goal.save()
    return Status(201, _goal_out(goal, today))


def _kind_of(check: SmartCheck) -> str:
    """The kind prepcoach read; "other" when none of the four fits or it cannot tell (the
    user can change it)."""
    return check.kind.value if check.kind else str(Goal.Kind.OTHER)


def _validate(row: Goal | Step) -> None:
    """The model's own rules, as a 422 that says what to fix."""
    try:
        row.full_clean()
    except ValidationError as error:
        raise HttpError(
            422, " ".join(m for ms in error.message_dict.values() for m in ms)
        ) from None


@router.get("/goals/{goal_id}", response={200: GoalOut, **errors(404, 422)}, summary="One goal")
def get_goal(request: HttpRequest, goal_id: Id) -> dict[str, object]:
    goal = get_owned_or_404(Goal.objects.all(), signed_in_user(request), pk=goal_id)
    return _goal_out(goal, timezone.localdate())


@router.post(
    "/goals/{goal_id}/steps", response={201: StepOut, **errors(400, 403, 404, 422)},
    summary="Add a step to a goal",
)  # fmt: skip
def add_step(request: HttpRequest, goal_id: Id, body: StepIn) -> Status[dict[str, object]]:
    goal = get_owned_or_404(Goal.objects.all(), signed_in_user(request), pk=goal_id)
    step = Step(goal=goal, **body.dict())
    _validate(step)
    step.save()
    return Status(201, _step_out(step))


@router.post(
    "/steps/{step_id}/done", response={200: StepOut, **errors(403, 404, 422)},
    summary="Tick a step off (again: undo)",
)  # fmt: skip
def toggle_step(request: HttpRequest, step_id: Id) -> dict[str, object]:
    step = get_owned_or_404(
        Step.objects.select_related("goal"), signed_in_user(request), "goal__user", pk=step_id
    )
    step.done_on = None if step.done_on else timezone.localdate()
    step.save(update_fields=["done_on"])
    return _step_out(step)
