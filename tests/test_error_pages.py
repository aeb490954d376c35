"""The site's own error pages, as a server with DEBUG off shows them (a new user's trial: a bare
"Not Found" page with no way back). A page not found is in the site's layout, says what may have
happened and leads back (to the dashboard when signed in, to logging in when not), and shows
nothing of another person's; a server error leads back to the page it came from and home.
Personas: alice, bob, an anonymous visitor."""

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.ops.unavailable import server_error
from prepcoach.reflection.models import Story

PAGE = "text/html,application/xhtml+xml,*/*;q=0.8"


@pytest.fixture(autouse=True)
def debug_off(settings: Any) -> None:
    settings.DEBUG = False


def test_a_missing_page_is_the_sites_own_with_a_way_back(alice_client: Client) -> None:
    response = alice_client.get("/no/such/page/")
    assert response.status_code == 404
    page = response.text
    assert "<title>Page not found · prepcoach</title>" in page
    assert 'class="site-header"' in page  # the site's layout, its menu too
    assert 'aria-label="Main"' in page
    assert f'href="{reverse("dashboard:home")}">Go to your dashboard</a>' in page
    assert "Alice Doe" in page  # still signed in, and the page says so


def test_a_visitor_is_led_to_log_in(client: Client) -> None:
    page = client.get("/no/such/page/").text
    assert "Page not found" in page
    assert f'href="{reverse("accounts:login")}">Log in</a>' in page


def test_anothers_story_is_the_same_page_and_shows_nothing_of_it(
    client: Client, alice: User, bob: User
) -> None:
    story = Story.objects.create(user=alice, title="Alice's private story")
    client.force_login(bob)
    response = client.get(reverse("reflection:story", args=[story.pk]))
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "private story" not in response.text


def failed(path: str, **headers: str) -> str:
    request = RequestFactory().get(path, headers={"Accept": PAGE, **headers})
    try:
        raise RuntimeError("a bug")
    except RuntimeError:  # handler500 reads the exception being handled
        response = server_error(request)
    assert response.status_code == 500
    return response.content.decode()


def test_a_server_error_leads_back_to_where_it_came_from_and_home() -> None:
    page = failed("/plan/", Referer="http://testserver/grow/")
    assert "Something went wrong on the server" in page
    assert 'href="http://testserver/grow/">Back</a>' in page
    assert 'href="/">Go to your dashboard</a>' in page
    assert 'class="site-footer"' in page


@pytest.mark.parametrize("referer", ["", "https://elsewhere.example/", "http://testserver/plan/"])
def test_no_way_back_to_another_site_or_to_the_failing_page(referer: str) -> None:
    page = failed("/plan/", Referer=referer) if referer else failed("/plan/")
    assert ">Back</a>" not in page
    assert 'href="/">Go to your dashboard</a>' in page
