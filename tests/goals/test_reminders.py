"""Reminder e-mails, sent by the worker process through a real SMTP server on loopback."""

import datetime as dt
import subprocess

from django.core import mail
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, ReminderSettings
from prepcoach.goals.tasks import send_reminders
from tests.conftest import make_user
from tests.goals.conftest import add_step
from tests.support import SmtpSink, a_morning_zone, wait_for


def reminded_user(email: str, frequency: str = "daily") -> User:
    user = make_user(email, time_zone=a_morning_zone())
    ReminderSettings.objects.create(user=user, frequency=frequency)
    goal = Goal.objects.create(
        user=user,
        text="Write 3 STAR stories",
        target_date=timezone.localdate() + dt.timedelta(days=30),
    )
    add_step(goal, "Overdue story", -3)
    return user


def test_reminders_go_once_a_day_to_those_who_asked(db: None) -> None:
    carol = reminded_user("carol@example.com")
    make_user("dave@example.com")  # never asked
    assert send_reminders.call() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["carol@example.com"]
    assert "Overdue story" in message.body
    assert "/plan/calendar/" in message.body  # how to stop them
    assert send_reminders.call() == 0  # not twice the same day
    carol.reminder_settings.refresh_from_db()
    assert carol.reminder_settings.last_sent_on is not None


def test_the_worker_sends_reminders_on_its_own(
    worker: subprocess.Popen[str], smtp_server: tuple[int, SmtpSink]
) -> None:
    reminded_user("erin@example.com")
    _, sink = smtp_server
    wait_for(lambda: sink.messages, timeout=60, what="a reminder e-mail")
    message = sink.messages[0]
    assert message["To"] == "erin@example.com"
    assert message["Subject"] == "prepcoach: 1 step to look at"
    assert "Overdue story" in message.get_content()


def test_a_refused_address_does_not_stop_the_others(
    db: None, settings: object, smtp_server: tuple[int, SmtpSink]
) -> None:
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    sink.refuse.add("gone@example.com")
    reminded_user("gone@example.com")
    reminded_user("here@example.com")
    assert send_reminders.call() == 1
    assert [m["To"] for m in sink.messages] == ["here@example.com"]
