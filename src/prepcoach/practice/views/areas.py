"""Improvement areas: what to work on next, from the user's answers, the reviews people gave
them, their debriefs and their drill cards (gathered by `practice.evidence`, ranked by
`coach.improvement`)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import signed_in_user
from prepcoach.coach.digest import trend_words
from prepcoach.coach.improvement import Area
from prepcoach.goals.models import Goal
from prepcoach.practice.evidence import areas_of


def _evidence_url(source: str, ref: object) -> str:
    if source == "answer":
        return reverse("practice:attempt", args=[ref])
    return str(ref)  # a review's, debrief's or drill card's ref is the page it links to


@login_required
def areas(request: HttpRequest) -> HttpResponse:
    found = areas_of(signed_in_user(request), timezone.localdate())
    return render(
        request,
        "practice/areas.html",
        {"areas": [shown(area, found.working_on.get(area.key)) for area in found.areas],
         "answers": found.answers, "reviews": found.reviews, "debriefs": found.debriefs},
    )  # fmt: skip


def shown(area: Area, goal: Goal | None) -> dict[str, object]:
    return {
        "area": area,
        "goal": goal,
        "evidence": [(_evidence_url(e.source, e.ref), e) for e in area.evidence],
        "goal_url": reverse("goals:new")
        + "?"
        + urlencode({"text": area.goal, "area": area.key if area.measured else ""}),
        # Each week's count of the answers the rule judged then, never a bare share.
        "trend": [(f"{w.monday:%-d %b}", f"{w.held} of {w.judged}") for w in area.trend],
        # In words with its counts, so one week reads as a number, not a lone point.
        "trend_words": trend_words(area.trend, timezone.localdate()),
    }
