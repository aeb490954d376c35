from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils.html import escape

from prepcoach.accounts.access import practice_jobs
from prepcoach.accounts.models import User
from prepcoach.coach.body_language import BodyLanguageSettings
from prepcoach.coach.body_language.thresholds import (
    THRESHOLDS,
    Threshold,
    check_thresholds,
    to_stored,
    typed,
)
from prepcoach.coach.limits import MAX_ANSWER_CHARS, too_long
from prepcoach.coach.rubric import RUBRIC
from prepcoach.form_words import TypedNumberInput
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.bank import FIELDS
from prepcoach.practice.models import Attempt, MockSession, PracticeSettings, Question

MIXES = {
    "balanced": {"motivation": 1, "behavioral": 2, "situational": 1, "role-specific": 2},
    "behavioral": {"motivation": 1, "behavioral": 4, "situational": 1},
    "role": {"motivation": 1, "behavioral": 1, "role-specific": 4},
}


DIFFICULTIES = [(1, "Easy"), (2, "Medium"), (3, "Hard")]
# What each point of the 1-5 self-rating means (a trial asked what 1 and 5 stood for).
RATINGS = [(1, "1 · poor"), (2, "2 · weak"), (3, "3 · fair"), (4, "4 · good"), (5, "5 · strong")]


class QuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    field = forms.ChoiceField(choices=FIELDS, initial="general")

    class Meta:
        model = Question
        fields = ("text", "category", "competency", "field", "seniority", "difficulty", "source")
        # Difficulty is a scale of three, said in words: a number box offered 0 and anything
        # above 3, which the model then refused (a new user's trial).
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "difficulty": forms.Select(choices=DIFFICULTIES),
        }
        error_messages = {"text": {"required": "Write the question."}}


class QuestionFilter(forms.Form):
    q = forms.CharField(label="Search", required=False)
    category = forms.ChoiceField(
        choices=[("", "Any category"), *Question.Category.choices], required=False
    )
    field = forms.ChoiceField(choices=[("", "Any field"), *FIELDS], required=False)
    seniority = forms.ChoiceField(
        # The empty choice filters nothing; "any" is a question's own level (asked of anyone),
        # which a trial read as a second "All levels" when both said "level".
        choices=[
            ("", "All levels"),
            *[
                (value, "Asked at any level" if value == Question.Seniority.ANY else label)
                for value, label in Question.Seniority.choices
            ],
        ],
        required=False,
    )
    difficulty = forms.ChoiceField(
        choices=[("", "Any difficulty"), *[(str(v), label) for v, label in DIFFICULTIES]],
        required=False,
    )
    mine = forms.BooleanField(label="Only my questions", required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: text, category, competency, field, seniority, difficulty (and source).",
    )


class TypedAnswerForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Attempt
        fields = ("text", "rating")
        widgets = {
            # No `maxlength`: a browser would cut a long paste short without a word (a trial's
            # 10,000 words were saved cut mid-word). Over the limit, `clean_text` refuses it
            # with its count, and the text comes back in the form.
            "text": forms.Textarea(attrs={"rows": 8}),
            "rating": forms.RadioSelect(choices=RATINGS),
        }
        labels = {"text": "Your answer"}
        error_messages = {"text": {"required": "Type your answer first, or record it."}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True  # blank on the model: recorded answers have none

    @property
    def typed(self) -> bool:
        """Whether the box was sent holding more than spaces: a refused answer's page says what
        was typed is still in its box only then (it said so of an empty answer)."""
        return bool(str(self.data.get(self.add_prefix("text"), "")).strip())

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if not any(ch.isalnum() for ch in text):
            raise forms.ValidationError("Type your answer in words, or record it.")
        if message := too_long(text, MAX_ANSWER_CHARS, "answer"):
            raise forms.ValidationError(message)
        return text


class PractisingForForm(forms.Form):
    """The "Practising for" select of a question's page: the job a free-practice answer (typed,
    or the recorder's start) is read against, one of the user's own jobs
    (`access.practice_jobs`). Another's job id, or one deleted since the page was drawn, is no
    choice: the form is then invalid and the answer is saved for no job (`job_of`), never
    refused."""

    job = forms.ModelChoiceField(
        queryset=Opportunity.objects.none(),
        required=False,
        label="Practising for",
        empty_label="No particular job",
        help_text="The answer's report reads it against this job's key terms, as a mock does.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["job"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = practice_jobs(user)
        # Outside the typed answer's form on the page, it is sent with it (`form=`), and the
        # recorder reads it by its id (`data-job-select`, static/prepcoach/js/recorder.js).
        field.widget.attrs.update({"id": "practising-for", "form": "typed-answer"})

    def job_of(self) -> Opportunity | None:
        """The chosen job, or None (none chosen, or not one of the user's own)."""
        if not self.is_valid():
            return None
        job: Opportunity | None = self.cleaned_data["job"]
        return job


class RatingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Attempt
        fields = ("rating",)
        widgets = {"rating": forms.RadioSelect(choices=RATINGS)}


class MockForm(forms.ModelForm):  # type: ignore[type-arg]
    field = forms.ChoiceField(choices=FIELDS, initial="general")
    seniority = forms.ChoiceField(choices=Question.Seniority.choices, initial="any")
    count = forms.IntegerField(label="Questions", min_value=1, max_value=12, initial=4)
    mix = forms.ChoiceField(
        choices=[
            ("balanced", "Balanced"),
            ("behavioral", "Mostly behavioral"),
            ("role", "Mostly about the role"),
        ],
        initial="balanced",
    )

    class Meta:
        model = MockSession
        fields = (
            "opportunity",
            "company",
            "role",
            "field",
            "seniority",
            "seconds_per_answer",
            "speak",
        )
        labels = {
            "seconds_per_answer": "Seconds per answer",
            "speak": "Read the questions aloud",
            "opportunity": "For the job",
        }
        help_texts = {"seconds_per_answer": "Most answers fit in 90 to 150 seconds."}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the user's own jobs can be chosen.
        field = self.fields["opportunity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Opportunity.objects.filter(user=user)
        field.empty_label = "No particular job"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if job := data.get("opportunity"):
            data["company"] = data.get("company") or job.company
            data["role"] = data.get("role") or job.role
        return data


LEVEL_CHOICES = [(2, "Yes"), (1, "Partly"), (0, "No")]


class RubricForm(forms.Form):
    """Role reversal's scores, one a line of `rubric` (`coach.feedback.reversal_rubric`: a
    plan's for a question asking what the answerer would do)."""

    def __init__(
        self, *args: Any, rubric: Sequence[tuple[str, str]] = RUBRIC, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, label in rubric:
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=LEVEL_CHOICES, coerce=int, widget=forms.RadioSelect
            )


class PracticeSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PracticeSettings
        fields = ("daily_target", "speak_questions")


# Every way a typed number can be wrong: not a number, too many digits, out of the range.
NUMBER_ERRORS = ("invalid", "min_value", "max_value", "max_digits", "max_whole_digits",
                 "max_decimal_places")  # fmt: skip


def _range_words(name: str) -> str:
    """A speaking threshold's own range, from the model's validators ("Type a whole number
    from 60 wpm to 250 wpm (the default is 130 wpm).")."""
    field = PracticeSettings._meta.get_field(name)
    assert isinstance(field, models.Field)
    limits = {
        type(v).__name__: v.limit_value for v in field.validators if hasattr(v, "limit_value")
    }
    whole = not isinstance(field, models.DecimalField)
    unit = field.verbose_name.partition("(")[2].rstrip(")")
    unit = {"seconds": "s", "": ""}.get(unit, f" {unit}")
    low, high = limits["MinValueValidator"], limits["MaxValueValidator"]
    return (
        f"Type {'a whole number' if whole else 'a number'} from {low:g}{unit} to {high:g}{unit}"
        f"{'' if whole else ', with at most 1 decimal'} (the default is {field.default:g}{unit})."
    )


class FeedbackSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PracticeSettings
        fields = ("pace_low", "pace_high", "fillers_per_min_high", "long_pause_s")
        # Text boxes with a number keypad, so that "4e" reaches the server as typed and is
        # refused, never sent as empty by the browser (issue 10, tester).
        widgets = {
            "pace_low": TypedNumberInput(whole=True),
            "pace_high": TypedNumberInput(whole=True),
            "fillers_per_min_high": TypedNumberInput(),
            "long_pause_s": TypedNumberInput(),
        }
        help_texts = {
            "pace_low": "Default 130: clear conversational English runs at 130–160 words a minute.",
            "fillers_per_min_high": "Default 3: fewer go unnoticed by most listeners.",
            "long_pause_s": "Default 3: a silence this long reads as being stuck.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages.update(dict.fromkeys(NUMBER_ERRORS, _range_words(name)))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("pace_low") and data.get("pace_high") and data["pace_low"] >= data["pace_high"]:
            raise forms.ValidationError("The slowest good pace must be below the fastest.")
        return data


class ThresholdField(forms.DecimalField):
    """A body-language threshold's box: whatever is wrong with a typed number (not one, too
    long, too many decimals), the message is the threshold's own range, never Django's digit
    counts (raised without params, so its "%" is never read as a format)."""

    def __init__(self, threshold: Threshold, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.threshold = threshold

    def clean(self, value: Any) -> Any:
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            places = any(e.code == "max_decimal_places" for e in error.error_list)
            raise forms.ValidationError(
                self.threshold.range_words(with_places=places), code="range"
            ) from error


class BodyLanguageSettingsForm(forms.Form):
    """Every body-language threshold (coach.body_language.thresholds), typed as the user reads
    it (a share as a percentage), with its default and source beside it; the core checks it."""

    def __init__(self, *args: Any, instance: PracticeSettings, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance
        current = instance.body_language_settings()
        for t in THRESHOLDS:
            self.fields[t.name] = ThresholdField(
                t,
                label=f"{t.label[:1].upper()}{t.label[1:]} ({t.unit})",
                required=False,
                max_digits=8,
                decimal_places=t.places,
                initial=Decimal(f"{typed(t, getattr(current, t.name)):g}"),
                widget=TypedNumberInput(whole=t.places == 0),
                # The fields' partial shows help as HTML: the sources' words escaped.
                help_text=escape(f"Default {t.words(t.default)}: {t.source}. Empty: the default."),
            )
        self.checked: BodyLanguageSettings | None = None

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        out: dict[str, list[forms.BoundField]] = {}
        for t in THRESHOLDS:
            out.setdefault(t.group, []).append(self[t.name])
        return list(out.items())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        typed_values = {name: float(v) for name, v in data.items() if v is not None}
        found = check_thresholds(typed_values)
        for name, problem in found.problems.items():
            self.add_error(name if name in self.fields else None, problem)
        self.checked = None if found.problems else found.settings
        return data

    def apply(self) -> None:
        """Put the checked values on the instance (saved with the feedback form's save)."""
        assert self.checked is not None, "apply() after is_valid()"
        stored = to_stored(self.checked)
        stored.pop("look_away_s", None)  # a field of its own
        self.instance.look_away_s = Decimal(f"{self.checked.look_away_s:g}")
        self.instance.body_language_thresholds = stored
