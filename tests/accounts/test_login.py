import pytest
from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from tests.conftest import PASSWORD

LOGIN = reverse("accounts:login")


def log_in(client: Client, email: str, password: str):
    return client.post(LOGIN, {"username": email, "password": password})


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


def test_repeated_failures_lock_the_login_for_a_while(client: Client, alice: User) -> None:
    for attempt in range(5):
        log_in(client, "alice@example.com" if attempt % 2 else "ALICE@example.com", "guess")
    # Even the right password is refused now, and the page says why and for how long.
    response = log_in(client, "alice@example.com", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.text
    assert "15 minutes" in response.text
    assert not get_user(client).is_authenticated


def test_a_lockout_does_not_spill_onto_other_accounts(
    client: Client, alice: User, bob: User
) -> None:
    for _ in range(5):
        log_in(client, "alice@example.com", "guess")
    assert log_in(client, "bob@example.com", PASSWORD).status_code == 302


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
