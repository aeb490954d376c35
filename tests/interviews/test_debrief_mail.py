"""The debrief reminder mail, through a real SMTP server on loopback: once per interview, an
hour after its time and within its day, never after the debrief is written or for someone who
stopped it; its one-click stop (no session) turns off this mail and nothing else.
Personas: alice (an interview two hours ago), bob (stopped the mail), a mail client."""

from __future__ import annotations

import subprocess

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import ReminderSettings
from prepcoach.interviews.models import DebriefMail
from prepcoach.interviews.tasks import send_debrief_reminders
from prepcoach.jobs.models import Interview
from tests.conftest import make_user
from tests.goals.test_reminders_stop import use_smtp
from tests.interviews.conftest import add_debrief, add_interview, add_job
from tests.support import SmtpSink, wait_for


def test_one_mail_per_interview_within_its_day(
    alice: User, bob: User, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    sink = use_smtp(smtp_server, settings)
    due = add_interview(alice, add_job(alice, "Acme"), hours=-2, round_name="Final round")
    add_interview(alice, hours=-0.5)  # still going on, perhaps
    add_interview(alice, hours=-25)  # its day has passed
    add_debrief(add_interview(alice, hours=-3))  # written already
    DebriefMail.objects.create(user=bob, wanted=False)
    add_interview(bob, hours=-2)

    assert send_debrief_reminders.call() == 1
    (message,) = sink.messages
    assert message["To"] == "alice@example.com"
    assert message["Subject"] == "How did it go? Your debrief of Acme"
    body = message.get_content()
    assert "How did your final round with Acme go (" in body
    assert f"http://prepcoach.test/interviews/{due.pk}/debrief/" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert send_debrief_reminders.call() == 0  # once per interview
    assert Interview.objects.get(pk=due.pk).debrief_mailed_at is not None


def test_the_stop_link_turns_off_this_mail_only(
    alice: User, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    sink = use_smtp(smtp_server, settings)
    ReminderSettings.objects.create(user=alice, frequency="daily")
    add_interview(alice, hours=-2)
    assert send_debrief_reminders.call() == 1
    url = sink.messages[0]["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://prepcoach.test/interviews/mail/stop/")
    assert url in sink.messages[0].get_content()  # in the body as well
    path = url.removeprefix("http://prepcoach.test")
    mail_client = Client(enforce_csrf_checks=True)
    page = mail_client.get(path).content.decode()
    assert "Stop the debrief reminder mails?" in page
    assert not DebriefMail.objects.exists()  # opening the link only asks
    assert mail_client.post(path).status_code == 200
    assert DebriefMail.objects.get(user=alice).wanted is False
    assert ReminderSettings.objects.get(user=alice).frequency == "daily"  # untouched
    add_interview(alice, hours=-2)
    assert send_debrief_reminders.call() == 0
    assert mail_client.get(path[:-5] + "x/").status_code == 404  # a forged link


def test_a_refused_mail_is_tried_again(
    alice: User, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    sink = use_smtp(smtp_server, settings)
    sink.refuse.add("alice@example.com")
    interview = add_interview(alice, hours=-2)
    assert send_debrief_reminders.call() == 0
    assert Interview.objects.get(pk=interview.pk).debrief_mailed_at is None
    sink.refuse.clear()
    assert send_debrief_reminders.call() == 1


def test_the_worker_sends_it_on_its_own(
    worker: subprocess.Popen[str], smtp_server: tuple[int, SmtpSink]
) -> None:
    erin = make_user("erin@example.com", time_zone="Asia/Tokyo")
    add_interview(erin, add_job(erin, "Globex"), hours=-2)
    _, sink = smtp_server
    wait_for(lambda: sink.messages, timeout=60, what="a debrief reminder")
    assert sink.messages[0]["Subject"] == "How did it go? Your debrief of Globex"
