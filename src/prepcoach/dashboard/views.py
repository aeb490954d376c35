from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prepcoach.accounts.access import followed_goals, owned_by, partnerships_of
from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.digest import trend_words
from prepcoach.dashboard import news
from prepcoach.dashboard.counts import counts_of
from prepcoach.dashboard.digest import today_for, today_rows
from prepcoach.goals import plans
from prepcoach.goals.models import Goal
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.evidence import areas_of
from prepcoach.practice.models import Attempt
from prepcoach.reflection.models import Story

DASHBOARD_AREAS = 3  # the first few; the page holds them all


def home(request: HttpRequest) -> HttpResponse:
    """The dashboard once signed in; otherwise a welcome, or the first-account invitation."""
    if not request.user.is_authenticated:
        first_account = not User.objects.exists()
        return render(request, "dashboard/welcome.html", {"first_account": first_account})
    assert isinstance(request.user, User)
    user = request.user
    profile = getattr(user, "profile", None)  # read once per request (the time zone's)
    now = local_now(user)
    today = timezone.localdate()
    rows = today_rows(user, now)  # what to do today, the countdown and the steps: read once
    found = areas_of(user, today, rows.upcoming).areas  # goals due before that interview
    counted = counts_of(
        user,
        goals=owned_by(Goal.objects.all(), user).filter(status=Goal.Status.ACTIVE),
        finished=owned_by(Goal.objects.all(), user).exclude(status=Goal.Status.ACTIVE),
        jobs=owned_by(Opportunity.objects.all(), user),
        stories=owned_by(Story.objects.all(), user),
        answers=owned_by(Attempt.objects.all(), user),
    )
    # Read once, on either side: the news of those the user made, the goals of those followed.
    partnerships = list(partnerships_of(user))
    shares = any(p.owner_id == user.pk for p in partnerships)
    # Made once, for the plan card and today's steps: the plan the week shows.
    plan = plans.plan_for(user, today, active=rows.steps, done_rows=rows.done_today)
    return render(
        request,
        "dashboard/home.html",
        {
            "profile_blank": profile is None or profile.is_blank,
            "plan": plans.summary(
                user,
                today,
                active=rows.steps,
                done_today=rows.done_today,
                active_goals=counted["goals"],
                plan=plan,
            ),
            "news": news.recent(user, timezone.now(), shares=shares),
            "following": followed_goals(user, partnerships),  # what others shared with the user
            "finished_goals": counted["finished"],
            "grow": {"jobs": counted["jobs"], "stories": counted["stories"]},
            "owed": rows.owed,
            "next": rows.upcoming,
            "today": today_for(user, now, found, rows, plan),
            "areas": [(area, trend_words(area.trend, today)) for area in found[:DASHBOARD_AREAS]],
            "practice": {"answers": counted["answers"], "due": rows.due},
        },
    )
