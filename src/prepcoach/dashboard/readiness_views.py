"""Readiness for one interview, and its pre-interview card: the view gathers the rows
(`dashboard/readiness.py`), `coach.readiness` decides what they show, the template lays it
out. Owner only: the interview is fetched through `accounts.access` (interviews' own lookup),
and one that is gone answers the interviews' 404 page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from prepcoach.accounts.access import signed_in_user
from prepcoach.accounts.timing import local_now
from prepcoach.coach import debrief as timing
from prepcoach.dashboard.readiness import readiness_of
from prepcoach.interviews.views import gone, interview_or_none
from prepcoach.jobs.models import Interview


def _context(request: HttpRequest, interview: Interview) -> dict[str, Any]:
    user = signed_in_user(request)
    now = local_now(user)
    found = readiness_of(user, interview, now.date())
    return {
        "interview": interview,
        "job": interview.opportunity,
        "r": found,
        "coverage": [(row, found.stories.named(row)) for row in found.stories.rows],
        "when": timing.when_words(interview.starts_at.astimezone(now.tzinfo), now.date()),
        "countdown": timing.countdown(interview.starts_at, now) if interview.starts_at > now
        else "",
        "interviewers": [line.strip() for line in interview.interviewers.splitlines()
                         if line.strip()],
    }  # fmt: skip


@login_required
@require_safe
def readiness(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request)
    return render(request, "dashboard/readiness.html", _context(request, interview))


@login_required
@require_safe
def card(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request)
    return render(request, "dashboard/card.html", _context(request, interview))
