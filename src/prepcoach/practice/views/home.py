from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prepcoach.coach.trends import Trend, percent, weekly
from prepcoach.feedback.subjects import answer_asks
from prepcoach.practice.follow_ups import follow_up_of
from prepcoach.practice.forms import BodyLanguageSettingsForm, FeedbackSettingsForm
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.practice.report import TrendChart, trend_charts
from prepcoach.practice.views.common import settings_of, user_of, visible_questions, with_jobs
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
            "attempts": with_jobs(
                Attempt.objects.filter(user=user).select_related(
                    "question", "job", "session__opportunity"
                )[:8]
            ),
            "mocks": MockSession.objects.filter(user=user)[:5],
            "bank_size": visible_questions(request).count(),
        },
    )


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    """Trends of every measured figure over the weeks, across all analysed answers."""
    user = user_of(request)
    analysed = (
        Attempt.objects.filter(user=user, status=Attempt.Status.ANALYSED)
        .select_related("follow_up_to")
        .order_by("created_at")
    )
    # Each by what its question asks for (a follow-up's, its question's): one asking for neither
    # a story nor a plan is on no STAR line, nor is a follow-up's that asked for one part (it
    # is judged on that part, `practice.follow_ups`).
    answers = [
        (
            timezone.localtime(a.created_at).date(),
            a.analysis or {},
            answer_asks(a),
            bool((follow := follow_up_of(a)) and follow.asks_part),
        )
        for a in analysed
    ]
    trends = weekly(answers)
    charts = [
        (_in_percent(trend, chart), " points") if trend.share else (chart, "")
        for trend, chart in zip(trends, trend_charts(trends), strict=True)
    ]
    return render(request, "practice/progress.html", {"charts": charts, "count": len(answers)})


def _in_percent(trend: Trend, chart: TrendChart) -> TrendChart:
    """A line of shares (`Trend.share`: the week's plans that say what the user would do)
    with every figure in percent, as the other shares are shown: its axis 0 % to 100 %, its
    values "100 %" and its change in percentage points. It read "1" by a dot at the top."""
    points = trend.points
    if not points:  # nothing drawn (`trend_charts`)
        return chart
    labelled = sorted({0, len(points) - 1})  # the first and last weeks, as `trend_charts` writes
    week, latest = points[-1]
    return replace(
        chart,
        dots=[
            (x, y, f"{percent(value)} in the week of {day:%-d %b}")
            for (x, y, _), (day, value) in zip(chart.dots, points, strict=True)
        ],
        y_ticks=[(y, percent(float(value))) for y, value in chart.y_ticks],
        values=[
            (x, y, percent(points[i][1]))
            for (x, y, _), i in zip(chart.values, labelled, strict=True)
        ],
        latest=f"{percent(latest)} in the week of {week:%-d %b}",
        change=None if chart.change is None else round(chart.change * 100),
    )


@login_required
def feedback_settings(request: HttpRequest) -> HttpResponse:
    """The thresholds the report judges delivery and body language by; each answer analysed
    from now on uses them. Nothing is saved while any value is refused."""
    mine = settings_of(user_of(request))
    form = FeedbackSettingsForm(request.POST or None, instance=mine)
    body = BodyLanguageSettingsForm(request.POST or None, instance=mine)
    if request.method == "POST" and all([form.is_valid(), body.is_valid()]):
        body.apply()
        form.save()
        messages.success(
            request,
            "Saved: new analyses use these thresholds (use “Analyse again” for old answers).",
        )
        return redirect("practice:feedback_settings")
    return render(request, "practice/feedback_settings.html", {"form": form, "body": body})
