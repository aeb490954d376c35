"""What other pages show of Alice's interviews: the next one's countdown on the dashboard,
the Plan and the week; the debrief owed on the dashboard; a job's interviews on its page.
Bob sees none of it."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_interview, add_job, london

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.parametrize("url", ["/", "/plan/", "/plan/week/"])
def test_the_next_interview_counts_down(alice_client: Client, alice: User, url: str) -> None:
    add_interview(alice, hours=-30, round_name="Phone screen")  # past: not the next one
    add_interview(alice, starts_at=london(9, 10), round_name="Final round")
    soon = add_interview(alice, starts_at=london(3, 14), round_name="Second round")
    page = alice_client.get(url).content.decode()
    local = soon.starts_at.astimezone(LONDON)
    assert "Next interview:" in page
    assert f"Second round at Northwind Health</a> <strong>in 3 days, {local:%a} {local.day}" in page
    assert "Final round at" not in page.split("Next interview:")[1].split("</p>")[0]


def test_no_interview_no_countdown(alice_client: Client, alice: User) -> None:
    assert "Next interview:" not in alice_client.get("/").content.decode()


def test_the_week_shows_the_interview_on_its_day(alice_client: Client, alice: User) -> None:
    today = timezone.localdate()
    start = dt.datetime.combine(today, dt.time(23, 30), LONDON)
    add_interview(alice, round_name="Late call").__class__.objects.update(starts_at=start)
    page = alice_client.get(f"/plan/week/?start={today:%Y-%m-%d}").content.decode()
    assert 'Interview: <a href="/interviews/' in page
    assert 'Late call at Northwind Health</a> <span class="meta">23:30</span>' in page


def test_the_dashboard_asks_for_the_debrief_within_a_day(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-5, round_name="Final round")
    page = alice_client.get("/").content.decode()
    assert "How did it go?" in page
    assert f'href="/interviews/{interview.pk}/debrief/">Write the debrief' in page
    interview.starts_at -= dt.timedelta(hours=20)
    interview.save()
    assert "How did it go?" not in alice_client.get("/").content.decode()


def test_the_jobs_page_lists_its_interviews_with_an_add_link(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice)
    page = alice_client.get(f"/grow/jobs/{job.pk}/").content.decode()
    assert "No interviews logged for this job yet." in page
    assert f'href="/interviews/jobs/{job.pk}/new/">Add an interview' in page
    add_interview(alice, job, hours=-50, round_name="Phone screen")
    add_interview(alice, job, starts_at=london(2, 9), round_name="Final round")
    page = alice_client.get(f"/grow/jobs/{job.pk}/").content.decode()
    assert "Phone screen" in page
    assert "no debrief yet" in page
    assert "Final round" in page
    assert "in 2 days" in page


def test_bob_sees_no_countdown_of_alices(client: Client, alice: User, bob: User) -> None:
    add_interview(alice, hours=20, round_name="ALICE round")
    add_interview(alice, hours=-2, round_name="ALICE done")
    client.force_login(bob)
    for url in ("/", "/plan/", "/plan/week/", "/interviews/"):
        page = client.get(url).content.decode()
        assert "ALICE" not in page
        assert "Next interview:" not in page
