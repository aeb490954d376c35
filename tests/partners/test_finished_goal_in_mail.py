"""A partner's weekly mail tells a finished shared goal by how it ended, never by a pace or
"no target date" (it has one). Alice shares her mocks goal with Bob and drops it at 2 of 5,
and her stories goal, reached with nothing logged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import Profile, User
from prepcoach.coach.partners import Standing, goal_standing, partner_report
from prepcoach.coach.progress import Outcome, goal_progress, weekly_review
from prepcoach.goals.models import CheckIn, Goal
from prepcoach.partners.mail import report_for
from prepcoach.partners.models import Partnership
from tests.goals.conftest import days, today


def test_the_weekly_report_says_how_each_finished_goal_ended(alice: User, bob: User) -> None:
    mocks = Goal.objects.create(
        user=alice, text="Do 5 recorded mock interviews", target_date=days(14),
        start_date=days(-14), target_value=Decimal(5), unit="mock interviews",
    )  # fmt: skip
    CheckIn.objects.create(goal=mocks, day=days(-3), value=Decimal(2))
    stories = Goal.objects.create(
        user=alice, text="Write 5 STAR stories", target_date=days(14), start_date=days(-14),
        target_value=Decimal(5), unit="stories",
    )  # fmt: skip
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(mocks, stories)
    before = {g.title: g.sentence for g in report_for(partnership, today()).goals}
    assert "ideal line" in before["Do 5 recorded mock interviews"]  # active: its pace
    closed = dt.datetime.combine(days(-1), dt.time(12), dt.UTC)
    Goal.objects.filter(pk=mocks.pk).update(status=Goal.Status.DROPPED, closed_at=closed)
    Goal.objects.filter(pk=stories.pk).update(
        status=Goal.Status.DONE, completed_on=days(-1), closed_at=closed
    )
    report = report_for(partnership, today())
    sentences = {g.title: g.sentence for g in report.goals}
    on = f"on {days(-1):%-d %b %Y}"
    assert sentences == {
        "Do 5 recorded mock interviews": f"Dropped {on}: last measured 40% done "
        "(2 of 5 mock interviews).",
        "Write 5 STAR stories": f"Reached {on}: no progress was logged.",
    }
    assert "behind" not in report.headline


def test_a_closed_goal_is_never_behind_in_the_core() -> None:
    day = dt.date(2030, 3, 4)
    progress = goal_progress(
        start=day - dt.timedelta(days=10), deadline=day + dt.timedelta(days=10), today=day,
        target=4, unit="mocks",
    )  # fmt: skip
    assert progress.behind  # 0 % against an ideal line at 50 %
    dropped = Outcome(reached=False, closed_on=day, percent=None, basis="")
    assert goal_standing("Mocks", progress, dropped).standing is Standing.DROPPED
    report = partner_report("Alice", [("Mocks", progress)], weekly_review([], day), (), [dropped])
    assert report.goals[0].sentence == "Dropped on 4 Mar 2030: no progress was logged."
    assert "behind" not in report.headline


def test_the_day_a_goal_ended_is_the_owners_in_the_mail_and_on_the_partners_page(
    client: Client, alice: User, bob: User
) -> None:
    """Alice, in Auckland, drops her goal at 23:30 UTC, already the next morning for her. The
    worker's mail and Bob's page (his clock is UTC) give her day, not the server's or his."""
    profile = Profile.objects.get(user=alice)
    profile.time_zone = "Pacific/Auckland"
    profile.save()
    alice.refresh_from_db()
    mocks = Goal.objects.create(
        user=alice, text="Do 5 recorded mock interviews", target_date=days(14),
        start_date=days(-14), target_value=Decimal(5), unit="mock interviews",
    )  # fmt: skip
    partnership = Partnership.objects.create(owner=alice, partner=bob)
    partnership.goals.add(mocks)
    closed = dt.datetime.combine(days(-3), dt.time(23, 30), dt.UTC)
    Goal.objects.filter(pk=mocks.pk).update(status=Goal.Status.DROPPED, closed_at=closed)
    hers = f"Dropped on {days(-2):%-d %b %Y}"
    with timezone.override(dt.UTC):  # as the worker runs
        (sentence,) = [g.sentence for g in report_for(partnership, today()).goals]
    assert sentence.startswith(hers), sentence
    client.force_login(bob)
    page = client.get(reverse("partners:detail", args=[partnership.pk])).text
    assert hers in page
    assert f"Dropped on {days(-3):%-d %b %Y}" not in page
