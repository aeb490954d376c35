"""Adding a person: saved to its owner, checked, and HTML kept as text."""

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.network.models import Contact
from tests.network.conftest import add_contact

URL = "/plan/network/contacts/new/"


def test_alice_adds_a_person_with_everything(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="NHS", role="Data analyst")
    response = alice_client.post(
        URL,
        {
            "name": "Ana Lee", "email": "ana@example.org", "company": "NHS Digital",
            "role": "Data lead", "where_met": "Alumni evening", "opportunity": job.pk,
            "tags": "alumni", "last_contact": "2026-01-05", "next_follow_up": "2026-02-01",
            "notes": "Knows the hiring manager",
        },
    )  # fmt: skip
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/plan/network/contacts/{contact.pk}/"
    assert contact.user == alice
    assert contact.opportunity == job
    page = alice_client.get(response["Location"]).content.decode()
    assert "Ana Lee" in page
    assert "Sunday 1 February 2026" in page  # the follow-up in words
    assert "2026-02-01" not in page


def test_a_name_is_required_and_a_bad_date_is_explained(alice_client: Client) -> None:
    response = alice_client.post(URL, {"name": "", "next_follow_up": "31/31/2026"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Give their name" in page
    assert "That is not a real date" in page
    assert not Contact.objects.exists()


def test_the_same_email_twice_is_refused(alice_client: Client, alice: User) -> None:
    add_contact(alice, "Ana Lee", email="ana@example.org")
    response = alice_client.post(URL, {"name": "Ana L.", "email": "ANA@example.org"})
    assert response.status_code == 422
    assert "Ana Lee already has the e-mail" in response.content.decode()
    assert Contact.objects.count() == 1


def test_bobs_job_cannot_be_linked(alice_client: Client, bob: User) -> None:
    bobs = Opportunity.objects.create(user=bob, company="Bob Co", role="Secret")
    response = alice_client.post(URL, {"name": "Ana", "opportunity": bobs.pk})
    assert response.status_code == 422
    assert not Contact.objects.exists()


def test_html_in_a_name_is_stored_and_shown_as_text(alice_client: Client) -> None:
    alice_client.post(URL, {"name": "<b>Bold</b> Ben", "notes": "<img src=x onerror=alert(1)>"})
    contact = Contact.objects.get()
    assert contact.name == "<b>Bold</b> Ben"
    page = alice_client.get(f"/plan/network/contacts/{contact.pk}/").content.decode()
    assert "<b>Bold</b>" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt; Ben" in page
    assert "<img src=x" not in page
