"""Feedback on a recorded answer: the owner asks for it with a link, a reviewer without an
account opens the link, plays the recording and scores it, and the owner sees every review
beside their own rating and prepcoach's measures. Who may see what: `accounts.access`."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import (
    feedback_request_for_link,
    get_owned_or_404,
    new_link_token,
    owned_by,
    signed_in_user,
)
from prepcoach.accounts.models import User
from prepcoach.accounts.tasks import send_email
from prepcoach.coach.answer import measured_rating
from prepcoach.coach.content import analyse_content
from prepcoach.coach.feedback import (
    REVIEW_RUBRIC,
    ReviewScores,
    calibrate,
    clock,
    compare,
    parse_comments,
)
from prepcoach.coach.rubric import read_answer
from prepcoach.feedback.forms import FeedbackRequestForm, ReviewForm
from prepcoach.feedback.models import FeedbackRequest, MailPreference, Pin, Review
from prepcoach.practice.media import recording_response
from prepcoach.practice.models import Attempt

NEW_LINK = "feedback-new-link-"
FULL = "This link has had as many reviews as it takes. Thank you all the same."
MAX_REVIEWS = 20  # per link: a link shared further than meant cannot flood its owner
UNSUBSCRIBE_SALT = "prepcoach.feedback.unsubscribe"


def _attempt(request: HttpRequest, attempt_id: int) -> Attempt:
    return get_owned_or_404(Attempt.objects.all(), signed_in_user(request), pk=attempt_id)


@login_required
def attempt_feedback(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The owner's page: ask for feedback, the links made, and what reviewers said."""
    attempt = _attempt(request, attempt_id)
    # "Ask for feedback" from a contact in the user's network names who it is for.
    form = FeedbackRequestForm(initial={"reviewer_label": request.GET.get("for", "")[:80]})
    return render(request, "feedback/attempt.html", _owner_context(attempt, form))


def _owner_context(attempt: Attempt, form: FeedbackRequestForm) -> dict[str, Any]:
    asks = list(owned_by(FeedbackRequest.objects.filter(attempt=attempt), attempt.user, "owner"))
    reviews = list(
        Review.objects.filter(request__in=asks).select_related("request").prefetch_related("pins")
    )
    scores = [ReviewScores(r.reviewer_name, r.overall, r.scores) for r in reviews]
    data = attempt.analysis or {}
    said = str(data.get("transcript") or attempt.text or "")
    # prepcoach's own reading stands beside theirs only where it heard the whole answer.
    ours = read_answer(analyse_content(said)) if said.strip() and not data.get("withheld") else []
    return {
        "attempt": attempt,
        "form": form,
        "asks": asks,
        "reviews": reviews,
        "calibration": calibrate(attempt.rating, scores, measured_rating(data) if data else None),
        "rows": compare(scores, ours) if reviews else [],
    }


@login_required
@require_POST
def request_new(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, attempt_id)
    form = FeedbackRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/attempt.html", _owner_context(attempt, form), status=400)
    token, digest = new_link_token()
    ask: FeedbackRequest = form.save(commit=False)
    ask.owner, ask.attempt, ask.token_digest = attempt.user, attempt, digest
    ask.expires_at = FeedbackRequest.expiry(form.cleaned_data["days"])
    ask.save()
    # The link is shown once, on the page this redirects to: only its digest is stored. The
    # token waits in the owner's session until then, so a refresh never makes a second link.
    request.session[f"{NEW_LINK}{ask.pk}"] = token
    return redirect("feedback:created", request_id=ask.pk)


@login_required
@never_cache
def request_created(request: HttpRequest, request_id: int) -> HttpResponse:
    ask = get_owned_or_404(
        FeedbackRequest.objects.select_related("attempt"), signed_in_user(request), "owner",
        pk=request_id,
    )  # fmt: skip
    token = request.session.pop(f"{NEW_LINK}{ask.pk}", None)
    link = request.build_absolute_uri(reverse("feedback:review", args=[token])) if token else ""
    return render(
        request, "feedback/created.html", {"attempt": ask.attempt, "ask": ask, "link": link}
    )


@login_required
@require_POST
def request_withdraw(request: HttpRequest, request_id: int) -> HttpResponse:
    ask = get_owned_or_404(
        FeedbackRequest.objects.all(), signed_in_user(request), "owner", pk=request_id
    )
    if ask.revoked_at is None:
        ask.revoked_at = timezone.now()
        ask.save(update_fields=["revoked_at"])
    messages.info(
        request, f"The link for {ask.reviewer_label} no longer works. Their feedback stays."
    )
    return redirect("feedback:attempt", attempt_id=ask.attempt_id)


