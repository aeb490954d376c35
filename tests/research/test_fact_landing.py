"""After Alice corrects or deletes a fact the page lands on its message ("Fact corrected."),
which sits just above the facts, not on the facts' heading below it; the Correct and Delete
links of a fact stay together on one line."""

import re
from pathlib import Path

from django.test import Client
from django.urls import reverse

import prepcoach
from prepcoach.accounts.models import User
from tests.research.test_facts import job_with_facts


def test_correcting_a_fact_lands_on_its_message(alice_client: Client, alice: User) -> None:
    job = job_with_facts(alice, 2)
    fact = job.facts.first()
    assert fact is not None
    response = alice_client.post(
        reverse("research:fact_edit", args=[fact.pk]),
        {"fact-text": "Founded in 1999", "fact-source": "annual report"},
    )
    assert response["Location"].endswith("#messages")
    page = alice_client.get(response["Location"]).text
    landing = page.index('id="messages"')
    assert landing < page.index("Fact corrected.") < page.index('id="facts-title"')
    deleted = alice_client.post(reverse("research:fact_delete", args=[fact.pk]))
    assert deleted["Location"].endswith("#messages")


def test_a_facts_links_stay_on_one_line() -> None:
    css = (Path(prepcoach.__file__).parent / "static/prepcoach/css/app.css").read_text()
    rule = re.search(r"(?m)^\.row-actions \{([^}]*)\}", css)
    assert rule is not None
    assert "white-space: nowrap" in rule.group(1)
