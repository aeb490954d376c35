"""A job's page links to how ready its owner is for the job's next interview, among the page's
actions (a tester found no way there from the job: only from the interview's page and the
dashboard's countdown). Alice owns the job; Bob's interview of his own job never shows on it."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_interview, add_job


def job_page(client: Client, job_id: int) -> str:
    return client.get(f"/grow/jobs/{job_id}/").content.decode()


def test_the_job_page_links_to_readiness_for_its_next_interview(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice, "Acme")
    add_interview(alice, job, hours=-48, round_name="Phone screen")  # held: no readiness
    later = add_interview(alice, job, hours=24 * 9, round_name="Final round")
    soon = add_interview(alice, job, hours=30, round_name="Second round")
    page = job_page(alice_client, job.pk)
    actions = page[page.index('<div class="actions">') :]
    actions = actions[: actions.index("</div>")]
    assert (
        f'<a class="button" href="/ready/{soon.pk}/">How ready you are for the second round</a>'
        in actions
    )
    assert f"/ready/{later.pk}/" not in page
    assert alice_client.get(f"/ready/{soon.pk}/").status_code == 200


def test_no_link_without_an_interview_to_come(alice_client: Client, alice: User, bob: User) -> None:
    job = add_job(alice, "Acme")
    add_interview(alice, job, hours=-48, round_name="Phone screen")
    theirs = add_interview(bob, add_job(bob, "Acme"), hours=30)
    page = job_page(alice_client, job.pk)
    assert "How ready you are" not in page
    assert f"/ready/{theirs.pk}/" not in page
