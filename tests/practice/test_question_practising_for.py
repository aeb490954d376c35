"""A question's page asks which job the answer is practised for ("Practising for"): the user's
own jobs only, none chosen until they choose one, then the job they chose last for free
practice; with no job, a link to add one instead of an empty select.

- alice: two jobs of her own (Data analyst at Acme, Analyst at Initech).
- bob: a job of his own (Sales lead at Globex), which alice's page must never list.
"""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question


def select(client: Client, question: Question) -> str | None:
    """The "Practising for" select of the question's page, or None when the page has none."""
    page = client.get(reverse("practice:question", args=[question.pk]))
    assert page.status_code == 200
    found = re.search(r'<select name="job"[^>]*>.*?</select>', page.text, re.S)
    return found[0] if found else None


def options(html: str) -> list[tuple[str, str, bool]]:
    """Each option's value, words and whether it is selected."""
    return [
        (value, words, bool(chosen))
        for value, chosen, words in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def jobs(alice: User, bob: User) -> tuple[Opportunity, Opportunity, Opportunity]:
    acme = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    initech = Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    globex = Opportunity.objects.create(user=bob, company="Globex", role="Sales lead")
    return acme, initech, globex


def test_the_select_lists_only_alices_own_jobs(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    acme, initech, _ = jobs(alice, bob)
    html = select(alice_client, question)
    assert html is not None, "no Practising for select"
    listed = options(html)
    assert {value for value, _, _ in listed} == {"", str(acme.pk), str(initech.pk)}
    assert ("", "No particular job", True) in listed  # none chosen at first
    assert "Globex" not in html
    # Labelled, described, and sent with the typed answer's form, which has that id.
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    assert '<label for="practising-for">Practising for</label>' in page
    assert 'id="practising-for"' in html
    assert 'form="typed-answer"' in html
    assert 'aria-describedby="id_job_helptext"' in html
    assert 'id="id_job_helptext"' in page
    assert (
        '<form method="post" action="{}" id="typed-answer"'.format(
            reverse("practice:typed_create", args=[question.pk])
        )
        in page
    )
    assert 'data-job-select="practising-for"' in page  # the recorder's start reads it


def test_without_jobs_the_page_links_to_adding_one(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    Opportunity.objects.create(user=bob, company="Globex", role="Sales lead")
    assert select(alice_client, question) is None
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    assert "Practising for a particular job?" in page
    assert f'href="{reverse("research:opportunity_new")}">Add the job</a>' in page
    assert 'data-job-select=""' in page


def test_the_job_chosen_last_for_free_practice_is_chosen_again(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    acme, initech, _ = jobs(alice, bob)
    Attempt.objects.create(user=alice, question_text="Earlier", job=acme, text="An answer.")
    Attempt.objects.create(user=alice, question_text="Latest", job=initech, text="An answer.")
    # A mock's answer is its mock's job's, not a choice made on this page.
    mock = MockSession.objects.create(user=alice, opportunity=acme)
    Attempt.objects.create(user=alice, question_text="In a mock", session=mock, mode="mock")
    html = select(alice_client, question)
    assert html is not None
    assert (str(initech.pk), "Analyst at Initech", True) in options(html)
    # Then "No particular job" chosen for an answer: the page starts on it again.
    Attempt.objects.create(user=alice, question_text="Latest of all", text="An answer.")
    html = select(alice_client, question)
    assert html is not None
    assert ("", "No particular job", True) in options(html)
