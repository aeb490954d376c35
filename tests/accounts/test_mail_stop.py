"""Every mail prepcoach sends. Each place in the source that sends one is listed below as a
notification (it must carry a one-click stop) or an account mail (a password reset, an
invitation to someone who may have no account: no stop); a new sender fails the first test
until it is listed. The second sends every notification through a real SMTP server on
loopback and follows each one's stop as a mail client would (RFC 8058: one POST, no session):
each turns off its own mail and no other.

Personas: alice (gets reminders, a reading digest, feedback and nudges), bob (her partner, who
takes the weekly mail and nudges her), a mail client with no session."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

import prepcoach
from prepcoach.accounts.access import new_link_token
from prepcoach.accounts.models import User
from prepcoach.dashboard.tasks import send_digests
from prepcoach.feedback.models import FeedbackRequest, MailPreference, Review
from prepcoach.feedback.reviews import mail_owner
from prepcoach.goals.models import Goal, ReminderSettings, Step
from prepcoach.goals.tasks import send_reminders
from prepcoach.interviews.models import DebriefMail
from prepcoach.interviews.tasks import send_debrief_reminders
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.partners.mail import send_nudge, send_weekly
from prepcoach.partners.models import Nudge, Partnership
from prepcoach.practice.models import Attempt
from prepcoach.reading.models import DigestSettings, Feed, FeedItem
from tests.goals.test_reminders_stop import use_smtp
from tests.support import SmtpSink, a_morning_zone

# Every way the source can send a mail: the worker's task, mail_user, a message object, each of
# django.core.mail's senders (send_mail, send_mass_mail, mail_admins, mail_managers), a
# connection's send_messages, and any of them imported under another name.
SENDS = re.compile(
    r"send_email\.enqueue\(|mail_user\(|EmailMessage\(|EmailMultiAlternatives\(|send_mail\(|"
    r"send_mass_mail\(|mail_admins\(|mail_managers\(|send_messages\(|"
    r"django\.core\.mail import .*\bas\b"
)
SENDERS = {
    "accounts/forms.py": ["account mail: the password reset"],
    "accounts/tasks.py": ["the worker's sender: its callers give the headers"],
    "accounts/timing.py": ["mail_user: the periodic notifications, which must give a stop link"],
    "feedback/reviews.py": ["notification: feedback arrived"],
    "goals/tasks.py": ["notification: reminders of steps and follow-ups"],
    "interviews/tasks.py": ["notification: the debrief reminder after an interview"],
    "partners/mail.py": ["account mail: the invitation to a partner, who may have no account",
                         "notification: a nudge", "notification: the weekly report"],
    "dashboard/tasks.py": ["notification: the digest"],
}  # fmt: skip


def sending_lines(source: str) -> list[str]:
    """The lines of `source` that send a mail (a definition named like a sender does not)."""
    return [
        line
        for line in source.splitlines()
        if SENDS.search(line) and not line.lstrip().startswith("def ")
    ]


def test_every_place_that_sends_mail_is_known() -> None:
    root = Path(prepcoach.__file__).parent
    found: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        if calls := sending_lines(path.read_text()):
            found[str(path.relative_to(root))] = len(calls)
    assert found == {name: len(kinds) for name, kinds in SENDERS.items()}


@pytest.mark.parametrize(
    "line",
    [
        "send_mail(subject, body, None, [user.email])",
        "sent = send_mass_mail(batch, fail_silently=False)",
        'mail_admins("Worker stopped", body)',
        'mail_managers("New account", body)',
        "get_connection().send_messages([message])",
        "connection.send_messages(messages)",
        "message = EmailMessage(subject=subject, body=body, to=[user.email])",
        "EmailMultiAlternatives(subject, body, to=to).send()",
        "send_email.enqueue(subject=subject, body=body, to=[to])",
        "mail_user(user, subject, body, stop)",
        "from django.core.mail import send_mass_mail as send_all",
    ],
)
def test_the_scan_sees_every_way_django_sends_a_mail(line: str) -> None:
    """A new sender written any of these ways fails the test above until it is listed."""
    assert sending_lines(f"    {line}\n") == [f"    {line}"]


def test_the_scan_passes_over_what_sends_nothing() -> None:
    source = "def send_mail(self, *args):\nfrom django.core.mail import EmailMessage\n"
    assert sending_lines(source) == []


@pytest.fixture
def alice_gets_everything(alice: User, bob: User) -> Partnership:
    alice.profile.time_zone = a_morning_zone()
    alice.profile.save()
    ReminderSettings.objects.create(user=alice, frequency="daily")
    goal = Goal.objects.create(user=alice, text="Write 3 STAR stories")
    Step.objects.create(goal=goal, title="Overdue story",
                        due_date=timezone.localdate() - dt.timedelta(days=2))  # fmt: skip
    DigestSettings.objects.create(user=alice, frequency="daily")
    feed = Feed.objects.create(user=alice, url="https://example.org/feed.xml", title="Health")
    FeedItem.objects.create(feed=feed, guid="1", title="Dashboard standard")
    # Each also follows the other's goals: stopping one weekly mail leaves the other.
    Partnership.objects.create(owner=bob, partner=alice, weekly_mail=True)
    return Partnership.objects.create(owner=alice, partner=bob, weekly_mail=True)


def mail_states(alice: User, bob: User) -> dict[str, object]:
    """Every notification switch, as it stands."""
    to_bob = Partnership.objects.get(owner=alice, partner=bob)
    to_alice = Partnership.objects.get(owner=bob, partner=alice)
    return {
        "reminders": ReminderSettings.objects.get(user=alice).frequency,
        "digest": DigestSettings.objects.get(user=alice).frequency,
        "feedback": MailPreference.wants_review_mail(alice),
        "nudges to alice": to_bob.nudge_mail,
        "weekly to bob": to_bob.weekly_mail,
        "weekly to alice": to_alice.weekly_mail,
        "debrief": not DebriefMail.objects.filter(user=alice, wanted=False).exists(),
    }


STOPPED = {
    "prepcoach: 1 step to look at": ("reminders", "off"),
    "prepcoach: your day: 1 step due, 0 areas to work on, 1 new item to read": ("digest", "off"),
    "Feedback arrived on your answer": ("feedback", False),
    "Bob Roe sent you a nudge": ("nudges to alice", False),
    "prepcoach: Alice Doe's week": ("weekly to bob", False),
    "How did it go? Your debrief of Acme": ("debrief", False),
}


def test_every_notification_stops_in_one_click_and_only_itself(
    alice: User, bob: User, alice_gets_everything: Partnership,
    smtp_server: tuple[int, SmtpSink], settings: object,
) -> None:  # fmt: skip
    sink = use_smtp(smtp_server, settings)
    partnership = alice_gets_everything
    assert send_reminders.call() == 1
    assert send_digests.call() == 1
    attempt = Attempt.objects.create(user=alice, question_text="Why this role?")
    ask = FeedbackRequest.objects.create(owner=alice, attempt=attempt, reviewer_label="Sam",
                                         token_digest=new_link_token()[1],
                                         expires_at=FeedbackRequest.expiry())  # fmt: skip
    mail_owner(ask, Review.objects.create(request=ask, reviewer_name="Sam", browser_key="k",
                                          overall=4))  # fmt: skip
    send_nudge(Nudge.objects.create(partnership=partnership), "http://prepcoach.test/plan/")
    assert send_weekly(partnership, timezone.localdate())
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    Interview.objects.create(user=alice, opportunity=job, round_name="Final round",
                             starts_at=timezone.now() - dt.timedelta(hours=2))  # fmt: skip
    assert send_debrief_reminders.call() == 1
    # A long subject is folded onto its own header line: read without the fold's space.
    assert sorted(m["Subject"].strip() for m in sink.messages) == sorted(STOPPED)

    mail_client = Client(enforce_csrf_checks=True)
    for message in sink.messages:
        url = message["List-Unsubscribe"].strip("<>")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in message.get_content(), message["Subject"]  # in the body as well
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        before = mail_states(alice, bob)
        assert mail_client.get(path).status_code == 200
        assert mail_states(alice, bob) == before  # opening the link only asks
        assert mail_client.post(path).status_code == 200
        switch, off = STOPPED[message["Subject"].strip()]
        assert mail_states(alice, bob) == before | {switch: off}, message["Subject"]
