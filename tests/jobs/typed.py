"""A job whose interview dates were typed into its form, each made an interview of the job,
and then an interview moved or deleted on its own page: a new user's fault was that the jobs
list, the brief (page and Markdown), the facts goal's deadline and the interviewer's thanks kept
the dates as typed. The tests of each of those places (one module per view) build it here."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview, Opportunity


def typed_job(client: Client, user: User, *days: dt.date) -> tuple[Opportunity, list[Interview]]:
    """Acme Health's job, added with `days` typed into its dates box: the job and the
    interviews they made, earliest first."""
    data = {"company": "Acme Health", "role": "Reporting analyst", "stage": "interviewing",
            "job_description": "", "values": "", "link": "",
            "interview_dates": ", ".join(d.isoformat() for d in days)}  # fmt: skip
    # Followed, so the page after says what it says (the interviews made) and is done.
    response = client.post(reverse("research:opportunity_new"), data, follow=True)
    assert response.redirect_chain, response.content
    job = Opportunity.objects.get(user=user, company="Acme Health")
    made = list(job.interviews.all())
    assert len(made) == len(days)
    return job, made


def move(client: Client, interview: Interview, day: dt.date, time: str = "14:30") -> None:
    """The interview given its real day and time on its own page."""
    response = client.post(reverse("interviews:edit", args=[interview.pk]), {
        "day": day.isoformat(), "time": time, "round_name": "Final round", "format": "video",
        "interviewers": "",
    }, follow=True)  # fmt: skip
    assert response.redirect_chain, response.content


def delete(client: Client, interview: Interview) -> None:
    """The interview deleted on its own page."""
    response = client.post(reverse("interviews:delete", args=[interview.pk]), follow=True)
    assert response.redirect_chain, response.content
    assert not Interview.objects.filter(pk=interview.pk).exists()
