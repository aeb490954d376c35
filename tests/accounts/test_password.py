import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from tests.conftest import PASSWORD

NEW_PASSWORD = "a brand new passphrase 42"


def test_change_password(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_change_done")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # The session survives the change.
    assert alice_client.get(reverse("accounts:profile")).status_code == 200


def test_change_password_needs_the_old_one(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.text


def reset_link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://testserver(/account/password/reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_reset_password_by_email(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reset your prepcoach password"

    form_page = client.get(reset_link(message), follow=True)
    assert "Choose a new password" in form_page.text
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.url == reverse("accounts:password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # The link works once.
    assert "This link no longer works" in client.get(reset_link(message), follow=True).text


@pytest.mark.django_db
def test_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []
