"""“I was in touch today”: the last contact becomes today, the next follow-up is optional."""

from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from tests.network.conftest import add_contact


def test_being_in_touch_moves_the_dates(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee", next_follow_up=timezone.localdate())
    url = f"/plan/network/contacts/{contact.pk}/followed-up/"
    response = alice_client.post(url, {"next_follow_up": "2030-03-04"}, follow=True)
    assert "Next follow-up with Ana Lee: Monday 4 March." in response.content.decode()
    contact.refresh_from_db()
    assert contact.last_contact == timezone.localdate()
    assert contact.next_follow_up is not None
    assert contact.next_follow_up.isoformat() == "2030-03-04"


def test_no_next_date_clears_the_follow_up(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee", next_follow_up=timezone.localdate())
    alice_client.post(f"/plan/network/contacts/{contact.pk}/followed-up/", {})
    contact.refresh_from_db()
    assert contact.next_follow_up is None


def test_a_bad_date_is_explained(alice_client: Client, alice: User) -> None:
    contact = add_contact(alice, "Ana Lee")
    response = alice_client.post(
        f"/plan/network/contacts/{contact.pk}/followed-up/", {"next_follow_up": "soon"}
    )
    assert response.status_code == 422
    assert "That is not a real date" in response.content.decode()
    contact.refresh_from_db()
    assert contact.last_contact is None


def test_a_follow_up_years_away_is_refused_and_the_calendar_keeps_working(
    alice_client: Client, alice: User
) -> None:
    contact = add_contact(alice, "Ana Lee")
    response = alice_client.post(
        f"/plan/network/contacts/{contact.pk}/followed-up/", {"next_follow_up": "9999-12-31"}
    )
    assert response.status_code == 422
    assert "Pick a date between 2000 and 2100." in response.content.decode()
    contact.refresh_from_db()
    assert contact.next_follow_up is None
    # Even a date written straight into the database cannot break the calendar download.
    type(contact).objects.filter(pk=contact.pk).update(next_follow_up="9999-12-31")
    assert alice_client.get("/plan/calendar/plan.ics").status_code == 200
