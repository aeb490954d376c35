"""A job's interview dates are shown as people write them, never as ISO "2026-12-10" (issue 12,
class 1): on the jobs list, the brief page and brief.md, which show the days of the job's
interviews (the job's page lists its interviews instead, tests/research/test_opportunities.py)."""

import datetime as dt
import zoneinfo

from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview, Opportunity
from tests.conftest import ALICE_ZONE


def test_interview_dates_read_as_words_everywhere(alice_client: Client, alice: User) -> None:
    this_year = timezone.localdate().year
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    for day in (dt.date(2031, 12, 10), dt.date(this_year, 12, 31)):
        Interview.objects.create(
            user=alice, opportunity=job, round_name="Interview",
            starts_at=dt.datetime.combine(day, dt.time(9), zoneinfo.ZoneInfo(ALICE_ZONE)),
        )  # fmt: skip
    last_day = dt.date(this_year, 12, 31).strftime("%a")
    words = f"interview {last_day} 31 Dec, Wed 10 Dec 2031"  # earliest first
    for name in ("research:index", "research:brief", "research:brief_md"):
        args = [] if name == "research:index" else [job.pk]
        text = alice_client.get(reverse(name, args=args)).content.decode()
        assert words in text, name
        assert "2031-12-10" not in text, name


def test_the_day_filter_keeps_what_is_not_a_date() -> None:
    rendered = Template("{{ a|day }} / {{ b|day }} / {{ c|days }}").render(
        Context({"a": "soon", "b": dt.date(2031, 1, 2), "c": []})
    )
    assert rendered == "soon / Thu 2 Jan 2031 / "
