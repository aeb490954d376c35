"""The reminder mail's one-click stop (/plan/reminders/stop/<signed>/): in the body and in the
RFC 8058 headers, sent through a real SMTP server on loopback; one POST with no session turns
the reminders off and nothing else. Personas: carol (reminded daily, with a reading digest and
feedback mails on too), dave (reminded too: his stay on), a mail client with no session."""

from __future__ import annotations

import re

from django.test import Client

from prepcoach.feedback.models import MailPreference
from prepcoach.goals.models import ReminderSettings
from prepcoach.goals.tasks import send_reminders
from prepcoach.reading.models import DigestSettings
from tests.goals.test_reminders import reminded_user
from tests.support import SmtpSink

STOP = re.compile(r"Stop these mails: http://prepcoach\.test(/plan/reminders/stop/\S+/)")


def use_smtp(smtp_server: tuple[int, SmtpSink], settings: object) -> SmtpSink:
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    settings.SITE_URL = "http://prepcoach.test"  # type: ignore[attr-defined]
    return sink


def test_one_click_stops_carols_reminders_and_nothing_else(
    db: None, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    sink = use_smtp(smtp_server, settings)
    carol = reminded_user("carol@example.com")
    DigestSettings.objects.create(user=carol, frequency="daily")
    reminded_user("dave@example.com")
    assert send_reminders.call() == 2
    message = next(m for m in sink.messages if m["To"] == "carol@example.com")
    body = message.get_content().replace("\r\n", "\n")
    found = STOP.search(body)
    assert found is not None, body
    path = found.group(1)
    assert message["List-Unsubscribe"] == f"<http://prepcoach.test{path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail_client = Client(enforce_csrf_checks=True)
    asked = mail_client.get(path)
    assert "Stop the reminder mails?" in asked.text
    assert ReminderSettings.objects.get(user=carol).frequency == "daily"  # a GET changes nothing
    done = mail_client.post(path)
    assert "No more reminder mails" in done.text
    assert ReminderSettings.objects.get(user=carol).frequency == "off"
    # Exactly that mail: dave's reminders, carol's digest and feedback mails stay as they were.
    assert ReminderSettings.objects.get(user__email="dave@example.com").frequency == "daily"
    assert DigestSettings.objects.get(user=carol).frequency == "daily"
    assert MailPreference.wants_review_mail(carol)
    ReminderSettings.objects.update(last_sent_on=None)
    sink.messages.clear()
    assert send_reminders.call() == 1
    assert [m["To"] for m in sink.messages] == ["dave@example.com"]


def test_a_forged_or_cut_link_stops_nothing(db: None, smtp_server: tuple[int, SmtpSink],
                                            settings: object) -> None:  # fmt: skip
    from django.core import signing

    sink = use_smtp(smtp_server, settings)
    carol = reminded_user("carol@example.com")
    send_reminders.call()
    found = STOP.search(sink.messages[0].get_content())
    assert found is not None
    for path in (found.group(1)[:-4] + "xyz/",  # cut short or mistyped
                 f"/plan/reminders/stop/{signing.dumps(carol.pk, salt='another.salt')}/"):  # fmt: skip
        response = Client().post(path)
        assert response.status_code == 404
        assert "This link does not work" in response.text
    assert ReminderSettings.objects.get(user=carol).frequency == "daily"


def test_a_stop_link_of_a_deleted_account_is_no_error(db: None) -> None:
    from django.core import signing
    from django.urls import reverse

    from prepcoach.goals.models import REMINDERS_STOP_SALT

    signed = signing.dumps(999_999, salt=REMINDERS_STOP_SALT)
    response = Client().post(reverse("goals:reminders_stop", args=[signed]))
    assert response.status_code == 200
    assert "Nothing to stop" in response.text
