"""The SMART check through the API: the date order comes from the request or the profile, and a
goal of no kind is said to be so."""

import json

from django.test import Client

from prepcoach.accounts.models import Profile, User


def smart(client: Client, body: dict[str, object]) -> dict[str, object]:
    response = client.post("/api/smart", json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.content
    data: dict[str, object] = response.json()
    return data


def test_the_date_order_comes_from_the_request_or_the_profile(
    alice_client: Client, alice: User
) -> None:
    goal = {"text": "Do 3 mock interviews by 12/31", "today": "2026-11-30"}
    assert smart(alice_client, goal | {"date_order": "MDY"})["deadline"] == "2026-12-31"
    Profile.objects.filter(user=alice).update(date_order="MDY")
    assert smart(alice_client, goal)["deadline"] == "2026-12-31"
    uk = smart(alice_client, goal | {"date_order": "DMY"})
    assert uk["deadline"] is None
    assert "Did you mean 31 December 2026" in uk["time_bound"]["reason"]  # type: ignore[index]


def test_a_date_order_the_api_does_not_know_is_refused(alice_client: Client) -> None:
    response = alice_client.post(
        "/api/smart",
        json.dumps({"text": "Do 3 mocks by 4/12", "date_order": "YMD"}),
        content_type="application/json",
    )
    assert response.status_code == 422


def test_a_goal_no_kind_fits_has_no_type(alice_client: Client) -> None:
    data = smart(alice_client, {"text": "run 5k without stopping", "today": "2026-11-30"})
    assert data["type"] is None
