import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import Profile, User

URL = reverse("accounts:profile")


def profile_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Alice D.",
        "target_role": "Senior data analyst",
        "industry": "Healthcare",
        "time_zone": "America/New_York",
    }
    data |= {f"hours_{i}": h for i, h in enumerate([1, 1.5, 1, 1, 0.5, 4, 0])}
    data |= overrides
    return data


def test_profile_shows_what_alice_entered(alice_client: Client) -> None:
    page = alice_client.get(URL).text
    assert 'value="Data analyst"' in page
    assert "Hours you can give to preparation each day of the week" in page


def test_profile_saves_role_industry_zone_and_hours(alice_client: Client, alice: User) -> None:
    response = alice_client.post(URL, profile_data())
    assert response["Location"] == URL
    profile = Profile.objects.get(user=alice)
    assert profile.target_role == "Senior data analyst"
    assert profile.time_zone == "America/New_York"
    assert profile.availability.hours == (1, 1.5, 1, 1, 0.5, 4, 0)
    assert profile.availability.per_week == 9


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_2", "25", "less than or equal to 16"),
        ("hours_0", "-1", "greater than or equal to 0"),
        ("time_zone", "Mars/Olympus", "Select a valid choice"),
    ],
)
def test_impossible_values_are_explained_and_nothing_changes(
    alice_client: Client, alice: User, field: str, value: str, message: str
) -> None:
    response = alice_client.post(URL, profile_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert Profile.objects.get(user=alice).target_role == "Data analyst"


def test_each_request_runs_in_the_users_own_time_zone(alice: User, bob: User) -> None:
    from django.test import RequestFactory
    from django.utils import timezone

    from prepcoach.accounts.middleware import UserTimeZoneMiddleware

    seen: list[str] = []

    def view(request: object) -> HttpResponse:
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse()

    middleware = UserTimeZoneMiddleware(view)
    for user in (alice, bob):
        request = RequestFactory().get("/")
        request.user = user
        middleware(request)
    assert seen == ["Europe/London", "UTC"]


def test_new_user_without_profile_sees_the_empty_state(client: Client, db: None) -> None:
    user = User.objects.create_user("admin@example.com", "x" * 20)
    client.force_login(user)
    home = client.get(reverse("dashboard:home")).text
    assert "Start here: your profile" in home
    assert client.get(URL).status_code == 200
    assert Profile.objects.filter(user=user).exists()


def test_the_date_order_is_a_profile_setting(alice_client: Client, alice: User) -> None:
    page = alice_client.get(URL).text
    assert 'name="date_order"' in page
    assert "data-date-order" in page  # date-order.js fills it from the browser when unset
    assert "prepcoach/js/date-order.js" in page
    alice_client.post(URL, profile_data(date_order="MDY"))
    assert Profile.objects.get(user=alice).date_order == "MDY"
    refused = alice_client.post(URL, profile_data(date_order="YMD"))
    assert "Select a valid choice" in refused.text
    alice_client.post(URL, profile_data(date_order=""))
    assert Profile.objects.get(user=alice).date_order == ""  # not set: questioned, not guessed


def test_sign_up_keeps_the_date_order_the_browser_suggested(client: Client, db: None) -> None:
    page = client.get(reverse("accounts:signup")).text
    assert 'type="hidden" name="date_order"' in page
    assert "prepcoach/js/date-order.js" in page
    client.post(
        reverse("accounts:signup"),
        {
            "email": "carol@example.com",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
            "date_order": "DMY",
        },
    )
    assert Profile.objects.get(user__email="carol@example.com").date_order == "DMY"


def test_the_date_order_reaches_the_live_check(alice_client: Client, alice: User) -> None:
    check = reverse("goals:smart_check")
    text = "Do 3 mock interviews by 12/31"
    Profile.objects.filter(user=alice).update(date_order="MDY")
    assert "31 December 2026" in alice_client.post(check, {"text": text}).text
    Profile.objects.filter(user=alice).update(date_order="DMY")
    assert "not a date in day/month order" in alice_client.post(check, {"text": text}).text


def test_a_first_visit_offers_hours_and_the_browsers_time_zone(client: Client, db: None) -> None:
    user = User.objects.create_user("carol@example.com", "x" * 20)
    client.force_login(user)
    page = client.get(URL).text
    assert "data-time-zone-guess" in page  # time-zone.js selects the browser's zone
    assert "prepcoach/js/time-zone.js" in page
    # An hour each weekday, two on Saturday and Sunday: offered, not planned until saved.
    for index, hours in enumerate(("1", "1", "1", "1", "1", "2", "2")):
        assert f'name="hours_{index}" value="{hours}"' in page
    assert "These are suggestions" in page
    assert Profile.objects.get(user=user).availability.is_empty


def test_a_filled_profile_keeps_its_own_zone_and_hours(alice_client: Client) -> None:
    page = alice_client.get(URL).text
    assert "data-time-zone-guess" not in page
    assert "These are suggestions" not in page
    assert 'name="hours_6" value="0"' in page


def test_sign_up_keeps_the_time_zone_the_browser_gave(client: Client, db: None) -> None:
    page = client.get(reverse("accounts:signup")).text
    assert 'name="time_zone"' in page
    assert "data-time-zone-guess" in page  # time-zone.js fills it
    assert "prepcoach/js/time-zone.js" in page
    data = {"password1": "a long passphrase 42", "password2": "a long passphrase 42"}
    client.post(
        reverse("accounts:signup"),
        {**data, "email": "carol@example.com", "time_zone": "Asia/Tokyo"},
    )
    assert Profile.objects.get(user__email="carol@example.com").time_zone == "Asia/Tokyo"
    client.logout()
    client.post(reverse("accounts:signup"), {**data, "email": "dan@example.com",
                                              "time_zone": "Mars/Olympus"})  # fmt: skip
    assert Profile.objects.get(user__email="dan@example.com").time_zone == "UTC"


def test_the_profile_leads_to_the_digest_and_how_often_it_comes(alice_client: Client) -> None:
    page = alice_client.get(reverse("accounts:profile")).text
    assert "Your digest" in page
    assert (
        f'<a href="{reverse("dashboard:digest")}">choose how often on the digest page</a>' in page
    )
