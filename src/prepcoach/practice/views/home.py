from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from prepcoach.practice.models import Attempt, MockSession
from prepcoach.practice.views.common import user_of, visible_questions
from prepcoach.practice.views.drills import _queue


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    queue, _ = _queue(request)
    return render(
        request,
        "practice/index.html",
        {
            "due": len(queue),
            "attempts": Attempt.objects.filter(user=user).select_related("question")[:8],
            "mocks": MockSession.objects.filter(user=user)[:5],
            "bank_size": visible_questions(request).count(),
        },
    )
