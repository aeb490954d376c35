"""The debrief reminder can be turned off and on again from the interviews page."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.interviews.models import DebriefMail


def test_alice_turns_the_debrief_mail_off_and_on(alice_client: Client, alice: User) -> None:
    assert (
        'name="wanted" id="id_wanted" checked' in alice_client.get("/interviews/").content.decode()
    )
    response = alice_client.post("/interviews/mail/", {}, follow=True)
    assert "Debrief reminders off" in response.content.decode()
    assert DebriefMail.objects.get(user=alice).wanted is False
    alice_client.post("/interviews/mail/", {"wanted": "on"})
    assert DebriefMail.objects.get(user=alice).wanted is True


def test_signed_out_changes_nothing(client: Client, alice: User) -> None:
    assert client.post("/interviews/mail/", {}).status_code == 302
    assert not DebriefMail.objects.exists()
