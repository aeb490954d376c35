from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import AccessToken, User, hash_token

CREATE = reverse("accounts:token_create")
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_profile_without_tokens_says_so(alice_client: Client) -> None:
    assert "You have no tokens" in alice_client.get(reverse("accounts:profile")).text


def test_create_token_shows_the_secret_once_and_stores_its_hash(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(CREATE, {"token-name": "laptop script"}, **HTMX)
    assert response.status_code == 200
    token = AccessToken.objects.get(user=alice)
    secret = response.context["new_secret"]
    assert secret.startswith("pc_")
    assert secret in response.text
    assert token.token_hash == hash_token(secret)
    assert secret not in {token.token_hash, token.hint}
    assert secret not in alice_client.get(reverse("accounts:profile")).text


def test_create_token_without_htmx_goes_back_to_the_profile(alice_client: Client) -> None:
    response = alice_client.post(CREATE, {"token-name": "cron"}, follow=True)
    assert "Your new token “cron”: pc_" in response.text


def test_a_token_needs_a_name(alice_client: Client) -> None:
    response = alice_client.post(CREATE, {"token-name": ""}, **HTMX)
    assert "Fill in “Token name”: it cannot be left empty." in response.text
    assert not AccessToken.objects.exists()


def test_revoke_token(alice_client: Client, alice: User) -> None:
    token, _ = AccessToken.issue(alice, "old")
    response = alice_client.post(reverse("accounts:token_revoke", args=[token.pk]), **HTMX)
    assert "Token “old” revoked" in response.text
    token.refresh_from_db()
    assert not token.is_active


def test_bob_cannot_revoke_alices_token(client: Client, alice: User, bob: User) -> None:
    token, _ = AccessToken.issue(alice, "hers")
    client.force_login(bob)
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.is_active