def _not_a_link(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/link_gone.html", status=404)


@never_cache  # a withdrawn link must stop working everywhere, shared caches included
def review(request: HttpRequest, token: str) -> HttpResponse:
    """The reviewer's page: the answer and the rubric; no account, only the link."""
    ask = feedback_request_for_link(token)
    if ask is None:
        return _not_a_link(request)
    key = f"feedback-review-{ask.pk}"
    browser_key = request.session.get(key, "")
    mine = (
        Review.objects.filter(request=ask, browser_key=browser_key).first() if browser_key else None
    )
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if mine is None and _full(ask):
            form.add_error(None, FULL)
        if form.is_valid():
            browser_key = browser_key or secrets.token_hex(16)
            request.session[key] = browser_key
            if _save_review(ask, mine, browser_key, form):
                return render(
                    request, "feedback/thanks.html", {"ask": ask, "updated": mine is not None}
                )
            form.add_error(None, FULL)
    else:
        initial: dict[str, object] = {}
        if mine is not None:
            initial = {"reviewer_name": mine.reviewer_name, "overall": mine.overall,
                       "comments": _comments_text(mine)}  # fmt: skip
            initial |= {f"score_{k}": str(v) for k, v in mine.scores.items()}
        form = ReviewForm(initial=initial)
    return render(request, "feedback/review.html", _review_context(ask, token, form, mine))


def _comments_text(review: Review) -> str:
    pins = [f"{clock(p.at_s)} — {p.text}" for p in review.pins.all()]
    return "\n".join([*pins, review.comment]).strip()


def _review_context(
    ask: FeedbackRequest, token: str, form: ReviewForm, mine: Review | None
) -> dict[str, Any]:
    attempt = ask.attempt
    data = attempt.analysis or {}
    return {
        "ask": ask,
        "attempt": attempt,
        "token": token,
        "form": form,
        "mine": mine,
        "criteria": [form[f"score_{name}"] for name, _ in REVIEW_RUBRIC],
        "transcript": (data.get("transcript") or attempt.text) if ask.show_transcript else "",
        "report": data if ask.show_measures and data.get("transcript") else None,
    }


def _full(ask: FeedbackRequest) -> bool:
    return ask.reviews.count() >= MAX_REVIEWS


@transaction.atomic
def _save_review(
    ask: FeedbackRequest, mine: Review | None, browser_key: str, form: ReviewForm
) -> bool:
    duration = (ask.attempt.analysis or {}).get("duration_s")
    parsed = parse_comments(
        form.cleaned_data["comments"], duration if isinstance(duration, (int, float)) else None
    )
    # Reviews of one link are written one at a time, so the cap holds under parallel posts.
    FeedbackRequest.objects.select_for_update().filter(pk=ask.pk).first()
    if mine is None and _full(ask):
        return False
    review = mine or Review(request=ask, browser_key=browser_key)
    review.reviewer_name = form.cleaned_data["reviewer_name"]
    review.overall = form.cleaned_data["overall"]
    review.scores = form.scores()
    review.comment = parsed.general
    review.save()
    review.pins.all().delete()
    Pin.objects.bulk_create(Pin(review=review, at_s=p.at_s, text=p.text) for p in parsed.pins)
    if mine is None and MailPreference.wants_review_mail(ask.owner):
        transaction.on_commit(lambda: _mail_owner(ask, review))
    return True


def _mail_owner(ask: FeedbackRequest, review: Review) -> None:
    base = settings.SITE_URL
    page = base + reverse("feedback:attempt", args=[ask.attempt_id])
    stop = base + reverse(
        "feedback:unsubscribe", args=[signing.dumps(ask.owner_id, salt=UNSUBSCRIBE_SALT)]
    )
    body = (
        f"{review.reviewer_name} sent feedback on your answer to “{ask.attempt.question_text}”"
        f" ({review.overall} of 5).\n\nRead it beside your own rating and the measures:\n{page}\n\n"
        f"No more mails like this one: {stop}\n"
    )
    send_email.enqueue(
        subject="Feedback arrived on your answer", body=body, to=[ask.owner.email],
        headers={"List-Unsubscribe": f"<{stop}>",
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )  # fmt: skip


@never_cache
def review_media(request: HttpRequest, token: str) -> HttpResponse | FileResponse:
    ask = feedback_request_for_link(token)
    if ask is None:
        return _not_a_link(request)
    return recording_response(request, ask.attempt)


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def unsubscribe(request: HttpRequest, signed: str) -> HttpResponse:
    """One click, no sign-in: no more "feedback arrived" mails for the user the link names."""
    try:
        user_id = signing.loads(signed, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "feedback/unsubscribed.html", {"ok": False}, status=404)
    if request.method == "POST":
        if User.objects.filter(pk=user_id).exists():  # an account deleted since gets no mail
            MailPreference.objects.update_or_create(
                user_id=user_id, defaults={"review_mail": False}
            )
        return render(request, "feedback/unsubscribed.html", {"ok": True})
    return render(request, "feedback/unsubscribed.html", {"ok": None, "signed": signed})
