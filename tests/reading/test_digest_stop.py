"""The digest's one-click stop (/grow/reading/digest/stop/<signed>/): in the body and
in the RFC 8058 headers, through a real SMTP server on loopback; one POST with no session turns
the digest off and nothing else. Personas: carol (a daily digest, reminders on too), a mail
client with no session."""

from __future__ import annotations

import re

from django.test import Client

from prepcoach.dashboard.tasks import send_digests
from prepcoach.goals.models import ReminderSettings
from prepcoach.reading.models import DigestSettings, Feed, FeedItem
from tests.conftest import make_user
from tests.goals.test_reminders_stop import use_smtp
from tests.support import SmtpSink, a_morning_zone

STOP = re.compile(r"Stop these mails: http://prepcoach\.test(/grow/reading/digest/stop/\S+/)")


def test_one_click_stops_carols_digest_and_nothing_else(
    db: None, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    sink = use_smtp(smtp_server, settings)
    carol = make_user("carol@example.com", time_zone=a_morning_zone())
    DigestSettings.objects.create(user=carol, frequency="daily")
    ReminderSettings.objects.create(user=carol, frequency="weekly")
    feed = Feed.objects.create(user=carol, url="https://example.org/feed.xml", title="Health")
    FeedItem.objects.create(feed=feed, guid="1", title="Dashboard standard")
    assert send_digests.call() == 1
    (message,) = sink.messages
    body = message.get_content().replace("\r\n", "\n")
    found = STOP.search(body)
    assert found is not None, body
    path = found.group(1)
    assert message["List-Unsubscribe"] == f"<http://prepcoach.test{path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail_client = Client(enforce_csrf_checks=True)
    assert "Stop the digest mails?" in mail_client.get(path).text
    assert DigestSettings.objects.get(user=carol).frequency == "daily"
    assert "No more digest mails" in mail_client.post(path).text
    assert DigestSettings.objects.get(user=carol).frequency == "off"
    assert ReminderSettings.objects.get(user=carol).frequency == "weekly"
    DigestSettings.objects.update(last_sent_on=None)
    FeedItem.objects.create(feed=feed, guid="2", title="Another")
    assert send_digests.call() == 0
    assert len(sink.messages) == 1
    forged = mail_client.post(path[:-4] + "xyz/")
    assert forged.status_code == 404
    assert "This link does not work" in forged.text
