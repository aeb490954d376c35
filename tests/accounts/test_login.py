import datetime as dt
import threading
from typing import Any

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.login_throttle import ACCOUNT_CAP_S, login_limits
from prepcoach.coach.proxies import parse_networks
from prepcoach.ops.models import LoginFailure
from tests.conftest import PASSWORD

LOGIN = reverse("accounts:login")


def log_in(
    client: Client,
    email: str,
    password: str,
    address: str = "127.0.0.1",
    forwarded_for: str = "",
) -> HttpResponse:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(
        LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address, **extra
    )


def test_log_in_with_email_and_password(client: Client, alice: User) -> None:
    response = log_in(client, "alice@example.com", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("dashboard:home")
    assert get_user(client).pk == alice.pk


def test_wrong_password_is_explained(client: Client, alice: User) -> None:
    response = log_in(client, "alice@example.com", "not her password")
    assert response.status_code == 200
    assert "That email and password do not match an account" in response.text
    assert not get_user(client).is_authenticated


@pytest.fixture(autouse=True)
def long_waits(settings: Any) -> None:
    """A first wait of 5 minutes, so no test here depends on how fast it runs."""
    settings.LOGIN_LIMITS = login_limits(free=5, first_s=300, cap_s=900)


@pytest.fixture
def still_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """Every `timezone.now()` gives one instant, so the waits asked for are exact: on a loaded
    CI machine a second passed between the last failure and the next try, and the wait left
    was rightly 299 s, not 300."""
    instant = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: instant)
    return instant


