from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from prepcoach.coach.improvement import AREA_KEYS, DEBRIEF_KEYS, GOAL_ANSWERS, REVIEW_KEYS
from prepcoach.coach.limits import too_long
from prepcoach.coach.smart import MAX_GOAL_CHARS, SmartCheck, format_date, target_quantity
from prepcoach.coach.text import clip, markup_tags, quote
from prepcoach.form_words import PlainNumberInput
from prepcoach.goals.models import (
    CheckIn,
    Goal,
    Milestone,
    ReminderSettings,
    Step,
    validate_plan_date,
)

AUTO = "auto"
DATE_ERROR = "That is not a real date: pick one with the date picker, or type YYYY-MM-DD."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def markup_problem(text: str) -> str | None:
    """Why a goal's words cannot be saved as a goal because they are a web page's HTML, or None.
    The live check said so while "Create goal" saved `<b>Learn R</b><script>…` as the title;
    the form and the API refuse it with the same words (`coach.text.markup_tags` decides)."""
    if not markup_tags(text):
        return None
    return (
        f"{quote(clip(text, 30))} is a web page's HTML markup, not a goal: describe the goal in "
        "words, e.g. “Do 3 mock interviews by Friday”."
    )


def goal_length_problem(raw: str) -> str | None:
    """The goal over MAX_GOAL_CHARS, counted and said as the live check says it
    (`coach.limits.too_long`): every character the box holds, a line break as one. Counted
    after trimming, as Django's own check did, the page said 31583 under a live panel's
    "31,584"; the API counted a third way (a review)."""
    problem = too_long(raw, MAX_GOAL_CHARS, "goal")
    if problem is None:
        return None
    return f"{problem} Put the details in “why it matters” and the steps."


AREA_UNIT = "answers that meet it"
AREA_UNITS = {
    "drill_lapses": "forgotten cards recalled",
    "asked_badly": "questions reworked",
    **dict.fromkeys(DEBRIEF_KEYS, "debriefs that meet it"),
    **dict.fromkeys(REVIEW_KEYS, "reviews that meet it"),
}
# The count in an area goal's words: "in 3 practice answers", "in 2 interview debriefs",
# "Recall 2 cards", "Record 1 practice answer", "Get 2 reviews".
AREA_COUNT_RE = re.compile(
    r"\b(?:in (\d{1,3}) (?:\w+ ){0,2}(?:answers|debriefs)|recall (\d{1,3}) cards?"
    r"|record (\d{1,3}) (?:\w+ ){0,2}answers?|get (\d{1,3}) reviews?)\b",
    re.IGNORECASE,
)


class GoalForm(forms.ModelForm):  # type: ignore[type-arg]
    kind = forms.ChoiceField(
        choices=[(AUTO, "Suggest it for me"), *Goal.Kind.choices],
        initial=AUTO,
        help_text="prepcoach suggests one from your words; you can change it.",
    )

    class Meta:
        model = Goal
        fields = (
            "text", "kind", "why", "success_note", "target_date", "target_value", "unit", "area"
        )  # fmt: skip
        widgets = {
            "area": forms.HiddenInput(),
            "text": forms.Textarea(attrs={"rows": 3}),  # no `maxlength`: `form_words`
            "why": forms.Textarea(attrs={"rows": 2}),
            "success_note": forms.Textarea(attrs={"rows": 2}),
            "target_date": DateInput(),
            "target_value": PlainNumberInput(),
        }
        help_texts = {
            "text": "What will you do, how much, and by when? prepcoach checks it as you type.",
            "success_note": "Picture the day you reach it: what do you see, hear, feel?",
            "target_date": "Left empty, the deadline in your goal's words is used.",
            "target_value": "For a measurable goal: the number to reach, e.g. 3.",
        }
        error_messages = {
            "text": {"required": "Type the goal first: what will you do, and by when?"},
            "target_date": {"invalid": DATE_ERROR},
        }

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        # The length is checked in clean_text, on what was typed (see goal_length_problem).
        text_field = self.fields["text"]
        assert isinstance(text_field, forms.CharField)
        text_field.max_length = None
        text_field.validators = []
        if self.instance.pk:
            self.fields["kind"].initial = self.instance.kind
        elif "kind" not in (kwargs.get("initial") or {}):
            # A new goal's model default ("other") would otherwise be preselected, and a
            # research goal saved as something it is not: prepcoach suggests it instead.
            self.initial["kind"] = AUTO

    def clean_kind(self) -> str:
        kind: str = self.cleaned_data["kind"]
        self.kind_auto = kind == AUTO
        # apply() puts the suggestion in its place.
        return self.instance.kind if self.kind_auto else kind

    def clean_text(self) -> str:
        if problem := goal_length_problem(str(self.data.get(self.add_prefix("text"), ""))):
            raise forms.ValidationError(problem)
        text = " ".join(self.cleaned_data["text"].split())
        if not any(ch.isalpha() for ch in text):
            raise forms.ValidationError(
                "Describe the goal in words, e.g. “Do 3 mock interviews by Friday”."
            )
        if problem := markup_problem(text):
            raise forms.ValidationError(problem)
        return text

    def clean_area(self) -> str:
        # Set only by "Make it a goal"; anything else (a stale or edited link) is dropped.
        area: str = self.cleaned_data.get("area") or ""
        return area if area in AREA_KEYS else ""

    def clean_target_date(self) -> dt.date | None:
        date: dt.date | None = self.cleaned_data.get("target_date")
        changed = "target_date" in self.changed_data
        if date and date < self.today and changed:
            raise forms.ValidationError("The target date is in the past: pick today or later.")
        return date

    def apply(self, check: SmartCheck) -> Goal:
        """Fill what the user left to prepcoach (kind, date, target) from its reading."""
        goal: Goal = super().save(commit=False)
        if self.kind_auto:
            # None of the four fits, or prepcoach cannot tell: "other", never a kind it is not.
            goal.kind = check.kind.value if check.kind is not None else Goal.Kind.OTHER
            goal.kind_suggested = True
        elif not self.instance.pk or "kind" in self.changed_data:
            # Picked on a new goal, or changed on an old one: the user's. Left as it was on an
            # edit, it stays whose it was.
            goal.kind_suggested = False
        if goal.target_date is None and check.deadline:
            goal.target_date = check.deadline
        if goal.area:
            # Measured by itself: the answers that meet the area's target, as many as its
            # words say ("in 3 practice answers"), else GOAL_ANSWERS.
            said = AREA_COUNT_RE.search(goal.text)
            count = int(next(g for g in said.groups() if g)) if said else GOAL_ANSWERS
            goal.target_value = goal.target_value or Decimal(min(max(count, 1), 100))
            goal.unit = goal.unit or AREA_UNITS.get(goal.area, AREA_UNIT)
            return goal
        target = target_quantity(check)
        if goal.target_value is None and target is not None:
            goal.target_value = Decimal(str(target.value)).quantize(Decimal("0.01"))
            goal.unit = goal.unit or target.unit[:60]
        return goal


class StepForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Step
        fields = (
            "title", "due_date", "planned_on", "estimated_hours", "impact", "urgency", "resources"
        )  # fmt: skip
        widgets = {
            "due_date": DateInput(),
            "planned_on": DateInput(),
            "resources": forms.Textarea(attrs={"rows": 2}),
            "estimated_hours": PlainNumberInput(attrs={"step": "0.25", "min": "0.25"}),
        }
        error_messages = {
            "title": {"required": "Name the step, e.g. “Mock interview with Sam”."},
            "due_date": {"invalid": DATE_ERROR, "required": "Give the step a due date."},
            "planned_on": {"invalid": DATE_ERROR},
        }
        help_texts = {"estimated_hours": "How long it will take you, in hours."}
        labels = {"title": "Step", "due_date": "Due", "estimated_hours": "Hours"}

    prefix = "step"
    # The past due date the form asked about, sent back by the page ("confirm_due") so that a
    # second save with the same date keeps it: a mistyped year is caught, a real late step is not
    # refused.
    CONFIRM = "confirm_due"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.past_due_asked: dt.date | None = None

    def clean_due_date(self) -> dt.date:
        due: dt.date = self.cleaned_data["due_date"]
        today = timezone.localdate()
        if due >= today or "due_date" not in self.changed_data:
            return due  # an old step that slipped is not asked about again on every edit
        if self.data.get(self.add_prefix(self.CONFIRM)) == due.isoformat():
            return due
        self.past_due_asked = due
        ago = (today - due).days
        raise forms.ValidationError(
            f"That reads as {format_date(due)}, {ago} day{'s' * (ago != 1)} ago. If the step "
            "really was due then, save again with the same date; otherwise correct the date "
            "(is the year right?).",
            code="past_due",
        )


class PlaceForm(forms.Form):
    """Moving a step on the week: the day to work on it, today or later."""

    planned_on = forms.DateField(
        error_messages={"invalid": DATE_ERROR, "required": "Pick the day to work on it."}
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_planned_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["planned_on"]
        validate_plan_date(day)
        if day < self.today:
            raise forms.ValidationError("That day has gone: pick today or a later day.")
        return day


class CheckInForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CheckIn
        fields = ("day", "value", "note")
        widgets = {
            "day": DateInput(),
            "value": PlainNumberInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"value": "Done so far"}
        error_messages = {
            "day": {"invalid": DATE_ERROR, "required": "Pick the day you did it."},
        }

    prefix = "checkin"

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal = goal
        if goal.is_measurable:
            self.fields["value"].required = True
            label = f"{goal.unit or 'Done'} so far"  # the unit's own capitals kept ("SQL")
            self.fields["value"].label = label[:1].upper() + label[1:]
            self.fields["value"].error_messages["required"] = (
                f"Type how many {goal.unit or 'you have done'} so far, e.g. 2: "
                "the total, not what you added today."
            )
        else:
            del self.fields["value"]

    def clean_day(self) -> dt.date:
        day: dt.date = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError("A check-in records what is done: pick today or earlier.")
        return day

    def clean_value(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("value")
        if value is not None and value < 0:
            # A total done so far cannot be below zero; saved, it would replace the day's
            # real check-in (the latest of a day counts).
            raise forms.ValidationError(
                f"Type how many {self.goal.unit or 'you have done'} so far: a total can't be "
                "below zero."
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not data.get("value")
            and not (data.get("note") or "").strip()
            and "value" not in self.fields
        ):
            raise forms.ValidationError("Write a note about what you did.")
        return data


class MilestoneForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Milestone
        fields = ("title", "threshold")
        labels = {"title": "Milestone", "threshold": "When the goal is this % done"}

    prefix = "milestone"


class ReminderForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ReminderSettings
        fields = ("frequency",)
        labels = {"frequency": "E-mail me my due and overdue steps"}
        widgets = {"frequency": forms.RadioSelect}


class SplitForm(forms.Form):
    text = forms.CharField(
        label="The new goal",
        max_length=MAX_GOAL_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say what the new goal is."},
    )
    steps = forms.MultipleChoiceField(
        label="Steps to move into it",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one step to move."},
    )

    def __init__(self, *args: Any, steps: list[Step], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["steps"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(s.pk), f"{s.title} (due {s.due_date:%-d %b})") for s in steps]
