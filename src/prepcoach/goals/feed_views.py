"""Calendar and reminders: the private calendar address (made, shown once, revoked), the feed a
calendar app subscribes to, and the plan as a one-off .ics download.

The address is a capability: only its SHA-256 is stored (`CalendarFeed.token_digest`), as for
API tokens and feedback links, so the database alone opens no one's calendar. The address is
shown once, on the page after it is made; the feed and the download answer GET and HEAD only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import calendar_feed_owner, new_link_token, signed_in_user
from prepcoach.goals.calendar import build_calendar
from prepcoach.goals.forms import ReminderForm
from prepcoach.goals.models import CalendarFeed, ReminderSettings

NEW_ADDRESS = "goals:new_calendar_address"  # the session key the fresh address waits under


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    reminders, _ = ReminderSettings.objects.get_or_create(user=user)
    form = ReminderForm(request.POST or None, instance=reminders)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Reminder settings saved.")
        return redirect("goals:calendar")
    feed = CalendarFeed.objects.filter(user=user).first()
    fresh = request.session.pop(NEW_ADDRESS, None)
    feed_url = (
        request.build_absolute_uri(reverse("goals:feed", args=[fresh])) if feed and fresh else None
    )
    return render(
        request, "goals/calendar.html", {"form": form, "feed": feed, "feed_url": feed_url}
    )


@login_required
@require_POST
def feed_action(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    with transaction.atomic():
        had_one = CalendarFeed.objects.filter(user=user).delete()[0] > 0
        if request.POST.get("action") == "create":
            token, digest = new_link_token()
            CalendarFeed.objects.create(user=user, token_digest=digest)
            # Shown once, on the page this redirects to; a refresh there makes no second one.
            request.session[NEW_ADDRESS] = token
            messages.success(
                request,
                "New calendar address made; the old one stopped working."
                if had_one
                else "Calendar address made: copy it into your calendar now.",
            )
        else:
            request.session.pop(NEW_ADDRESS, None)
            messages.info(
                request, "Calendar address revoked: calendars subscribed to it stop updating."
            )
    return redirect("goals:calendar")


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed calendar: no session, the secret address is the access."""
    owner = calendar_feed_owner(token)
    if owner is None:
        return HttpResponse("This calendar address was revoked or never existed.", status=404,
                            content_type="text/plain; charset=utf-8")  # fmt: skip
    body = build_calendar(owner, request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def ics_download(request: HttpRequest) -> HttpResponse:
    body = build_calendar(signed_in_user(request), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="prepcoach-plan.ics"'
    return response
