"""POST /partners/<id>/nudge/: the partner sends the owner a nudge by mail, once a day."""

from __future__ import annotations

from typing import Any

from django.test import Client

from prepcoach.partners.models import Nudge, Partnership
from tests.partners.conftest import body_of
from tests.support import SmtpSink


def test_bob_nudges_alice_by_mail(
    bob_client: Client, alice_client: Client, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    response = bob_client.post(f"/partners/{partnership.pk}/nudge/", {"note": "Priya <today>?"},
                               follow=True)  # fmt: skip

    said = "Nudge sent: Alice Doe sees it on their home page and gets an e-mail."
    assert said in response.content.decode()
    (message,) = smtp_mail.messages
    assert message["To"] == "alice@example.com"
    assert message["Subject"] == "Bob Roe sent you a nudge"
    assert "“Priya <today>?”" in body_of(message)
    assert (
        "Priya &lt;today&gt;?" in alice_client.get(f"/partners/{partnership.pk}/").content.decode()
    )


def test_without_a_mail_server_the_nudge_does_not_promise_one(
    bob_client: Client, partnership: Partnership, settings: Any
) -> None:
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    page = bob_client.post(f"/partners/{partnership.pk}/nudge/", follow=True).content.decode()
    assert "Nudge sent: Alice Doe sees it on their home page." in page
    assert "e-mail" not in page.split("Nudge sent")[1].split("</")[0]


def test_a_nudge_to_someone_who_stopped_nudge_mails_promises_none(
    bob_client: Client, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    Partnership.objects.filter(pk=partnership.pk).update(nudge_mail=False)
    page = bob_client.post(f"/partners/{partnership.pk}/nudge/", follow=True).content.decode()
    assert "Nudge sent: Alice Doe sees it on their home page." in page
    assert smtp_mail.messages == []


def test_one_nudge_a_day(bob_client: Client, partnership: Partnership, smtp_mail: SmtpSink) -> None:
    bob_client.post(f"/partners/{partnership.pk}/nudge/")

    again = bob_client.post(f"/partners/{partnership.pk}/nudge/", follow=True)

    assert "You nudged Alice Doe today already" in again.content.decode()
    assert Nudge.objects.count() == 1
    assert len(smtp_mail.messages) == 1


def test_a_too_long_note_says_so(bob_client: Client, partnership: Partnership) -> None:
    response = bob_client.post(f"/partners/{partnership.pk}/nudge/", {"note": "x" * 500},
                               follow=True)  # fmt: skip

    assert "Keep the word to 200 characters (yours has 500)" in response.content.decode()
    assert Nudge.objects.count() == 0


def test_only_the_partner_nudges(
    alice_client: Client, carol_client: Client, partnership: Partnership
) -> None:
    assert alice_client.post(f"/partners/{partnership.pk}/nudge/").status_code == 404
    assert carol_client.post(f"/partners/{partnership.pk}/nudge/").status_code == 404
    assert Nudge.objects.count() == 0


def test_nudge_mails_stop_in_one_click_and_the_nudge_still_shows(
    bob_client: Client, alice_client: Client, partnership: Partnership, smtp_mail: SmtpSink
) -> None:
    import re

    bob_client.post(f"/partners/{partnership.pk}/nudge/", {"note": "Mock on Friday?"})
    (message,) = smtp_mail.messages
    stop = re.search(r"No more nudge mails from Bob Roe: http://[^/]+(\S+)", body_of(message))
    assert stop is not None
    # The same link in the RFC 8058 headers: a mail client stops it with one POST.
    assert message["List-Unsubscribe"] == f"<http://prepcoach.test{stop.group(1)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    anyone = Client(enforce_csrf_checks=True)  # as a mail client's one-click POST
    assert "Stop nudge mails from Bob Roe?" in anyone.get(stop.group(1)).content.decode()
    partnership.refresh_from_db()
    assert partnership.nudge_mail  # opening the link changes nothing
    assert "Nudge mails stopped" in anyone.post(stop.group(1)).content.decode()
    partnership.refresh_from_db()
    assert not partnership.nudge_mail
    Nudge.objects.all().delete()
    bob_client.post(f"/partners/{partnership.pk}/nudge/", {"note": "Still there?"})
    assert len(smtp_mail.messages) == 1  # no second mail
    assert "Still there?" in alice_client.get("/").content.decode()  # on the dashboard
    forged = anyone.post(stop.group(1)[:-4] + "xyz/")
    assert forged.status_code == 404
