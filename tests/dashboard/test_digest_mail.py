"""The digest goes out through a real SMTP server (aiosmtpd) on 127.0.0.1, sent by the
worker's periodic check: goal progress, steps due, improvement areas, saved reading and new
items from the user's feeds. Personas: carol (a daily digest), dave (never asked for one).

Django's SMTP mailer talks to it over a socket, as it would to the user's mail server: what
arrives is parsed back from the bytes the server received, not taken from Django's outbox.
"""

import datetime as dt
import logging
import zoneinfo
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.dashboard import digest, tasks
from prepcoach.dashboard.tasks import send_digests
from prepcoach.goals.models import Goal, Step
from prepcoach.reading.models import DigestSettings, Feed, FeedItem, ReadingItem
from tests.conftest import make_user
from tests.support import SmtpSink, a_morning_zone


def test_the_digest_is_delivered_through_a_real_smtp_server(
    db: None, smtp_server: tuple[int, SmtpSink], settings: object
) -> None:
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    settings.SITE_URL = "http://prepcoach.test"  # type: ignore[attr-defined]
    zone = a_morning_zone()
    carol = make_user("carol@example.com", time_zone=zone)
    DigestSettings.objects.create(user=carol, frequency="daily")
    feed = Feed.objects.create(
        user=carol, url="https://example.org/feed.xml", title="Health data weekly"
    )
    FeedItem.objects.create(
        feed=feed, guid="1", title="Dashboard standard", link="https://example.org/1"
    )
    FeedItem.objects.create(feed=feed, guid="2", title="Open data in clinics")
    FeedItem.objects.create(feed=feed, guid="3", title="Already dismissed", status="dismissed")
    ReadingItem.objects.create(user=carol, title="Causal inference course", kind="course")
    # Carol's today, not the server's: her morning may already be tomorrow on the server.
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(zone))
    goal = Goal.objects.create(user=carol, text="Do 4 mock interviews by Friday",
                               target_date=today + dt.timedelta(days=10))  # fmt: skip
    Step.objects.create(goal=goal, title="Book a mock with Sam", due_date=today)
    ReadingItem.objects.create(user=carol, title="Finished book", status="done")
    dave = make_user("dave@example.com")  # never asked for a digest
    Feed.objects.create(user=dave, url="https://example.org/dave.xml")
    ReadingItem.objects.create(user=dave, title="Dave's own reading")

    assert send_digests.call() == 1

    assert mail.outbox == []  # it went over the wire, not into the test outbox
    (message,) = sink.messages
    assert message["To"] == "carol@example.com"
    assert message["Subject"].strip() == (  # a long subject is folded onto its own line
        "prepcoach: your day: 1 step due, 0 areas to work on, 2 new items to read"
    )
    body = message.get_content().replace("\r\n", "\n")  # SMTP lines end in CRLF
    assert "Goal progress:\n- Do 4 mock interviews by Friday: 0 %" in body
    assert "- Book a mock with Sam (Do 4 mock interviews by Friday · due today)" in body
    assert "- Dashboard standard (Health data weekly)\n  https://example.org/1" in body
    assert "- Open data in clinics (Health data weekly)" in body
    assert "- Causal inference course" in body
    for absent in ("Already dismissed", "Finished book", "Dave's own reading"):
        assert absent not in body
    assert "Open the digest: http://prepcoach.test/digest/" in body
    assert "Stop these mails: http://prepcoach.test/grow/reading/digest/stop/" in body
    assert send_digests.call() == 0  # sent once a day, not at every check
    assert len(sink.messages) == 1


def test_one_users_bad_data_does_not_stop_the_next_users_digest(
    db: None,
    smtp_server: tuple[int, SmtpSink],
    settings: object,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Erin's digest cannot be built (a corrupt row, simulated by her builder raising); the
    error is logged and Frank, checked after her, still gets his digest over SMTP."""
    port, sink = smtp_server
    settings.MAILERS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    settings.SITE_URL = "http://prepcoach.test"  # type: ignore[attr-defined]
    zone = a_morning_zone()
    erin = make_user("erin@example.com", time_zone=zone)
    frank = make_user("frank@example.com", time_zone=zone)
    erin_choice = DigestSettings.objects.create(user=erin, frequency="daily")
    frank_choice = DigestSettings.objects.create(user=frank, frequency="daily")
    assert erin_choice.pk < frank_choice.pk  # she is checked first: her failure came before him
    for person in (erin, frank):
        ReadingItem.objects.create(user=person, title=f"{person.email}'s course", kind="course")
    real_digest_of = digest.digest_of

    def digest_of(user: User, *args: Any) -> Any:
        if user.pk == erin.pk:
            raise ValueError("corrupt row")
        return real_digest_of(user, *args)

    monkeypatch.setattr(tasks, "digest_of", digest_of)

    with caplog.at_level(logging.ERROR, logger="prepcoach.dashboard.tasks"):
        assert send_digests.call() == 1

    (message,) = sink.messages
    assert message["To"] == "frank@example.com"
    assert "frank@example.com's course" in message.get_content()
    assert f"digest for user {erin.pk} failed" in caplog.text
    erin_choice.refresh_from_db()
    assert erin_choice.last_sent_on is None  # her period is not marked done: tried again
