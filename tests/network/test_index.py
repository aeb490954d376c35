"""The network page: only the user's own people and events, follow-ups due, an empty state."""

import datetime as dt

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from tests.network.conftest import add_contact, add_event

URL = "/plan/network/"


def test_a_visitor_is_sent_to_log_in(client: Client, db: None) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_empty_network_says_what_to_do(alice_client: Client) -> None:
    page = alice_client.get(URL).content.decode()
    assert "No one yet." in page
    assert "import your contacts" in page
    assert "No events yet." in page


def test_only_alices_people_and_events_are_listed(alice_client: Client, bob: User) -> None:
    alice = User.objects.get(email="alice@example.com")
    add_contact(alice, "Ana Lee", company="NHS Digital", role="Data lead")
    add_event(alice, "PyData London")
    add_contact(bob, "Bob's secret contact")
    add_event(bob, "Bob's secret event")
    page = alice_client.get(URL).content.decode()
    assert "Ana Lee" in page
    assert "Data lead at NHS Digital" in page
    assert "PyData London" in page
    assert "Bob&#x27;s secret" not in page
    assert "Bob's secret" not in page


def test_html_in_a_name_stays_text(alice_client: Client, alice: User) -> None:
    add_contact(alice, "<script>alert(1)</script>Eve")
    page = alice_client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Eve" in page


def test_follow_ups_due_this_week_and_overdue_are_listed_in_words(
    alice_client: Client, alice: User
) -> None:
    today = timezone.localdate()
    add_contact(alice, "Late Larry", next_follow_up=today - dt.timedelta(days=2))
    add_contact(alice, "Soon Sue", next_follow_up=today + dt.timedelta(days=3))
    add_contact(alice, "Far Fay", next_follow_up=today + dt.timedelta(days=30))
    page = alice_client.get(URL).content.decode()
    section = page.split('id="followups-title"')[1].split("</section>")[0]
    assert "Late Larry" in section
    assert "overdue" in section
    assert "Soon Sue" in section
    assert f"{today + dt.timedelta(days=3):%A %-d %B}" in section
    assert "Far Fay" not in section
    assert (today + dt.timedelta(days=3)).isoformat() not in section


def test_search_finds_by_company_or_tag(alice_client: Client, alice: User) -> None:
    add_contact(alice, "Ana Lee", company="NHS Digital")
    add_contact(alice, "Ben Ode", tags="alumni")
    page = alice_client.get(URL, {"q": "alumni"}).content.decode()
    assert "Ben Ode" in page
    assert "Ana Lee" not in page
    page = alice_client.get(URL, {"q": "nobody-like-this"}).content.decode()
    assert "Nobody matches" in page
