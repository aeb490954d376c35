"""Addresses a user types or trims back to under /grow/ lead somewhere."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity


def test_the_jobs_folder_goes_to_the_list_of_jobs(alice_client: Client, alice: User) -> None:
    """Every job's page is /grow/jobs/<id>/; a trial's /grow/jobs/ was a 404."""
    Opportunity.objects.create(user=alice, company="Northwind", role="Data analyst")
    response = alice_client.get("/grow/jobs/")
    assert response.status_code == 302
    assert response["Location"] == reverse("research:index")
    assert "Northwind" in alice_client.get("/grow/jobs/", follow=True).text
    assert (
        alice_client.get("/grow/jobs/?page=2")["Location"] == reverse("research:index") + "?page=2"
    )


def test_the_jobs_folder_asks_a_visitor_to_sign_in_as_the_list_does(client: Client) -> None:
    final = client.get("/grow/jobs/", follow=True)
    assert final.redirect_chain[0] == (reverse("research:index"), 302)
    assert reverse("accounts:login") in final.redirect_chain[-1][0]
