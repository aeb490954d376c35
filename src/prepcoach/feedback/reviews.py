"""Saving a review (from a link's holder, or a peer mock's interviewer) and telling the owner.

A review is one rubric score and overall figure for the thing asked about, a general comment,
and pins: comments at a moment of a recording. For a mock interview each answer has its own
comment box, whose timed lines pin to that answer's recording; a story has no recording, so
its comments stay whole."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction

from prepcoach.accounts.mailstop import stop_headers, stop_url
from prepcoach.accounts.tasks import send_email
from prepcoach.coach.feedback import MAX_PINS, clock, parse_comments
from prepcoach.feedback.forms import ReviewForm
from prepcoach.feedback.models import FeedbackRequest, MailPreference, Pin, Review
from prepcoach.practice.models import Attempt

FULL = "This link has had as many reviews as it takes. Thank you all the same."
MAX_REVIEWS = 20  # per link: a link shared further than meant cannot flood its owner
UNSUBSCRIBE_SALT = "prepcoach.feedback.unsubscribe"


def _duration(attempt: Attempt) -> float | None:
    duration = (attempt.analysis or {}).get("duration_s")
    return float(duration) if isinstance(duration, (int, float)) else None


def _split(
    ask: FeedbackRequest, form: ReviewForm, answers: Sequence[Attempt]
) -> tuple[str, list[Pin]]:
    """The general comment and the pins (unsaved) a filled-in form makes."""
    text = form.cleaned_data["comments"]
    if ask.thing == "story":
        return text.strip(), []
    if ask.thing == "answer":
        assert ask.attempt is not None
        parsed = parse_comments(text, _duration(ask.attempt))
        return parsed.general, [Pin(at_s=p.at_s, text=p.text) for p in parsed.pins]
    general, pins = [text.strip()], list[Pin]()
    for n, (attempt, written) in enumerate(zip(answers, form.answer_texts(), strict=False), 1):
        parsed = parse_comments(written, _duration(attempt))
        room = MAX_PINS - len(pins)
        pins += [Pin(attempt=attempt, at_s=p.at_s, text=p.text) for p in parsed.pins[:room]]
        # Lines without a time stay with the review, saying which answer they are about.
        if parsed.general:
            general.append(f"On answer {n}: {parsed.general}")
    return "\n\n".join(g for g in general if g), pins


def full(ask: FeedbackRequest) -> bool:
    return ask.reviews.count() >= MAX_REVIEWS


@transaction.atomic
def save_review(
    ask: FeedbackRequest, mine: Review | None, browser_key: str, form: ReviewForm,
    answers: Sequence[Attempt] = (),
) -> bool:  # fmt: skip
    """Add or update (`mine`) the review; False when the link already has `MAX_REVIEWS`.
    `answers`: a mock interview's answers in the order of the form's comment boxes."""
    general, pins = _split(ask, form, answers)
    # Reviews of one link are written one at a time, so the cap holds under parallel posts.
    FeedbackRequest.objects.select_for_update().filter(pk=ask.pk).first()
    if mine is None and full(ask):
        return False
    review = mine or Review(request=ask, browser_key=browser_key)
    review.reviewer_name = form.cleaned_data["reviewer_name"]
    review.overall = form.cleaned_data["overall"]
    review.scores = form.scores()
    review.comment = general
    review.save()
    review.pins.all().delete()
    for pin in pins:
        pin.review = review
    Pin.objects.bulk_create(pins)
    if mine is None and MailPreference.wants_review_mail(ask.owner):
        transaction.on_commit(lambda: mail_owner(ask, review))
    return True


def comments_initial(review: Review, answers: Sequence[Attempt] = ()) -> dict[str, str]:
    """The comment boxes as the reviewer left them, to edit: pins back as timed lines."""
    pins = list(review.pins.all())
    if not answers:
        lines = [f"{clock(p.at_s)} — {p.text}" for p in pins]
        return {"comments": "\n".join([*lines, review.comment]).strip()}
    out = {"comments": review.comment}
    for n, attempt in enumerate(answers, start=1):
        lines = [f"{clock(p.at_s)} — {p.text}" for p in pins if p.attempt_id == attempt.pk]
        out[f"comments_{n}"] = "\n".join(lines)
    return out


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
