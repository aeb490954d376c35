"""What a notification mail's stop link opens says what it does: the mail asks on a page (a
mail scanner opening the link changes nothing), so the mail says "Stop these mails", never
"one click"; the page names exactly which mail stops, and where to turn it back on; and that
place exists. Personas: alice (gets every notification), bob (her partner), a mail client with
no session."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.mailstop import stop_url
from prepcoach.accounts.models import User
from prepcoach.feedback.models import MailPreference
from prepcoach.feedback.reviews import UNSUBSCRIBE_SALT
from prepcoach.goals.models import REMINDERS_STOP_SALT, ReminderSettings
from prepcoach.partners import mail
from prepcoach.partners.models import Partnership
from prepcoach.practice.models import Attempt
from prepcoach.reading.models import DIGEST_STOP_SALT, DigestSettings


@pytest.fixture
def partnership(alice: User, bob: User) -> Partnership:
    ReminderSettings.objects.create(user=alice, frequency="daily")
    DigestSettings.objects.create(user=alice, frequency="daily")
    return Partnership.objects.create(owner=alice, partner=bob, weekly_mail=True)


def stop_pages(alice: User, partnership: Partnership) -> dict[str, tuple[str, str, str]]:
    """Each notification's stop link: (what the page must say stops, where to turn it back on)."""
    return {
        "reminders": (
            stop_url("goals:reminders_stop", alice.pk, REMINDERS_STOP_SALT),
            "This stops the reminder mails, and no other mail",
            "on the calendar page",
        ),
        "digest": (
            stop_url("reading:digest_stop", alice.pk, DIGEST_STOP_SALT),
            "This stops the digest mails, and no other mail",
            "on the digest page",
        ),
        "feedback": (
            stop_url("feedback:unsubscribe", alice.pk, UNSUBSCRIBE_SALT),
            "This stops the mail that comes when someone sends feedback on your answers, mock "
            "interviews or stories, and no other mail",
            "“Mail me when feedback arrives”, under “What they said”",
        ),
        "nudges": (
            mail.nudges_stop_url(partnership),
            "This stops the mail that comes when Bob Roe nudges you, and no other mail",
            "open Bob Roe's page under Partners: “Nudge mails”",
        ),
        "weekly": (
            mail.unsubscribe_url(partnership),
            "This stops the weekly mail about Alice Doe's progress, and no other mail",
            "open Alice Doe's page under Partners: “Weekly progress mail”",
        ),
    }


def test_each_stop_page_names_its_mail_and_where_to_turn_it_back_on(
    alice: User, partnership: Partnership
) -> None:
    mail_client = Client(enforce_csrf_checks=True)
    for kind, (url, stops, back_on) in stop_pages(alice, partnership).items():
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        page = mail_client.get(path).text
        assert "one click" not in page, kind
        assert stops in page, kind
        assert back_on in page, kind
        assert ">Stop these mails</button>" in page, kind
        done = mail_client.post(path).text
        assert "back on" in done or "change" in done, kind  # still says where, once stopped


def test_the_feedback_mails_come_back_on_from_a_feedback_page(
    alice: User, alice_client: Client
) -> None:
    MailPreference.objects.create(user=alice, review_mail=False)
    attempt_page = reverse("feedback:attempt", args=[_answer(alice)])
    page = alice_client.get(attempt_page).text
    assert "Feedback mails are off" in page
    assert ">Mail me when feedback arrives</button>" in page
    back = alice_client.post(reverse("feedback:mail"), {"review_mail": "on", "next": attempt_page})
    assert back["Location"] == attempt_page
    assert MailPreference.wants_review_mail(alice)
    assert ">Stop these mails</button>" in alice_client.get(attempt_page).text
    # Only one's own switch, and only signed in; an outside address is not followed.
    off = alice_client.post(reverse("feedback:mail"), {"review_mail": "off",
                                                       "next": "https://evil.example/"})  # fmt: skip
    assert off["Location"] == reverse("dashboard:home")
    assert not MailPreference.wants_review_mail(alice)
    assert Client().post(reverse("feedback:mail"), {"review_mail": "on"}).status_code == 302
    assert not MailPreference.wants_review_mail(alice)


def test_nudge_mails_come_back_on_from_the_partners_page(
    alice_client: Client, bob: User, partnership: Partnership
) -> None:
    Partnership.objects.filter(pk=partnership.pk).update(nudge_mail=False)
    page = alice_client.get(reverse("partners:detail", args=[partnership.pk])).text
    assert "Nudge mails" in page
    url = reverse("partners:nudge_mail", args=[partnership.pk])
    done = alice_client.post(url, {"nudge_mail": "on"}, follow=True)
    assert "Nudges from Bob Roe come by mail too." in done.text
    partnership.refresh_from_db()
    assert partnership.nudge_mail
    # The partner cannot switch the owner's mail.
    bobs = Client()
    bobs.force_login(bob)
    assert bobs.post(url, {}).status_code == 404
    partnership.refresh_from_db()
    assert partnership.nudge_mail


def _answer(alice: User) -> int:
    return Attempt.objects.create(user=alice, question_text="Why this role?").pk
