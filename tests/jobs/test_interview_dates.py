"""Interview dates typed into a job's form are on the week (a tester's bug: only interviews
added with "Add an interview" were). Each date newly typed becomes an interview of the job
(`jobs.schedule.add_dated`), the one thing the week, the countdown and the debrief read. Alice
types her Acme dates; she already has an interview with its time on one of those days."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview, Opportunity
from tests.conftest import ALICE_ZONE
from tests.goals.conftest import days

ZONE = zoneinfo.ZoneInfo(ALICE_ZONE)


def job_data(dates: str) -> dict[str, str]:
    return {"company": "Acme Health", "role": "Reporting analyst", "stage": "interviewing",
            "job_description": "", "values": "", "link": "", "interview_dates": dates}  # fmt: skip


def dates(*when: dt.date) -> str:
    return ", ".join(d.isoformat() for d in when)


def week_interviews(client: Client, day: dt.date) -> str:
    """The interviews listed on the day's column of its week."""
    page = client.get(reverse("goals:week"), {"start": day.isoformat()}).text
    column = page.split(f'<span class="meta">{day:%-d %b}</span></h2>')[1].split('<li class="day')[
        0
    ]
    return "".join(part.split("</ul>")[0] for part in column.split('<ul class="interviews">')[1:])


def test_dates_typed_into_a_new_job_are_on_the_week(alice_client: Client, alice: User) -> None:
    first, second = days(3), days(10)
    response = alice_client.post(
        reverse("research:opportunity_new"), job_data(dates(second, first)), follow=True
    )
    assert response.status_code == 200
    assert "Added to your week: interviews on " in response.text
    assert "at 09:00 until you set their time and round on their page." in response.text
    job = Opportunity.objects.get(user=alice)
    made = list(job.interviews.all())
    assert [timezone.localtime(i.starts_at, ZONE) for i in made] == [
        dt.datetime.combine(first, dt.time(9), ZONE), dt.datetime.combine(second, dt.time(9), ZONE)
    ]  # fmt: skip
    assert all(i.user == alice and i.round_name == "Interview" for i in made)
    for day, interview in zip((first, second), made, strict=True):
        listed = week_interviews(alice_client, day)
        assert "Interview at Acme Health" in listed
        assert reverse("interviews:detail", args=[interview.pk]) in listed
        assert "09:00" in listed


def test_editing_the_job_adds_only_the_new_dates(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(
        user=alice, company="Acme Health", role="Reporting analyst",
        interview_dates=[days(3).isoformat()],
    )  # fmt: skip
    # Logged with "Add an interview", with its real time, on a day she now types too.
    timed = Interview.objects.create(
        user=alice, opportunity=job, round_name="Final round",
        starts_at=dt.datetime.combine(days(5), dt.time(14, 30), ZONE),
    )  # fmt: skip
    url = reverse("research:opportunity_edit", args=[job.pk])
    response = alice_client.post(url, job_data(dates(days(3), days(5), days(8))), follow=True)
    assert response.status_code == 200
    # days(3) was in the box before (its interview, if any, is the user's to keep or delete);
    # days(5) has the final round already: only days(8) is new.
    assert list(job.interviews.values_list("round_name", flat=True)) == ["Final round", "Interview"]
    assert "an interview on " in response.text
    listed = week_interviews(alice_client, days(5))
    assert "Final round at Acme Health" in listed
    assert "14:30" in listed
    assert "Interview at Acme Health" in week_interviews(alice_client, days(8))
    # Saved again unchanged, or after deleting an interview a date made, nothing comes back.
    job.interviews.filter(round_name="Interview").delete()
    response = alice_client.post(url, job_data(dates(days(3), days(5), days(8))), follow=True)
    assert "Added to your week" not in response.text
    assert list(job.interviews.all()) == [timed]


def test_a_date_refused_makes_no_interview(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("research:opportunity_new"), job_data(f"{days(3).isoformat()}, sometime soon")
    )
    assert response.status_code == 200
    assert not Opportunity.objects.filter(user=alice).exists()
    assert not Interview.objects.exists()
