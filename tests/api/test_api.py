import re

import pytest
from django.test import Client

from prepcoach.accounts.models import AccessToken, User


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_me_with_the_browser_session(alice_client: Client) -> None:
    response = alice_client.get("/api/me")
    assert response.status_code == 200
    assert response.json() == {
        "email": "alice@example.com",
        "profile": {
            "name": "Alice Doe",
            "target_role": "Data analyst",
            "industry": "Healthcare",
            "time_zone": "Europe/London",
            "weekly_hours": [1, 1, 1, 1, 1, 3, 0],
        },
    }


def test_me_with_a_personal_access_token(client: Client, alice: User, bob: User) -> None:
    token, secret = AccessToken.issue(bob, "script")
    response = client.get("/api/me", **bearer(secret))
    assert response.status_code == 200
    assert response.json()["email"] == "bob@example.com"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoked_or_unknown_tokens_are_refused(client: Client, alice: User) -> None:
    token, secret = AccessToken.issue(alice, "old")
    token.revoke()
    assert client.get("/api/me", **bearer(secret)).status_code == 401
    assert client.get("/api/me", **bearer("pc_not-a-token")).status_code == 401


def test_a_deactivated_users_tokens_stop_working(client: Client, alice: User) -> None:
    _, secret = AccessToken.issue(alice, "script")
    alice.is_active = False
    alice.save()
    assert client.get("/api/me", **bearer(secret)).status_code == 401


@pytest.mark.django_db
def test_anonymous_requests_are_refused(client: Client) -> None:
    response = client.get("/api/me")
    assert response.status_code == 401


@pytest.mark.django_db
def test_openapi_schema_describes_the_api(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "prepcoach API"
    assert "/api/me" in schema["paths"]
    assert "PersonalAccessToken" in schema["components"]["securitySchemes"]


@pytest.mark.django_db
def test_docs_page_is_served_locally(client: Client) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page.text
    # Nothing loaded from another host (a CDN). Matching the bare word "cdn" failed whenever it
    # turned up inside the page's random CSRF token.
    sources = re.findall(r'(?:src|href)="([^"]*)"', page.text)
    assert sources
    assert all(url.startswith(("/", "#")) for url in sources), sources
    bundle = client.get("/static/ninja/swagger-ui-bundle.js")
    bundle.close()  # a streamed file: close it, or its handle lingers
    assert bundle.status_code == 200
