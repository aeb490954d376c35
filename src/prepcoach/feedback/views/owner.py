"""The owner's side: ask for feedback on an answer, a mock interview or a story with a link,
see the link once, withdraw it, and read every review beside their own rating and prepcoach's
reading. Every row is fetched through `accounts.access`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, new_link_token, signed_in_user
from prepcoach.feedback import subjects
from prepcoach.feedback.forms import FeedbackRequestForm
from prepcoach.feedback.models import FeedbackRequest
from prepcoach.feedback.subjects import Subject
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.reflection.models import Story

NEW_LINK = "feedback-new-link-"


def _attempt(request: HttpRequest, attempt_id: int) -> Subject:
    found = get_owned_or_404(Attempt.objects.all(), signed_in_user(request), pk=attempt_id)
    return subjects.of_attempt(found)


def _session(request: HttpRequest, session_id: int) -> Subject:
    found = get_owned_or_404(MockSession.objects.all(), signed_in_user(request), pk=session_id)
    return subjects.owners_session(found)


def _story(request: HttpRequest, story_id: int) -> Subject:
    return subjects.of_story(
        get_owned_or_404(Story.objects.all(), signed_in_user(request), pk=story_id)
    )


def _page(request: HttpRequest, subject: Subject) -> HttpResponse:
    # "Ask for feedback" from a contact in the user's network names who it is for.
    form = FeedbackRequestForm(
        initial={"reviewer_label": request.GET.get("for", "")[:80]}, spoken=subject.heard
    )
    context = subjects.owner_context(subject) | {"form": form}
    return render(request, "feedback/owner.html", context)


def _ask(request: HttpRequest, subject: Subject) -> HttpResponse:
    form = FeedbackRequestForm(request.POST, spoken=subject.heard)
    if not form.is_valid():
        context = subjects.owner_context(subject) | {"form": form}
        return render(request, "feedback/owner.html", context, status=400)
    token, digest = new_link_token()
    ask: FeedbackRequest = form.save(commit=False)
    ask.owner, ask.token_digest = subject.owner, digest
    for name, obj in subject.lookup.items():
        setattr(ask, name, obj)
    ask.expires_at = FeedbackRequest.expiry(form.cleaned_data["days"])
    ask.save()
    # The link is shown once, on the page this redirects to: only its digest is stored. The
    # token waits in the owner's session until then, so a refresh never makes a second link.
    request.session[f"{NEW_LINK}{ask.pk}"] = token
    return redirect("feedback:created", request_id=ask.pk)


@login_required
def attempt_feedback(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The owner's page for one answer: ask for feedback, the links made, what was said."""
    return _page(request, _attempt(request, attempt_id))


@login_required
@require_POST
def request_new(request: HttpRequest, attempt_id: int) -> HttpResponse:
    return _ask(request, _attempt(request, attempt_id))


@login_required
def session_feedback(request: HttpRequest, session_id: int) -> HttpResponse:
    """The owner's page for a whole mock interview."""
    return _page(request, _session(request, session_id))


@login_required
@require_POST
def session_ask(request: HttpRequest, session_id: int) -> HttpResponse:
    return _ask(request, _session(request, session_id))


@login_required
def story_feedback(request: HttpRequest, story_id: int) -> HttpResponse:
    """The owner's page for a STAR story."""
    return _page(request, _story(request, story_id))


@login_required
@require_POST
def story_ask(request: HttpRequest, story_id: int) -> HttpResponse:
    return _ask(request, _story(request, story_id))


@login_required
@never_cache
def request_created(request: HttpRequest, request_id: int) -> HttpResponse:
    ask = get_owned_or_404(
        FeedbackRequest.objects.select_related("attempt", "session", "story"),
        signed_in_user(request), "owner", pk=request_id,
    )  # fmt: skip
    token = request.session.pop(f"{NEW_LINK}{ask.pk}", None)
    link = request.build_absolute_uri(reverse("feedback:review", args=[token])) if token else ""
    return render(request, "feedback/created.html", {"ask": ask, "link": link})


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
    return redirect(ask.owner_url())
