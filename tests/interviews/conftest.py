"""Alice's jobs and interviews (alice, bob and alice_client come from tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.interviews.models import AskedQuestion, Debrief, Transcript
from prepcoach.jobs.models import Interview, Opportunity


def add_job(
    user: User, company: str = "Northwind Health", role: str = "Data analyst"
) -> Opportunity:
    return Opportunity.objects.create(user=user, company=company, role=role)


def add_interview(
    user: User, job: Opportunity | None = None, *, hours: float = 72, **fields: Any
) -> Interview:
    """An interview `hours` from now (negative: it has happened)."""
    fields.setdefault("round_name", "First round")
    fields.setdefault("starts_at", timezone.now() + dt.timedelta(hours=hours))
    return Interview.objects.create(user=user, opportunity=job or add_job(user), **fields)


def london(days: int, hour: int) -> dt.datetime:
    """`days` from today on Alice's clock (Europe/London), at `hour`:00."""
    zone = zoneinfo.ZoneInfo("Europe/London")
    day = timezone.now().astimezone(zone).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), zone)


def add_debrief(interview: Interview, *questions: str, **fields: Any) -> Debrief:
    debrief = Debrief.objects.create(interview=interview, **fields)
    for text in questions:
        AskedQuestion.objects.create(debrief=debrief, text=text, went="well")
    return debrief


TRANSCRIPT = (
    "Priya Shah: Tell me about a time you improved a process.\n"
    "Alice Doe: Our monthly reports were always late. I was asked to fix it before the audit. "
    "I rebuilt the pipeline in SQL and added checks. Errors fell by 40 percent.\n"
    "Priya Shah: Why do you want to work with us?\n"
    "Alice Doe: Your work on patient outcomes is what I want to do next.\n"
)


def add_transcript(interview: Interview, text: str = TRANSCRIPT, **fields: Any) -> Transcript:
    return Transcript.objects.create(interview=interview, text=text, **fields)


def debrief_post(**extra: str) -> dict[str, str]:
    """A debrief form as the browser sends it: two question rows, the rest blank."""
    data = {
        "asked-TOTAL_FORMS": "2", "asked-INITIAL_FORMS": "0", "asked-MIN_NUM_FORMS": "0",
        "asked-MAX_NUM_FORMS": "30", "outcome": "waiting", "went_well": "", "went_badly": "",
        "feedback": "", "asked-0-text": "", "asked-0-went": "", "asked-0-notes": "",
        "asked-1-text": "", "asked-1-went": "", "asked-1-notes": "",
    }  # fmt: skip
    data.update(extra)
    return data


def matrix_world(alice: User, job: Opportunity, marked: Any) -> dict[str, list[int | str]]:
    """Alice's interviews for the access matrix: one done with its debrief, a question asked
    and a transcript, one to come; every word of them hers alone (`marked("PRIVATE", …)`)."""
    done = add_interview(
        alice, job, hours=-3, round_name=marked("PRIVATE", "round"),
        interviewers=marked("PRIVATE", "interviewer"),
    )  # fmt: skip
    add_interview(alice, job, hours=30, round_name=marked("PRIVATE", "nextround"))
    debrief = add_debrief(done, marked("PRIVATE", "asked") + "?")
    debrief.went_well = marked("PRIVATE", "wentwell")
    debrief.save()
    transcript = add_transcript(
        done,
        f"Interviewer: What is {marked('PRIVATE', 'transcriptq')}?\n"
        f"Me: It is {marked('PRIVATE', 'transcripta')}, I would say, and I led it.\n",
        filename=marked("PRIVATE", "transcriptfile") + ".txt",
    )
    return {
        "interview_id": [done.pk], "asked_id": [debrief.questions.get().pk],
        "transcript_id": [transcript.pk],
    }  # fmt: skip
