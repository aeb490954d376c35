import re
import threading
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.login_throttle import login_limits
from prepcoach.ops.models import LoginFailure
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


def test_guessing_the_old_password_from_an_open_session_is_slowed(
    alice_client: Client, alice: User, settings: Any
) -> None:
    # A session left open is a way to try passwords: each wrong old password counts like a
    # failed log-in for Alice, so after the free ones the page asks to wait, as log-in does.
    settings.LOGIN_LIMITS = login_limits(free=5, first_s=300, cap_s=900)
    guesses = [
        alice_client.post(
            reverse("accounts:password_change"),
            {
                "old_password": f"guess {n}",
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        for n in range(6)
    ]
    assert [r.status_code for r in guesses] == [200] * 5 + [429]
    assert "try again in" in guesses[-1].text
    assert int(guesses[-1]["Retry-After"]) > 0
    # Even the right password waits now, and nothing was changed.
    right = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert right.status_code == 429
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_right_old_password_clears_the_count(alice_client: Client, alice: User) -> None:
    for n in range(3):
        alice_client.post(
            reverse("accounts:password_change"),
            {
                "old_password": f"typo {n}",
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_change_done")
    assert not LoginFailure.objects.exists()


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
    # Setting a password from the mailbox signs this browser in to the account for the throttle.
    assert done.cookies["prepcoach_device"]["httponly"]
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # The link works once.
    assert "This link no longer works" in client.get(reset_link(message), follow=True).text


@pytest.mark.django_db
def test_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def ask_reset(client: Client, email: str, address: str = "127.0.0.1") -> HttpResponse:
    return client.post(reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_are_limited_per_email_and_address_in_words_that_do_not_tell_it_exists(
    client: Client, alice: User
) -> None:
    # Three mails for alice from one address; the fourth from there is refused.
    for _ in range(3):
        assert ask_reset(client, "alice@example.com", "203.0.113.1").status_code == 302
    refused = ask_reset(client, "ALICE@example.com", "203.0.113.1")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 3500
    assert "Too many password-reset mails were asked for" in refused.text
    assert re.search(r"try again in \d+ minutes", refused.text)
    assert 'value="ALICE@example.com"' in refused.text  # what was typed is kept
    assert len(mail.outbox) == 3
    # An address no account has is refused in the same words after as many requests.
    for _ in range(3):
        ask_reset(client, "nobody@example.com", "198.51.100.1")
    unknown = ask_reset(client, "nobody@example.com", "198.51.100.1")
    assert unknown.status_code == 429
    assert message_of(unknown) == message_of(refused)


def test_another_address_cannot_use_up_the_owners_reset_mails(client: Client, alice: User) -> None:
    # Someone elsewhere asks for alice's mail three times: her own first request still goes.
    for _ in range(3):
        assert ask_reset(client, "alice@example.com", "203.0.113.66").status_code == 302
    assert ask_reset(client, "alice@example.com", "198.51.100.20").status_code == 302
    assert len(mail.outbox) == 4


def test_reset_mails_for_one_email_are_capped_over_every_address(
    client: Client, alice: User
) -> None:
    for n in range(10):
        assert ask_reset(client, "alice@example.com", f"203.0.113.{n + 1}").status_code == 302
    refused = ask_reset(client, "alice@example.com", "198.51.100.20")
    assert refused.status_code == 429
    assert len(mail.outbox) == 10
    for n in range(10):
        ask_reset(client, "nobody@example.com", f"192.0.2.{n + 1}")
    unknown = ask_reset(client, "nobody@example.com", "198.51.100.21")
    assert unknown.status_code == 429
    assert message_of(unknown) == message_of(refused)


def test_reset_mails_are_limited_per_address(client: Client, alice: User) -> None:
    for n in range(10):
        assert ask_reset(client, f"person{n}@example.com", "192.0.2.5").status_code == 302
    assert ask_reset(client, "alice@example.com", "192.0.2.5").status_code == 429
    assert mail.outbox == []
    # Another address may still ask for alice's mail.
    assert ask_reset(client, "alice@example.com", "192.0.2.6").status_code == 302
    assert len(mail.outbox) == 1


def message_of(response: HttpResponse) -> str:
    match = re.search(r'<p class="error"[^>]*>([^<]+)</p>', response.text)
    assert match, response.text
    return match.group(1)


@pytest.mark.django_db(transaction=True)
def test_reset_requests_sent_side_by_side_are_counted_one_after_another(alice: User) -> None:
    start = threading.Barrier(16)
    statuses: list[int] = []

    def ask() -> None:
        try:
            start.wait()
            statuses.append(ask_reset(Client(), "alice@example.com", "203.0.113.5").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Three mails for this e-mail from this address, however the sixteen arrive.
    assert sorted(statuses) == [302] * 3 + [429] * 13
    assert len(mail.outbox) == 3
