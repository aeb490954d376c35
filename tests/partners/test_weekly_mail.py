"""POST /partners/<id>/mail/ (opt in) and the weekly progress mail through a real SMTP server,
with its one-click unsubscribe (/partners/mail/stop/<token>/)."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.partners.models import Partnership
from prepcoach.partners.tasks import send_partner_mails
from tests.partners.conftest import SHARED_TEXT, assert_no_secret, body_of, path_of
from tests.support import SmtpSink, a_morning_zone


def opt_in(bob_client: Client, partnership: Partnership, bob: User) -> None:
    bob.profile.time_zone = a_morning_zone()
    bob.profile.save()
    response = bob_client.post(f"/partners/{partnership.pk}/mail/", {"weekly_mail": "on"},
                               follow=True)  # fmt: skip
    assert "You will get a weekly mail about Alice Doe" in response.content.decode()


def test_the_weekly_report_reaches_bob_over_smtp_with_only_the_shared_goal(
    bob_client: Client, bob: User, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    assert send_partner_mails.call() == 0  # nobody asked yet
    opt_in(bob_client, partnership, bob)

    assert send_partner_mails.call() == 1

    assert mail.outbox == []
    (message,) = smtp_mail.messages
    assert message["To"] == "bob@example.com"
    assert message["Subject"] == "prepcoach: Alice Doe's week"
    body = body_of(message)
    assert f"- {SHARED_TEXT}\n  33% done (1 of 3 mock interviews)" in body
    assert "Milestones reached: First mock done." in body
    assert f"http://prepcoach.test/partners/{partnership.pk}/" in body
    assert_no_secret(body)
    stop = message["List-Unsubscribe"].strip("<>")
    assert f"Stop these mails: {stop}" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert send_partner_mails.call() == 0  # a week apart
    Partnership.objects.filter(pk=partnership.pk).update(
        last_mail_on=dt.date.today() - dt.timedelta(days=8)
    )
    assert send_partner_mails.call() == 1


def test_one_click_unsubscribe_from_the_mail_client_stops_it(
    bob_client: Client, bob: User, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    opt_in(bob_client, partnership, bob)
    send_partner_mails.call()
    stop = path_of(smtp_mail.messages[0]["List-Unsubscribe"].strip("<>"))

    page = Client().get(stop)  # a link scanner's GET changes nothing
    assert "Stop the weekly mail about Alice Doe?" in page.content.decode()
    assert Partnership.objects.get().weekly_mail
    stopped = Client(enforce_csrf_checks=True).post(stop, {"List-Unsubscribe": "One-Click"})

    assert stopped.status_code == 200
    assert "Weekly mail stopped" in stopped.content.decode()
    assert not Partnership.objects.get().weekly_mail
    Partnership.objects.update(last_mail_on=None)
    assert send_partner_mails.call() == 0


def test_a_broken_or_stale_unsubscribe_link_explains(
    client: Client, partnership: Partnership
) -> None:
    bad = client.get("/partners/mail/stop/not-a-token/")
    from prepcoach.partners.mail import unsubscribe_url

    stale = path_of(unsubscribe_url(partnership))
    partnership.delete()

    assert bad.status_code == 404
    assert "This link does not work" in bad.content.decode()
    assert "Nothing to stop" in client.post(stale).content.decode()


def test_bob_can_turn_it_off_on_the_page_and_only_he_can(
    bob_client: Client, alice_client: Client, bob: User, partnership: Partnership
) -> None:
    opt_in(bob_client, partnership, bob)

    off = bob_client.post(f"/partners/{partnership.pk}/mail/", {}, follow=True)

    assert "No more weekly mails about Alice Doe" in off.content.decode()
    assert alice_client.post(f"/partners/{partnership.pk}/mail/", {"weekly_mail": "on"}
                             ).status_code == 404  # fmt: skip
    assert not Partnership.objects.get().weekly_mail


def test_a_refused_address_is_retried_next_time(
    bob_client: Client, bob: User, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    opt_in(bob_client, partnership, bob)
    smtp_mail.refuse.add("bob@example.com")

    assert send_partner_mails.call() == 0
    assert Partnership.objects.get().last_mail_on is None
    smtp_mail.refuse.clear()
    assert send_partner_mails.call() == 1
