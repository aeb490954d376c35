"""Saving a review (from a link's holder, or a peer mock's interviewer) and telling the owner.

A review is one rubric score and overall figure for the thing asked about, a general comment,
and pins: comments at a moment of a recording. For a mock interview each answer has its own
comment box, keyed by the answer's id: its timed lines pin to that answer's recording, the
rest is a note on that answer; a story has no recording, so its comments stay whole. Words on
an answer deleted later are kept, as on an answer since removed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from prepcoach.accounts.mailstop import stop_headers, stop_url
from prepcoach.accounts.tasks import send_email
from prepcoach.coach.feedback import parse_comments, pin_line, with_lines
from prepcoach.feedback.forms import ReviewForm
from prepcoach.feedback.models import AnswerNote, FeedbackRequest, MailPreference, Pin, Review
from prepcoach.practice.models import Attempt

FULL = "This link has had as many reviews as it takes. Thank you all the same."
MAX_REVIEWS = 20  # per link: a link shared further than meant cannot flood its owner
UNSUBSCRIBE_SALT = "prepcoach.feedback.unsubscribe"


def _duration(attempt: Attempt) -> float | None:
    duration = (attempt.analysis or {}).get("duration_s")
    return float(duration) if isinstance(duration, (int, float)) else None


@dataclass
class Written:
    """What a filled-in form makes (unsaved): the general comment, and the pins and untimed
    notes of each box, each on its answer (None: an answer removed since the page was open)."""

    general: str
    pins: list[Pin] = field(default_factory=list)
    notes: list[AnswerNote] = field(default_factory=list)

    def add_box(self, text: str, attempt: Attempt | None) -> None:
        parsed = parse_comments(text, _duration(attempt) if attempt is not None else None)
        self.pins += [Pin(attempt=attempt, at_s=p.at_s, text=p.text) for p in parsed.pins]
        if parsed.general:
            self.notes.append(AnswerNote(attempt=attempt, text=parsed.general))


def _written(ask: FeedbackRequest, form: ReviewForm, answers: Sequence[Attempt]) -> Written:
    text = form.cleaned_data["comments"]
    if ask.thing == "story":
        return Written(text.strip())
    if ask.thing == "answer":
        assert ask.attempt is not None
        parsed = parse_comments(text, _duration(ask.attempt))
        pins = [Pin(attempt=ask.attempt, at_s=p.at_s, text=p.text) for p in parsed.pins]
        return Written(parsed.general, pins)
    # A mock interview: each box by its answer's id; lines without a time stay with that
    # answer (a note), so the general comment holds only what was typed in its own box.
    written = Written(text.strip())
    by_id = {a.pk: a for a in answers}
    for attempt_id, box in form.answer_texts().items():
        written.add_box(box, by_id[attempt_id])
    for box in form.removed_texts():
        written.add_box(box, None)
    return written


def full(ask: FeedbackRequest) -> bool:
    return ask.reviews.count() >= MAX_REVIEWS


@transaction.atomic
def save_review(
    ask: FeedbackRequest, mine: Review | None, browser_key: str, form: ReviewForm,
    answers: Sequence[Attempt] = (),
) -> bool:  # fmt: skip
    """Add or update (`mine`) the review; False when the link already has `MAX_REVIEWS`.
    `answers`: a mock interview's answers the link opens, whose boxes the form has. Updating
    replaces what was written on those answers; words on answers removed since stay."""
    written = _written(ask, form, answers)
    # Reviews of one link are written one at a time, so the cap holds under parallel posts.
    FeedbackRequest.objects.select_for_update().filter(pk=ask.pk).first()
    if mine is None and full(ask):
        return False
    review = mine or Review(request=ask, browser_key=browser_key)
    review.reviewer_name = form.cleaned_data["reviewer_name"]
    review.overall = form.cleaned_data["overall"]
    # A line the form did not show (none a reviewer could score: `review_rubric` shows every
    # line of the rubrics it was scored on) keeps its score: sending a review again loses nothing.
    unshown = {k: v for k, v in (review.scores or {}).items() if f"score_{k}" not in form.fields}
    review.scores = unshown | form.scores()
    review.comment = written.general
    review.save()
    boxes = [a.pk for a in answers] if ask.thing == "mock interview" else []
    if ask.attempt_id is not None:
        boxes.append(ask.attempt_id)
    review.pins.filter(attempt_id__in=boxes).delete()
    review.notes.filter(attempt_id__in=boxes).delete()
    # The same box for a removed answer sent twice (from a page left open) is kept once.
    kept_pins = {(p.at_s, p.text) for p in review.pins.filter(attempt__isnull=True)}
    kept_notes = {n.text for n in review.notes.filter(attempt__isnull=True)}
    for pin in written.pins:
        pin.review = review
    for note in written.notes:
        note.review = review
    Pin.objects.bulk_create(
        p for p in written.pins if p.attempt is not None or (p.at_s, p.text) not in kept_pins
    )
    AnswerNote.objects.bulk_create(
        n for n in written.notes if n.attempt is not None or n.text not in kept_notes
    )
    if mine is None and MailPreference.wants_review_mail(ask.owner):
        transaction.on_commit(lambda: mail_owner(ask, review))
    return True


def review_rubric(
    rubric: Sequence[tuple[str, str]], mine: Review | None
) -> tuple[tuple[str, str], ...]:
    """The lines a reviewer scores on: the thing's `rubric` (`Subject.rubric`), then, reopening
    their review (`mine`), each line of the other rubric it was scored on: a review saved on
    the story's lines, reopened once the answer was read as a plan (or the reverse), showed the
    plan's alone and lost the story's on saving. Shown, they can be kept, changed or cleared."""
    return with_lines(rubric, set(mine.scores or {}) if mine is not None else set())


def comments_initial(review: Review, answers: Sequence[Attempt] = ()) -> dict[str, str]:
    """The comment boxes as the reviewer left them, to edit: each answer's pins back as timed
    lines above its note, in the box of that answer."""
    pins = list(review.pins.all())
    if review.request.session_id is None:  # one answer (or a story): one box
        lines = [pin_line(p.at_s, p.text) for p in pins]
        return {"comments": "\n".join([*lines, review.comment]).strip()}
    notes = list(review.notes.all())
    out = {"comments": review.comment}
    for attempt in answers:
        lines = [pin_line(p.at_s, p.text) for p in pins if p.attempt_id == attempt.pk]
        lines += [n.text for n in notes if n.attempt_id == attempt.pk]
        out[f"answer_{attempt.pk}"] = "\n".join(lines)
    return out


def removed_remarks(review: Review, answers: Sequence[Attempt]) -> list[str]:
    """What the reviewer wrote on answers removed since (kept, shown to them, not editable)."""
    shown = {a.pk for a in answers}
    pins = [pin_line(p.at_s, p.text) for p in review.pins.all() if p.attempt_id not in shown]
    return pins + [n.text for n in review.notes.all() if n.attempt_id not in shown]


def mail_owner(ask: FeedbackRequest, review: Review) -> None:
    """“Feedback arrived”, through the worker, with the one-click stop every notification has."""
    page = settings.SITE_URL + ask.owner_url()
    stop = stop_url("feedback:unsubscribe", ask.owner_id, UNSUBSCRIBE_SALT)
    body = (
        f"{review.reviewer_name} sent feedback on {ask.subject_phrase} ({review.overall} of 5)."
        f"\n\nRead it beside your own rating and the measures:\n{page}\n\n"
        f"No more mails like this one: {stop}\n"
    )
    send_email.enqueue(
        subject=f"Feedback arrived on your {ask.thing}", body=body, to=[ask.owner.email],
        headers=stop_headers(stop),
    )  # fmt: skip
