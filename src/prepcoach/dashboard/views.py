from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import Profile, User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.digest import trend_words
from prepcoach.dashboard import news
from prepcoach.dashboard.digest import today_for
from prepcoach.goals import plans
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.evidence import areas_of
from prepcoach.practice.models import Attempt, DrillCard
from prepcoach.reflection.models import Story

DASHBOARD_AREAS = 3  # the first few; the page holds them all


def home(request: HttpRequest) -> HttpResponse:
    """The dashboard once signed in; otherwise a welcome, or the first-account invitation."""
    if not request.user.is_authenticated:
        first_account = not User.objects.exists()
        return render(request, "dashboard/welcome.html", {"first_account": first_account})
    assert isinstance(request.user, User)
    profile = Profile.objects.filter(user=request.user).first()
    today = timezone.localdate()
    found = areas_of(request.user, today).areas
    areas = found[:DASHBOARD_AREAS]
    return render(
        request,
        "dashboard/home.html",
        {
            "profile_blank": profile is None or profile.is_blank,
            "plan": plans.summary(request.user, timezone.localdate()),
            "news": news.recent(request.user, timezone.now()),
            "grow": {
                "jobs": owned_by(Opportunity.objects.all(), request.user).count(),
                "stories": owned_by(Story.objects.all(), request.user).count(),
            },
            "today": today_for(request.user, local_now(request.user), found),
            "areas": [(area, trend_words(area.trend, today)) for area in areas],
            "practice": {
                "answers": Attempt.objects.filter(user=request.user).count(),
                "due": DrillCard.objects.filter(user=request.user, due__lte=timezone.now()).count(),
            },
        },
    )
