"""The page behind a feedback link: no account, only the link, and only the one thing it was
made for. An answer: its question, recording and (if its owner chose) transcript and measures.
A mock interview: every answer of that session in order, each with its question, recording and
its own comment box for pins, and one rubric review for the whole. A story: its title and
S/T/A/R text, on the rubric without what only a recording shows. What a link opens is decided
by `accounts.access` (`feedback_request_for_link`, `feedback_attempt_for_link`)."""

from __future__ import annotations

import secrets
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from prepcoach.accounts.access import feedback_attempt_for_link, feedback_request_for_link
from prepcoach.feedback import subjects
from prepcoach.feedback.forms import ReviewForm
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.feedback.reviews import (
    FULL,
    comments_initial,
    full,
    removed_remarks,
    review_rubric,
    save_review,
)
from prepcoach.feedback.subjects import Subject
from prepcoach.practice.media import recording_response


def _not_a_link(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/link_gone.html", status=404)


def _attempts(subject: Subject) -> list[Any]:
    return [a.attempt for a in subject.answers] if subject.thing == "mock interview" else []


@never_cache  # a withdrawn link must stop working everywhere, shared caches included
def review(request: HttpRequest, token: str) -> HttpResponse:
    """The reviewer's page: the thing and the rubric."""
    ask = feedback_request_for_link(token)
    if ask is None:
        return _not_a_link(request)
    subject = subjects.of_request(ask)
    if subject.thing == "answer" and not subject.answers:
        return _not_a_link(request)
    attempts = _attempts(subject)
    key = f"feedback-review-{ask.pk}"
    browser_key = request.session.get(key, "")
    mine = (
        Review.objects.filter(request=ask, browser_key=browser_key).first() if browser_key else None
    )
    # The boxes are the answers this link opens now (`accounts.access`), by id.
    shape: dict[str, Any] = {
        "thing": subject.thing,
        "rubric": review_rubric(subject.rubric, mine),  # and the lines `mine` was scored on
        "answers": [(a.attempt.pk, a.number) for a in subject.answers]
        if subject.thing == "mock interview" else [],
        # A typed answer is read: its box speaks of reading, not of a player's times.
        "heard": subject.heard,
        "typed": {a.attempt.pk for a in subject.answers if not subjects.is_heard(a.attempt)},
    }  # fmt: skip
    if request.method == "POST":
        form = ReviewForm(request.POST, **shape)
        if mine is None and full(ask):
            form.add_error(None, FULL)
        if form.is_valid():
            browser_key = browser_key or secrets.token_hex(16)
            request.session[key] = browser_key
            if save_review(ask, mine, browser_key, form, attempts):
                return render(request, "feedback/thanks.html", {
                    "ask": ask, "updated": mine is not None,
                    "removed": len(form.removed_texts()),
                })  # fmt: skip
            form.add_error(None, FULL)
    else:
        initial: dict[str, object] = {}
        if mine is not None:
            initial = {"reviewer_name": mine.reviewer_name, "overall": mine.overall}
            initial |= comments_initial(mine, attempts)
            initial |= {f"score_{k}": str(v) for k, v in mine.scores.items()}
        form = ReviewForm(initial=initial, **shape)
    status = 422 if request.method == "POST" else 200
    context = _context(ask, subject, token, form, mine)
    mock = subject.thing == "mock interview"
    context["removed"] = removed_remarks(mine, attempts) if mine and mock else []
    return render(request, "feedback/review.html", context, status=status)


def _context(
    ask: FeedbackRequest, subject: Subject, token: str, form: ReviewForm, mine: Review | None
) -> dict[str, Any]:
    boxes = form.answer_comments()
    answers = []
    for answer in subject.answers:
        data = answer.attempt.analysis or {}
        answers.append({
            "answer": answer,
            "attempt": answer.attempt,
            # A typed answer is its words: shown whatever the link says of a transcript.
            "transcript": subjects.said(answer.attempt)
            if ask.show_transcript or not subjects.is_heard(answer.attempt) else "",
            "report": data if ask.show_measures and data.get("transcript") else None,
            "comments": boxes.get(answer.attempt.pk),
        })  # fmt: skip
    return {
        "ask": ask,
        "subject": subject,
        "answers": answers,
        "token": token,
        "form": form,
        "mine": mine,
        "criteria": form.criteria(),
        "asker": getattr(getattr(ask.owner, "profile", None), "name", "")
        or "Someone preparing for interviews",
    }


@never_cache
@require_safe
def review_media(request: HttpRequest, token: str) -> HttpResponse | FileResponse:
    """The recording of a link made for one answer."""
    ask = feedback_request_for_link(token)
    if ask is None or ask.attempt_id is None:
        return _not_a_link(request)
    attempt = feedback_attempt_for_link(token, ask.attempt_id)
    if attempt is None:
        return _not_a_link(request)
    return recording_response(request, attempt)


@never_cache
@require_safe
def review_answer_media(
    request: HttpRequest, token: str, attempt_id: int
) -> HttpResponse | FileResponse:
    """The recording of one answer the link opens (of its mock interview), and of no other."""
    attempt = feedback_attempt_for_link(token, attempt_id)
    if attempt is None:
        return _not_a_link(request)
    return recording_response(request, attempt)
