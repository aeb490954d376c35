"""Follow-ups due go out in the reminder mail, through a real SMTP server (aiosmtpd) on
127.0.0.1: what arrives is parsed back from the bytes the server received."""

import datetime as dt

from django.core import mail

from prepcoach.accounts.timing import local_now
from prepcoach.goals.models import ReminderSettings
from prepcoach.goals.tasks import send_reminders
from tests.conftest import make_user
from tests.network.conftest import add_contact
from tests.support import SmtpSink, a_morning_zone


def test_follow_ups_are_mailed_through_a_real_smtp_server(
    db: None, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    carol = make_user("carol@example.com", time_zone=a_morning_zone())
    ReminderSettings.objects.create(user=carol, frequency="daily")
    today = local_now(carol).date()
    add_contact(carol, "Ana Lee", company="NHS", next_follow_up=today)
    add_contact(carol, "Late Larry", next_follow_up=today - dt.timedelta(days=2))
    add_contact(carol, "Next Month", next_follow_up=today + dt.timedelta(days=30))
    dave = make_user("dave@example.com", time_zone=a_morning_zone())
    add_contact(dave, "Dave's contact", next_follow_up=today)  # never asked for reminders

    assert send_reminders.call() == 1

    assert mail.outbox == []  # it went over the wire
    (message,) = sink.messages
    assert message["To"] == "carol@example.com"
    assert message["Subject"] == "prepcoach: 2 follow-ups"
    body = message.get_content().replace("\r\n", "\n")
    assert (
        f"Follow-ups overdue:\n  - Late Larry (was due {today - dt.timedelta(days=2):%a %-d %b})"
        in body
    )
    assert f"Follow up today:\n  - Ana Lee (NHS) ({today:%a %-d %b})" in body
    assert "Next Month" not in body
    assert "Dave" not in body
    assert send_reminders.call() == 0  # once a day
