"""After a real interview: a drafted request for feedback the user sends themselves, and the
reply kept with the job. Personas: alice (owner), bob (another user), anonymous."""

import datetime as dt
import zoneinfo

from django.core import mail
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.feedback.models import InterviewerReply
from prepcoach.jobs.models import Interview, Opportunity
from tests.conftest import ALICE_ZONE
from tests.goals.conftest import days
from tests.jobs.typed import delete, move, typed_job


def job_of(user: User) -> Opportunity:
    job = Opportunity.objects.create(
        user=user, company="Northwind Clinics", role="Reporting analyst"
    )
    for day in (dt.date(2026, 11, 10), dt.date(2026, 11, 24), dt.date(2099, 12, 10)):
        Interview.objects.create(
            user=user, opportunity=job, round_name="Interview",
            starts_at=dt.datetime.combine(day, dt.time(10), zoneinfo.ZoneInfo(ALICE_ZONE)),
        )  # fmt: skip
    return job


def in_words(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def without_example(page: str) -> str:
    """The page less the date box's example, "Tuesday 1 December", which is a real day's words
    three days after it (the test failed on Friday 4 December 2026)."""
    assert "e.g. “Tuesday 1 December”" in page
    return page.replace("e.g. “Tuesday 1 December”", "")


def test_the_thanks_are_for_the_latest_interview_held_as_it_is_now(
    alice_client: Client, alice: User
) -> None:
    """A new user's fault: the draft thanked for the latest date typed into the job's form
    after that interview was deleted, or moved, on its page."""
    job, (earlier, later) = typed_job(alice_client, alice, days(-8), days(-3))
    url = reverse("feedback:interviewer", args=[job.pk])
    delete(alice_client, later)
    page = without_example(alice_client.get(url).text)
    assert f"Reporting analyst role at Acme Health on {in_words(days(-8))}." in page
    assert in_words(days(-3)) not in page
    move(alice_client, earlier, days(-1))
    page = without_example(alice_client.get(url).text)
    assert f"Reporting analyst role at Acme Health on {in_words(days(-1))}." in page
    assert in_words(days(-8)) not in page
    move(alice_client, earlier, days(2))  # put off: not held yet, nothing to thank for
    page = without_example(alice_client.get(url).text)
    assert "Reporting analyst role at Acme Health." in page
    assert in_words(days(2)) not in page


def test_the_draft_names_the_job_the_interviewer_and_what_was_discussed(
    alice_client: Client, alice: User
) -> None:
    job = job_of(alice)
    url = reverse("feedback:interviewer", args=[job.pk])
    page = alice_client.get(url).text
    # The latest interview already held; the one still to come is not thanked for yet.
    said = "for the Reporting analyst role at Northwind Clinics on Tuesday 24 November."
    assert f"Thank you for interviewing me {said}" in page
    assert "Hello," in page
    assert "Alice Doe" in page  # signed with the profile's name
    named = alice_client.get(url, {"interviewer": "Ms Patel", "day": "Tuesday",
                                   "topics": "SQL, the waiting-list report, team size"}).text  # fmt: skip
    assert "Dear Ms Patel," in named
    assert "on Tuesday." in named
    assert "our discussion of SQL, the waiting-list report and team size." in named
    assert "mailto:?subject=Thank%20you%2C%20and%20a%20request%20for%20feedback" in named
    assert mail.outbox == []  # prepcoach never writes to an interviewer


def test_a_pasted_reply_is_kept_with_the_job_and_can_be_deleted(
    alice_client: Client, alice: User
) -> None:
    job = job_of(alice)
    url = reverse("feedback:interviewer", args=[job.pk])
    empty = alice_client.post(
        url, {"reply-interviewer": "Ms Patel", "reply-received_on": "2026-12-12"}
    )
    assert empty.status_code == 400
    assert "Paste what the interviewer wrote back." in empty.text
    assert "Ms Patel" in empty.text  # what was typed stays
    alice_client.post(url, {"reply-interviewer": "Ms Patel", "reply-received_on": "2026-12-12",
                            "reply-text": "Strong SQL. <b>Quantify</b> your results more."})  # fmt: skip
    reply = InterviewerReply.objects.get()
    assert (reply.owner, reply.opportunity) == (alice, job)
    page = alice_client.get(url).text
    assert "&lt;b&gt;Quantify&lt;/b&gt;" in page
    job_page = alice_client.get(reverse("research:opportunity", args=[job.pk])).text
    assert "(1 kept)" in job_page
    alice_client.post(reverse("feedback:reply_delete", args=[reply.pk]))
    assert not InterviewerReply.objects.exists()


def test_a_reply_of_ten_thousand_characters_is_refused_with_a_reason(
    alice_client: Client, alice: User
) -> None:
    job = job_of(alice)
    response = alice_client.post(reverse("feedback:interviewer", args=[job.pk]),
                                 {"reply-received_on": "2026-12-12", "reply-text": "x" * 10_001})  # fmt: skip
    assert "Keep it under 10000 characters" in response.text
    assert not InterviewerReply.objects.exists()


def test_nobody_else_sees_drafts_or_replies(alice_client: Client, alice: User, bob: User) -> None:
    job = job_of(alice)
    reply = InterviewerReply.objects.create(owner=alice, opportunity=job, text="Private words")
    bobs = Client()
    bobs.force_login(bob)
    url = reverse("feedback:interviewer", args=[job.pk])
    assert bobs.get(url).status_code == 404
    assert bobs.post(url, {"reply-text": "x", "reply-received_on": "2026-12-12"}).status_code == 404
    assert bobs.post(reverse("feedback:reply_delete", args=[reply.pk])).status_code == 404
    assert InterviewerReply.objects.count() == 1
    assert Client().get(url).status_code == 302
