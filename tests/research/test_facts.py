"""A job's key facts can be corrected (issue 12, class 5): edited, or deleted after a
confirmation that says what goes with them. Alice owns the job; Bob may touch none of it."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Fact, Opportunity


def job_with_facts(user: User, count: int) -> Opportunity:
    job = Opportunity.objects.create(user=user, company="Acme Health", role="Product manager")
    for n in range(count):
        Fact.objects.create(opportunity=job, text=f"Fact {n}", source="https://acme.example")
    return job


def test_a_fact_is_corrected_in_place(alice_client: Client, alice: User) -> None:
    job = job_with_facts(alice, 1)
    fact = job.facts.get()
    research = alice_client.get(reverse("research:research", args=[job.pk])).text
    assert reverse("research:fact_edit", args=[fact.pk]) in research
    response = alice_client.post(
        reverse("research:fact_edit", args=[fact.pk]),
        {"fact-text": "Founded in 1999", "fact-source": "annual report"},
        follow=True,
    )
    assert "Fact corrected." in response.text
    fact.refresh_from_db()
    assert (fact.text, fact.source) == ("Founded in 1999", "annual report")
    refused = alice_client.post(
        reverse("research:fact_edit", args=[fact.pk]), {"fact-text": "x", "fact-source": ""}
    )
    assert "Every fact needs its source" in refused.text
    fact.refresh_from_db()
    assert fact.source == "annual report"


def test_a_fact_is_deleted_after_asking(alice_client: Client, alice: User) -> None:
    job = job_with_facts(alice, 2)
    fact = job.facts.first()
    assert fact is not None
    url = reverse("research:fact_delete", args=[fact.pk])
    asked = alice_client.get(url).text
    assert "Delete this fact?" in asked
    assert "Fact 0" in asked
    assert job.facts.count() == 2  # asking deletes nothing
    done = alice_client.post(url, follow=True).text
    assert "Fact deleted: 1 of 5 key facts." in done
    assert list(job.facts.values_list("text", flat=True)) == ["Fact 1"]


def test_bob_can_neither_correct_nor_delete_alices_facts(
    client: Client, alice: User, bob: User
) -> None:
    fact = job_with_facts(alice, 1).facts.get()
    client.force_login(bob)
    assert client.get(reverse("research:fact_edit", args=[fact.pk])).status_code == 404
    assert client.post(reverse("research:fact_delete", args=[fact.pk])).status_code == 404
    assert Fact.objects.filter(pk=fact.pk).exists()
