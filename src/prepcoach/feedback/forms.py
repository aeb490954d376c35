from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from django import forms

from prepcoach.coach.feedback import (
    MAX_PINS,
    OVERALL,
    Thing,
    parse_comments,
    rubric_for,
    written_chars,
)
from prepcoach.coach.rubric import SCORES
from prepcoach.feedback.models import (
    LINK_DAYS,
    MAX_COMMENT_CHARS,
    MAX_LINK_DAYS,
    FeedbackRequest,
)


class FeedbackRequestForm(forms.ModelForm):  # type: ignore[type-arg]
    days = forms.IntegerField(
        label="The link works for (days)", min_value=1, max_value=MAX_LINK_DAYS, initial=LINK_DAYS,
        error_messages={"max_value": f"A link can work for at most {MAX_LINK_DAYS} days.",
                        "min_value": "A link works for at least one day."},
    )  # fmt: skip

    class Meta:
        model = FeedbackRequest
        fields = ("reviewer_label", "relation", "note", "show_transcript", "show_measures")
        # No `maxlength` in the page (`form_words.PlainWordsBoundField`): the limit refuses it.
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "reviewer_label": "Only you see this, e.g. “Sam, my mentor”.",
            "note": "What you would like them to listen for.",
        }
        error_messages = {
            "reviewer_label": {"required": "Say who the link is for, so you can tell links apart."},
            "note": {"max_length": "Keep the note under %(limit_value)d characters (this has "
                     "%(show_value)d): everything you typed is still here."},
        }  # fmt: skip

    def __init__(self, *args: Any, spoken: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A written story, a typed answer or a mock interview of typed answers is read
        # (`Subject.heard`): nothing to listen for, and no transcript or measures to show.
        if not spoken:
            self.fields["note"].help_text = "What you would like them to look at as they read."
            del self.fields["show_transcript"]
            del self.fields["show_measures"]
            self.instance.show_transcript = self.instance.show_measures = False


CRITERION_CHOICES = [("", "can't tell"), *((str(k), v) for k, v in SCORES.items())]


OVERALL_LABEL = {
    "answer": "Overall, how did the answer go? (1–5)",
    "mock interview": "Overall, how did the mock interview go? (1–5)",
    "story": "Overall, how well does the story work? (1–5)",
}
PIN_HELP = (
    "Start a line with a time to pin it to that moment: “0:42 — this is where you lost me”. "
    "The button under the player adds the current time for you."
)
# A typed answer is read: no player to pin a moment of (a trial's typed answer was told "The
# button under the player adds the current time").
READ_HELP = "What works, what is missing, what you would ask next. Quote the words you mean."
COMMENTS_HELP = {
    "answer": PIN_HELP,
    "mock interview": "About the interview as a whole. Comments on one answer go under it.",
    "story": "What works, what is missing, what you would ask next.",
}


# A box that takes pins may hold their times on top of the words: the limit counts the words
# (`coach.feedback.written_chars`), the box as typed may be this much longer.
MAX_BOX_CHARS = MAX_COMMENT_CHARS + MAX_PINS * 16
MAX_REMOVED_BOXES = 20  # boxes posted for answers no longer there, kept as "since removed"
ANSWER_BOX = re.compile(r"answer_([0-9]{1,18})")


def _too_long(count: int) -> str:
    return f"Keep the comments under {MAX_COMMENT_CHARS} characters (this has {count})."


def _within_limit(value: str) -> None:
    """A box with pins: what the reviewer wrote, its times not counted, within the limit."""
    count = written_chars(parse_comments(value))
    if count > MAX_COMMENT_CHARS:
        raise forms.ValidationError(_too_long(count))
    if len(value) > MAX_BOX_CHARS:
        raise forms.ValidationError(
            f"Keep the comments under {MAX_BOX_CHARS} characters with their times "
            f"(this has {len(value)})."
        )


def _under_limit(value: str) -> None:
    """A box without pins: what the reviewer wrote, within the limit."""
    if len(value) > MAX_COMMENT_CHARS:
        raise forms.ValidationError(_too_long(len(value)))


def _comments_field(label: str, help_text: str, *, pins: bool = False) -> forms.CharField:
    """A comment box; `pins`: lines that start with a time pin to a recording. No `maxlength`
    in the page: a browser cuts a longer paste short without a word, so the limit is checked
    here and the text comes back with the count."""
    return forms.CharField(
        label=label, required=False, help_text=help_text,
        validators=[_within_limit if pins else _under_limit],
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


class ReviewForm(forms.Form):
    """A review on the rubric of `thing` (`coach.feedback.rubric_for`); for a mock interview,
    a comment box for each of its `answers` as well, keyed by the answer's id, never by its
    place (`answer_<id>`): an answer deleted or retaken while the page is open cannot move
    comments onto another. `answers` are (attempt id, number shown) of the answers the link
    may open (`accounts.access.feedback_attempts`); a posted box for any other id is an
    answer removed since, kept as such (`removed_comments`)."""

    reviewer_name = forms.CharField(
        label="Your name", max_length=100,
        error_messages={"required": "Add your name, so they know whose feedback this is."},
    )  # fmt: skip
    overall = forms.TypedChoiceField(
        label=OVERALL_LABEL["answer"], coerce=int,
        choices=[(str(k), str(k)) for k in OVERALL], widget=forms.RadioSelect,
    )  # fmt: skip
    comments = _comments_field("Comments", PIN_HELP, pins=True)

    def __init__(
        self, *args: Any, thing: Thing = "answer", answers: Sequence[tuple[int, int]] = (),
        rubric: Sequence[tuple[str, str]] | None = None, heard: bool = True,
        typed: Collection[int] = (), **kwargs: Any,
    ) -> None:  # fmt: skip
        """`heard`: an answer is recorded, not typed; `typed`: the ids of a mock interview's
        `answers` that are typed. A typed answer's box speaks of reading it (`READ_HELP`)."""
        super().__init__(*args, **kwargs)
        self.thing = thing
        # The thing's own (`Subject.rubric`: a plan's for an answer that is one), else its kind's.
        self.rubric = tuple(rubric) if rubric is not None else rubric_for(thing, heard=heard)
        self.fields["overall"].label = OVERALL_LABEL[thing]
        self.fields["overall"].error_messages["required"] = (
            f"Give the {thing} an overall score from 1 to 5."
        )
        self.fields["comments"].help_text = COMMENTS_HELP[thing] if heard else READ_HELP
        if thing != "answer":
            self.fields["comments"] = _comments_field("General comments", COMMENTS_HELP[thing])
        for name, label in self.rubric:
            self.fields[f"score_{name}"] = forms.ChoiceField(
                label=f"{name.capitalize()}: {label}", choices=CRITERION_CHOICES,
                required=False, widget=forms.RadioSelect,
            )  # fmt: skip
        self.answer_ids = [attempt_id for attempt_id, _ in answers]
        for attempt_id, number in answers:
            self.fields[f"answer_{attempt_id}"] = _comments_field(
                f"Comments on answer {number}",
                READ_HELP if attempt_id in typed else PIN_HELP,
                pins=True,
            )
        self.removed_ids: list[int] = []
        if thing == "mock interview" and self.is_bound:
            self._add_removed_boxes()

    def _add_removed_boxes(self) -> None:
        """Boxes posted for answers this link no longer opens: deleted or retaken while the
        page was open (or never this link's: the same words, so nothing is told)."""
        for key in self.data:
            match = ANSWER_BOX.fullmatch(key)
            if match is None or int(match[1]) in self.answer_ids or not self.data[key].strip():
                continue
            if len(self.removed_ids) == MAX_REMOVED_BOXES:
                break
            self.removed_ids.append(int(match[1]))
            self.fields[key] = _comments_field(
                "Comments on an answer removed since you opened this page", PIN_HELP, pins=True
            )

    def scores(self) -> dict[str, int]:
        return {
            name: int(self.cleaned_data[f"score_{name}"])
            for name, _ in self.rubric
            if self.cleaned_data.get(f"score_{name}") not in (None, "")
        }

    def criteria(self) -> list[forms.BoundField]:
        return [self[f"score_{name}"] for name, _ in self.rubric]

    def answer_comments(self) -> dict[int, forms.BoundField]:
        """Each answer's box, by the answer's id."""
        return {pk: self[f"answer_{pk}"] for pk in self.answer_ids}

    def removed_comments(self) -> list[forms.BoundField]:
        return [self[f"answer_{pk}"] for pk in self.removed_ids]

    def answer_texts(self) -> dict[int, str]:
        """What was written under each answer, by its id (after `is_valid`)."""
        return {pk: self.cleaned_data.get(f"answer_{pk}", "") for pk in self.answer_ids}

    def removed_texts(self) -> list[str]:
        """What was written under answers removed since (after `is_valid`), none empty."""
        texts = (self.cleaned_data.get(f"answer_{pk}", "") for pk in self.removed_ids)
        return [t for t in texts if t.strip()]
