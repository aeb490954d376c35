"""The interview and debrief forms. Free-text boxes have no `maxlength` in the page, so a
browser never cuts what was pasted: a box over the limit is refused with its count, and
everything typed comes back in the form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from prepcoach.coach.debrief import BODY_ANSWERS, COMPETENCIES, SelfCheck, self_check
from prepcoach.coach.interview_transcript import TranscriptError, parse_transcript
from prepcoach.interviews.models import MAX_QUESTION, MAX_TEXT, AskedQuestion, Debrief
from prepcoach.interviews.transcripts import MAX_UPLOAD_BYTES, decode
from prepcoach.jobs.models import Interview

DATE_ERROR = "That is not a real date: pick one with the date picker, or type YYYY-MM-DD."
TIME_ERROR = "That is not a time: type it as 14:00."
ROUNDS = ("Phone screen", "First round", "Second round", "Technical round", "Final round")
MAX_ROWS = 30


def limit(chars: int) -> Any:
    def check(value: str) -> None:
        if len(value) > chars:
            raise ValidationError(
                f"Keep it under {chars} characters (this has {len(value)}): "
                "everything you typed is still here."
            )

    return check


def text_box(label: str, rows: int = 3, chars: int = MAX_TEXT, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, strip=True, validators=[limit(chars)],
        widget=forms.Textarea(attrs={"rows": rows, "cols": 30}), **kwargs,
    )  # fmt: skip


class InterviewForm(forms.Form):
    day = forms.DateField(
        label="Date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Give the interview's date.", "invalid": DATE_ERROR},
        help_text="A past date is fine: log an interview that has happened.",
    )
    time = forms.TimeField(
        label="Time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Give the time it starts, e.g. 14:00.", "invalid": TIME_ERROR},
    )
    round_name = forms.CharField(
        label="Round", validators=[limit(80)],
        widget=forms.TextInput(attrs={"list": "rounds", "autocomplete": "off"}),
        help_text="Pick one or type your own, e.g. “case study with the team”.",
        error_messages={"required": "Say which round it is, e.g. “first round”."},
    )  # fmt: skip
    format = forms.ChoiceField(choices=Interview.Format.choices, initial=Interview.Format.VIDEO)
    interviewers = text_box(
        "Interviewers", help_text="One a line, with their role: “Ana Lee, Head of Data”."
    )

    def __init__(self, *args: Any, zone: dt.tzinfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone

    @classmethod
    def initial_for(cls, interview: Interview, zone: dt.tzinfo) -> dict[str, object]:
        local = interview.starts_at.astimezone(zone)
        return {
            "day": local.date(),
            "time": local.time().replace(second=0, microsecond=0),
            "round_name": interview.round_name,
            "format": interview.format,
            "interviewers": interview.interviewers,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, time = data.get("day"), data.get("time")
        if day is not None and time is not None:
            if not 2000 <= day.year <= 2100:
                self.add_error("day", "Give a date between the years 2000 and 2100.")
            else:
                naive = dt.datetime.combine(day, time.replace(second=0, microsecond=0))
                data["starts_at"] = naive.replace(tzinfo=self.zone)
        return data

    def fill(self, interview: Interview) -> Interview:
        data = self.cleaned_data
        interview.starts_at = data["starts_at"]
        interview.round_name = data["round_name"]
        interview.format = data["format"]
        interview.interviewers = data["interviewers"]
        return interview


class DebriefForm(forms.Form):
    went_well = text_box("What went well", 4)
    went_badly = text_box("What didn't go well", 4)
    outcome = forms.ChoiceField(
        label="Outcome", choices=Debrief.Outcome.choices, initial=Debrief.Outcome.WAITING,
        help_text="Change it when you hear back.",
    )  # fmt: skip
    feedback = text_box("Feedback received", 3, help_text="What they told you, in their words.")

    def __init__(self, *args: Any, check: SelfCheck | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The body-language items the interview's format lets the candidate judge
        # (`coach.debrief.self_check`): none on a phone call's form asks about eye contact.
        self.check = check or self_check("")
        for key, label in self.check.items:
            self.fields[f"body_{key}"] = forms.ChoiceField(
                label=label, choices=BODY_ANSWERS, required=False, widget=forms.RadioSelect
            )
        for key, label in COMPETENCIES:
            self.fields[f"rating_{key}"] = forms.TypedChoiceField(
                label=label, choices=[(n, str(n)) for n in range(1, 6)], coerce=int,
                required=False, empty_value=None, widget=forms.RadioSelect,
            )  # fmt: skip

    @classmethod
    def initial_for(cls, debrief: Debrief) -> dict[str, object]:
        initial: dict[str, object] = {
            "went_well": debrief.went_well, "went_badly": debrief.went_badly,
            "outcome": debrief.outcome, "feedback": debrief.feedback,
        }  # fmt: skip
        initial |= {f"body_{k}": v for k, v in debrief.body_language.items()}
        initial |= {f"rating_{k}": v for k, v in debrief.ratings.items()}
        return initial

    def body_fields(self) -> list[forms.BoundField]:
        return [self[f"body_{key}"] for key, _ in self.check.items]

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rating_{key}"] for key, _ in COMPETENCIES]

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("went_well", "went_badly")]

    def fill(self, debrief: Debrief) -> Debrief:
        data = self.cleaned_data
        for name in ("went_well", "went_badly", "outcome", "feedback"):
            setattr(debrief, name, data[name])
        # Answers to items this form does not ask (given when the interview had another
        # format) are kept, so changing the format back shows them again.
        asked = {key for key, _ in self.check.items}
        debrief.body_language = {
            key: answer for key, answer in debrief.body_language.items() if key not in asked
        } | {key: data[f"body_{key}"] for key, _ in self.check.items if data[f"body_{key}"]}
        debrief.ratings = {
            key: data[f"rating_{key}"]
            for key, _ in COMPETENCIES
            if data[f"rating_{key}"] is not None
        }
        return debrief


class AskedForm(forms.Form):
    text = forms.CharField(
        label="Question", required=False, validators=[limit(MAX_QUESTION)],
        widget=forms.TextInput(attrs={"placeholder": "e.g. Tell me about a time you…"}),
    )  # fmt: skip
    went = forms.ChoiceField(
        label="How it went", choices=[("", "—"), *AskedQuestion.Went.choices], required=False
    )
    notes = text_box("Notes on your answer", 2)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("text") and data.get("notes"):
            self.add_error("text", "Write the question these notes are about.")
        return data


AskedFormSet = forms.formset_factory(
    AskedForm, extra=2, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS
)


class MailForm(forms.Form):
    wanted = forms.BooleanField(
        label="Mail me a reminder to write the debrief after each interview", required=False
    )


class TranscriptForm(forms.Form):
    """Paste a transcript or choose its file; the name the user goes by in it, if they like.
    `clean` reads it with the core, so a transcript that cannot be read is refused here with
    the core's message and its text comes back in the box (`content`)."""

    text = forms.CharField(
        label="Paste the transcript", required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 30}),
        help_text="Plain text with each speaker's name before their turn (“Alex: …”), or "
        "WebVTT or SRT captions from your meeting tool.",
    )  # fmt: skip
    upload = forms.FileField(
        label="…or choose its file", required=False,
        help_text=".txt, .vtt or .srt, up to 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.vtt,.srt,text/plain,text/vtt"}),
    )  # fmt: skip
    you_are = forms.CharField(
        label="Your name in it", required=False, max_length=80,
        help_text="Leave it empty and prepcoach works out who answered; you can correct it.",
    )  # fmt: skip

    content = ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload, pasted = data.get("upload"), data.get("text") or ""
        if upload and pasted.strip():
            raise ValidationError("You pasted text and chose a file: keep one of them.")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise ValidationError(
                    f"That file is {upload.size / 1024 / 1024:.1f} MB; prepcoach reads "
                    "transcript files up to 2 MB. Paste the part you want read instead."
                )
            text = decode(upload.read())
            if text is None:
                raise ValidationError(
                    "That file is not text prepcoach can read (it is not UTF-8 or UTF-16): "
                    "save the transcript as .txt, .vtt or .srt, or paste its words."
                )
            self.content = text
        else:
            self.content = pasted
        try:
            data["found"] = parse_transcript(self.content, data.get("you_are") or "")
        except TranscriptError as error:
            raise ValidationError(str(error), code=error.kind) from error
        return data