@pytest.mark.usefixtures("still_clock")
def test_repeated_failures_ask_the_client_to_wait(client: Client, alice: User) -> None:
    for attempt in range(5):
        response = log_in(
            client, "alice@example.com" if attempt % 2 else "ALICE@example.com", "guess"
        )
        assert response.status_code == 200
    # Even the right password waits now, and the page says why and how long; the email is kept.
    response = log_in(client, "alice@example.com", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "Too many failed log-in attempts" in response.text
    assert "try again in 5 minutes" in response.text
    assert 'value="alice@example.com"' in response.text
    assert not get_user(client).is_authenticated


@pytest.mark.usefixtures("still_clock")
def test_the_wait_doubles_with_each_further_failure(client: Client, alice: User) -> None:
    for _ in range(5):
        log_in(client, "alice@example.com", "guess")
    # The wait is over (the last failure 301 s ago): one more try, and it fails too.
    LoginFailure.objects.update(at=timezone.now() - dt.timedelta(seconds=301))
    assert log_in(client, "alice@example.com", "guess").status_code == 200
    response = log_in(client, "alice@example.com", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    # Once that wait is over the right password gets in: slowed, never locked out.
    LoginFailure.objects.update(at=timezone.now() - dt.timedelta(seconds=601))
    assert log_in(client, "alice@example.com", PASSWORD).status_code == 302


def test_a_wait_does_not_spill_onto_other_accounts(client: Client, alice: User, bob: User) -> None:
    for _ in range(5):
        log_in(client, "alice@example.com", "guess")
    assert log_in(client, "bob@example.com", PASSWORD).status_code == 302


def test_one_password_against_fifteen_accounts_from_one_address_is_slowed(
    client: Client, alice: User
) -> None:
    emails = [f"person{n}@example.com" for n in range(14)] + ["alice@example.com"]
    statuses = [
        log_in(client, email, "Summer2026!", "203.0.113.50").status_code for email in emails
    ]
    assert statuses == [200] * 10 + [429] * 5  # after ten failures from there, each try waits
    # Another address is not slowed by it.
    assert log_in(client, "alice@example.com", PASSWORD, "203.0.113.51").status_code == 302


def test_behind_a_trusted_proxy_two_clients_are_throttled_apart(
    client: Client, alice: User, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = parse_networks(["127.0.0.1"])
    guesser = [
        log_in(client, "alice@example.com", "guess", "127.0.0.1", forwarded_for="203.0.113.7")
        for _ in range(6)
    ]
    assert [r.status_code for r in guesser] == [200] * 5 + [429]
    other = log_in(client, "alice@example.com", PASSWORD, "127.0.0.1", forwarded_for="203.0.113.8")
    assert other.status_code == 302


def test_a_stranger_cannot_dodge_the_count_by_naming_another_address(
    client: Client, alice: User, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = parse_networks(["127.0.0.1"])
    statuses = [
        log_in(client, "alice@example.com", "guess", "192.0.2.9", forwarded_for=f"198.51.100.{n}")
        for n in range(6)
    ]
    assert [r.status_code for r in statuses] == [200] * 5 + [429]


def test_a_guesser_elsewhere_does_not_keep_the_owner_out(client: Client, alice: User) -> None:
    home = "198.51.100.20"
    assert log_in(client, "alice@example.com", PASSWORD, home).status_code == 302
    client.post(reverse("accounts:logout"))
    # Fifty guesses from fifty addresses (each under its own allowance) and many from one.
    for n in range(50):
        log_in(Client(), "alice@example.com", f"guess {n}", f"203.0.113.{n + 1}")
    for _ in range(12):
        log_in(Client(), "alice@example.com", "guess", "192.0.2.66")
    # A new address for her account waits: the account has been guessed at too often.
    elsewhere = log_in(Client(), "alice@example.com", PASSWORD, "192.0.2.77")
    assert elsewhere.status_code == 429
    # From the address she signs in from, her password still gets her in at once.
    assert log_in(client, "alice@example.com", PASSWORD, home).status_code == 302
    assert get_user(client).pk == alice.pk


DEVICE = "prepcoach_device"


def keep_out_attempt(guesses: int = 12) -> None:
    """The attacker of the review: wrong passwords for alice, one from each of many addresses."""
    for n in range(guesses):
        log_in(Client(), "alice@example.com", f"guess {n}", f"203.0.113.{n + 1}")


def test_the_owners_browser_gets_in_at_once_from_any_address(client: Client, alice: User) -> None:
    first = log_in(client, "alice@example.com", PASSWORD, "198.51.100.20")
    cookie = first.cookies[DEVICE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    assert int(cookie["max-age"]) == 365 * 24 * 3600
    client.post(reverse("accounts:logout"))
    keep_out_attempt()
    # A brand-new browser at a new address waits on the account's count, but never long.
    stranger = log_in(Client(), "alice@example.com", PASSWORD, "192.0.2.77")
    assert stranger.status_code == 429
    assert 0 < int(stranger["Retry-After"]) <= ACCOUNT_CAP_S
    # Her own browser, on hotel Wi-Fi she never used, gets in at once: it shows its cookie.
    assert log_in(client, "alice@example.com", PASSWORD, "192.0.2.78").status_code == 302
    assert get_user(client).pk == alice.pk


def test_a_forged_or_other_accounts_device_cookie_counts_for_nothing(
    client: Client, alice: User, bob: User
) -> None:
    mine = log_in(client, "alice@example.com", PASSWORD, "198.51.100.20").cookies[DEVICE].value
    bobs_browser = Client()
    assert log_in(bobs_browser, "bob@example.com", PASSWORD, "198.51.100.30").status_code == 302
    bobs_browser.post(reverse("accounts:logout"))
    keep_out_attempt()
    assert log_in(bobs_browser, "alice@example.com", PASSWORD, "192.0.2.80").status_code == 429
    forged = Client()
    account, rest = mine.split(":", 1)
    forged.cookies[DEVICE] = f"{account}:another-token:{rest.split(':', 1)[1]}"
    assert log_in(forged, "alice@example.com", PASSWORD, "192.0.2.81").status_code == 429
    unsigned = Client()
    unsigned.cookies[DEVICE] = f"{account}:a-token-of-my-own"
    assert log_in(unsigned, "alice@example.com", PASSWORD, "192.0.2.82").status_code == 429
    copied = Client()
    copied.cookies[DEVICE] = mine  # the real cookie, as only her browser has it
    assert log_in(copied, "alice@example.com", PASSWORD, "192.0.2.83").status_code == 302


def test_a_browsers_own_failures_still_slow_it(client: Client, alice: User) -> None:
    log_in(client, "alice@example.com", PASSWORD, "198.51.100.20")
    client.post(reverse("accounts:logout"))
    statuses = [
        log_in(client, "alice@example.com", "guess", f"192.0.2.{n + 1}").status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_over_https_the_device_cookie_is_secure(client: Client, alice: User) -> None:
    response = client.post(
        LOGIN, {"username": "alice@example.com", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    assert response.cookies[DEVICE]["secure"]


def test_an_ipv6_client_is_counted_by_its_network(client: Client, alice: User) -> None:
    statuses = [
        log_in(client, "alice@example.com", "guess", f"2001:db8:1:2::{n:x}").status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_log_out_needs_a_post(alice_client: Client) -> None:
    assert alice_client.get(reverse("accounts:logout")).status_code == 405
    response = alice_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not get_user(alice_client).is_authenticated


@pytest.mark.django_db
def test_pages_behind_login_send_visitors_to_log_in(client: Client) -> None:
    for name in ["goals:index", "research:index", "practice:index", "accounts:profile"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)


def test_csrf_is_enforced_on_forms(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "alice@example.com", "password": PASSWORD})
    assert response.status_code == 403


@pytest.mark.django_db(transaction=True)
def test_guesses_sent_side_by_side_are_counted_one_after_another(alice: User) -> None:
    # Alice's password hashed at the shipped cost (0.37 s a check on one core here, where the
    # suite's light hash takes under 10 ms): the guesses' checks then overlap, as they would on
    # a real server, so counting a guess only after its check would let more than five through.
    shipped = Argon2PasswordHasher()
    alice.password = shipped.encode(PASSWORD, shipped.salt())
    alice.save(update_fields=["password"])
    start = threading.Barrier(8)
    statuses: list[int] = []

    def guess(n: int) -> None:
        try:
            start.wait()
            statuses.append(log_in(Client(), "alice@example.com", f"guess {n}").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Five free failures, however the eight arrive; the other three wait.
    assert sorted(statuses) == [200] * 5 + [429] * 3
