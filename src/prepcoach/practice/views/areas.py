"""Improvement areas: what to work on next, from the user's answers and the reviews people gave
them (the ranking and its rules are `coach.improvement`)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import owned_by, signed_in_user
from prepcoach.coach.improvement import AnswerFacts, Area, ReviewFacts, improvement_areas
from prepcoach.feedback.models import Review
from prepcoach.goals.models import Goal
from prepcoach.practice.models import Attempt

ANSWERS = 50  # the newest analysed answers read; areas judge the last ten each can judge


def _evidence_url(source: str, ref: object) -> str:
    if source == "answer":
        return reverse("practice:attempt", args=[ref])
    return str(ref)  # a review's ref is its feedback page


@login_required
def areas(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    attempts = owned_by(Attempt.objects.all(), user).filter(status=Attempt.Status.ANALYSED)
    answers = [
        AnswerFacts(a.pk, timezone.localtime(a.created_at).date(), a.question_text,
                    a.analysis or {}, a.rating)
        for a in attempts.order_by("-created_at")[:ANSWERS]
    ]  # fmt: skip
    reviews = [
        ReviewFacts(
            r.request.owner_url(), timezone.localtime(r.updated_at).date(), r.reviewer_name,
            {k: int(v) for k, v in (r.scores or {}).items() if isinstance(v, int)}, r.overall,
            r.request.attempt.rating if r.request.attempt is not None else None,
        )
        for r in owned_by(Review.objects.all(), user, "request__owner").select_related(
            "request__attempt", "request__session", "request__story"
        )
    ]  # fmt: skip
    goals = owned_by(Goal.objects.all(), user).exclude(area="").exclude(status=Goal.Status.DROPPED)
    working_on = {g.area: g for g in goals.filter(status=Goal.Status.ACTIVE)}
    # A goal reached closes its area: only later answers can open it again.
    closed = {
        g.area: g.completed_on for g in goals.filter(status=Goal.Status.DONE)
        if g.completed_on is not None
    }  # fmt: skip
    found = improvement_areas(answers, reviews, timezone.localdate(), closed)
    return render(
        request,
        "practice/areas.html",
        {"areas": [_shown(area, working_on.get(area.key)) for area in found],
         "answers": len(answers), "reviews": len(reviews)},
    )  # fmt: skip


def _shown(area: Area, goal: Goal | None) -> dict[str, object]:
    return {
        "area": area,
        "goal": goal,
        "evidence": [(_evidence_url(e.source, e.ref), e) for e in area.evidence],
        "goal_url": reverse("goals:new") + "?" + urlencode({"text": area.goal, "area": area.key}),
        "trend": [(f"{week:%-d %b}", round(share * 100)) for week, share in area.trend],
    }
