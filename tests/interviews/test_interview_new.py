"""Logging an interview of a job: in the user's own time zone, a past date allowed, the job
theirs only, long or HTML text handled."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview
from tests.interviews.conftest import add_job


def url(job_id: int) -> str:
    return f"/interviews/jobs/{job_id}/new/"


def test_alice_logs_an_interview_on_her_own_clock(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    form = alice_client.get(url(job.pk)).content.decode()
    assert "Add an interview" in form
    assert "Data analyst at Northwind Health" in form
    assert '<datalist id="rounds">' in form
    assert "Times are on your own clock (Europe/London)" in form
    response = alice_client.post(
        url(job.pk),
        {"day": "2026-07-10", "time": "14:00", "round_name": "Final round", "format": "on-site",
         "interviewers": "Ana Lee, Head of Data"},
    )  # fmt: skip
    interview = Interview.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/interviews/{interview.pk}/"
    assert interview.user == alice
    assert interview.opportunity == job
    # 14:00 in London in July is 13:00 UTC.
    assert interview.starts_at == dt.datetime(2026, 7, 10, 13, 0, tzinfo=dt.UTC)
    page = alice_client.get(response["Location"]).content.decode()
    assert "Fri 10 Jul" in page
    assert "14:00" in page
    assert "Ana Lee, Head of Data" in page


def test_a_date_in_the_past_is_allowed(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    response = alice_client.post(
        url(job.pk), {"day": "2024-03-01", "time": "09:30", "round_name": "Phone screen",
                      "format": "phone"},
    )  # fmt: skip
    assert response.status_code == 302
    start = Interview.objects.get().starts_at.astimezone(zoneinfo.ZoneInfo("Europe/London"))
    assert (start.date(), start.hour, start.minute) == (dt.date(2024, 3, 1), 9, 30)


def test_missing_and_bad_values_are_explained(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    response = alice_client.post(url(job.pk), {"day": "31/31/2026", "time": "25:99"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "That is not a real date" in page
    assert "That is not a time" in page
    assert "Say which round it is" in page
    assert not Interview.objects.exists()


def test_a_10000_character_box_is_refused_and_kept(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    huge = "Ana Lee " * 1250
    response = alice_client.post(
        url(job.pk), {"day": "2026-07-10", "time": "14:00", "round_name": "Final",
                      "format": "video", "interviewers": huge},
    )  # fmt: skip
    assert response.status_code == 422
    page = response.content.decode()
    assert "Keep it under 5000 characters (this has 9999)" in page
    assert huge.strip() in page  # nothing typed is lost
    assert "maxlength" not in page  # the browser never cuts a paste short
    assert not Interview.objects.exists()


def test_html_is_kept_as_text(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    alice_client.post(
        url(job.pk), {"day": "2026-07-10", "time": "14:00", "round_name": "<b>Final</b>",
                      "format": "video", "interviewers": "<script>alert(1)</script>"},
    )  # fmt: skip
    interview = Interview.objects.get()
    page = alice_client.get(f"/interviews/{interview.pk}/").content.decode()
    assert "<b>Final</b>" not in page
    assert "&lt;b&gt;Final&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page


def test_bobs_job_is_not_found_for_alice(alice_client: Client, bob: User) -> None:
    job = add_job(bob)
    assert alice_client.get(url(job.pk)).status_code == 404
    response = alice_client.post(
        url(job.pk), {"day": "2026-07-10", "time": "14:00", "round_name": "X", "format": "video"}
    )
    assert response.status_code == 404
    assert not Interview.objects.exists()


def test_signed_out_visitors_are_sent_to_log_in(client: Client, alice: User) -> None:
    job = add_job(alice)
    response = client.get(url(job.pk))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
