from typing import Any

import pytest
from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse

from prepcoach import settings as shipped_settings
from prepcoach.accounts.models import Profile, User
from prepcoach.coach.login_throttle import account_key, login_limits
from prepcoach.ops.models import KnownLogin
from tests.conftest import PASSWORD

URL = reverse("accounts:signup")


def sign_up(client: Client, email: str, password: str = PASSWORD, confirm: str | None = None):
    return client.post(
        URL, {"email": email, "password1": password, "password2": confirm or password}
    )


@pytest.mark.django_db
def test_fresh_install_invites_the_first_account(client: Client) -> None:
    home = client.get(reverse("dashboard:home"))
    assert "Create the first account" in home.text
    assert "Create the first account" in client.get(URL).text


@pytest.mark.django_db
def test_sign_up_creates_user_and_profile_and_logs_in(client: Client) -> None:
    response = sign_up(client, "Carol@Example.com")
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")
    user = User.objects.get()
    assert user.email == "carol@example.com"
    assert Profile.objects.filter(user=user).exists()
    assert get_user(client).pk == user.pk
    assert user.password.startswith("argon2$")


def test_prepcoach_stores_passwords_with_argon2_at_djangos_cost() -> None:
    # The suite hashes at a light cost (tests/settings.py); what prepcoach ships is this.
    from django.contrib.auth.hashers import Argon2PasswordHasher, get_hasher

    assert (
        shipped_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
    light = get_hasher()  # the first: what the suite hashes with
    assert light.memory_cost < Argon2PasswordHasher.memory_cost  # the suite's, not the shipped
    shipped = Argon2PasswordHasher().encode("a password", Argon2PasswordHasher().salt())
    assert light.verify("a password", shipped)  # either checks the other's hashes
    assert Argon2PasswordHasher().verify("a password", light.encode("a password", light.salt()))


def test_once_someone_exists_the_invitation_is_gone(client: Client, alice: User) -> None:
    assert "Create the first account" not in client.get(reverse("dashboard:home")).text
    assert "Create your account" in client.get(URL).text


def test_email_in_use_is_explained_whatever_its_case(client: Client, alice: User) -> None:
    response = sign_up(client, "ALICE@example.com")
    assert response.status_code == 200
    assert "An account with this email already exists" in response.text
    assert User.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("84629173650", "entirely numeric"),
    ],
)
def test_weak_password_is_refused_with_the_reason(
    client: Client, password: str, message: str
) -> None:
    response = sign_up(client, "dave@example.com", password)
    assert response.status_code == 200
    assert message in response.text
    assert not User.objects.exists()
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_mismatched_confirmation_is_refused(client: Client) -> None:
    response = sign_up(client, "dave@example.com", PASSWORD, "something else entirely")
    assert "didn’t match" in response.text
    assert not User.objects.exists()


def test_signed_in_user_is_sent_home(alice_client: Client) -> None:
    assert alice_client.get(URL).url == reverse("dashboard:home")


@pytest.mark.django_db
def test_signing_up_marks_the_browser_and_address_as_the_accounts(
    client: Client, settings: Any
) -> None:
    settings.LOGIN_LIMITS = login_limits(free=5, first_s=300, cap_s=900)  # waits outlast the test
    response = client.post(
        URL,
        {"email": "carol@example.com", "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR="198.51.100.40",
    )
    assert response.cookies["prepcoach_device"]["httponly"]
    known = KnownLogin.objects.get()
    assert (known.account, known.address) == (account_key("carol@example.com"), "198.51.100.40")
    client.post(reverse("accounts:logout"))
    # Someone guesses at her account from many addresses: her browser still gets in at once,
    # from an address it never used, and it had never been through the log-in page.
    for n in range(12):
        Client().post(
            reverse("accounts:login"),
            {"username": "carol@example.com", "password": f"guess {n}"},
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )
    again = client.post(
        reverse("accounts:login"),
        {"username": "carol@example.com", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.90",
    )
    assert again.status_code == 302
    assert get_user(client).is_authenticated


def test_the_password_rules_are_a_list_inside_the_fields_help(client: Client, db: None) -> None:
    """Django's password rules are a list: the field's help holds it in a block that may hold
    one (a <p> may not: the browser closed it before the list, which then sat unstyled outside
    the help, as a new user's trial found)."""
    page = client.get(reverse("accounts:signup")).text
    assert '<div class="help" id="id_password1_helptext"><ul><li>' in page
    assert '<p class="help"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wanted",
    ["https://evil.example/improve/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"],
)
def test_sign_up_goes_on_only_to_a_page_of_this_site(client: Client, wanted: str) -> None:
    """`next` carries an invitation through sign-up; anything but a local path is ignored."""
    page = client.get(URL, {"next": wanted}).text
    assert "evil.example" not in page
    assert "javascript:" not in page
    response = client.post(URL, {"email": "erin@example.com", "password1": PASSWORD,
                                 "password2": PASSWORD, "next": wanted})  # fmt: skip
    assert response["Location"] == reverse("accounts:profile")


@pytest.mark.django_db
def test_sign_up_goes_on_to_the_local_page_it_was_sent_from(client: Client) -> None:
    wanted = "/improve/groups/join/abc/"
    response = client.post(URL, {"email": "erin@example.com", "password1": PASSWORD,
                                 "password2": PASSWORD, "next": wanted})  # fmt: skip
    assert response["Location"] == wanted
