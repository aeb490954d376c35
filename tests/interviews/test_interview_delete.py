"""Deleting an interview deletes its debrief; questions already in the bank stay."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.coach import debrief as core
from prepcoach.interviews.models import Debrief
from prepcoach.jobs.models import Interview
from prepcoach.practice.models import Question
from tests.interviews.conftest import add_debrief, add_interview, london


def test_alice_deletes_an_interview(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    asked = add_debrief(interview, "Why us?").questions.get()
    alice_client.post(f"/interviews/asked/{asked.pk}/bank/")
    response = alice_client.post(f"/interviews/{interview.pk}/delete/", follow=True)
    assert "Interview deleted, with its debrief" in response.content.decode()
    assert not Interview.objects.exists()
    assert not Debrief.objects.exists()
    assert Question.objects.filter(owner=alice, text="Why us?").exists()


def test_the_edit_page_asks_first_naming_the_interview(alice_client: Client, alice: User) -> None:
    """A new user's fault: "Delete this interview and its debrief" deleted at once. It opens
    a page that names the interview and what goes with it, as deleting an answer or a story
    does; GET deletes nothing."""
    interview = add_interview(alice, round_name="Final round", starts_at=london(3, 14))
    url = f"/interviews/{interview.pk}/delete/"
    edit = alice_client.get(f"/interviews/{interview.pk}/edit/").content.decode()
    assert f'href="{url}"' in edit
    page = alice_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Delete this interview?" in text
    when = core.when_words(london(3, 14), london(0, 12).date())
    assert f"“Final round” for Data analyst at Northwind Health, {when}" in text
    assert "it has no debrief" in text
    assert '<button type="submit" class="button danger">Delete the interview</button>' in text
    assert f'<a href="/interviews/{interview.pk}/edit/">Keep it</a>' in text
    assert Interview.objects.filter(pk=interview.pk).exists()
    add_debrief(interview, "Why us?")
    text = alice_client.get(url).content.decode()
    assert "and its debrief goes with it" in text
    assert "it has no debrief" not in text
    assert Debrief.objects.exists()


def test_bob_cannot_open_or_post_alices(client: Client, alice: User, bob: User) -> None:
    interview = add_interview(alice)
    client.force_login(bob)
    page = client.get(f"/interviews/{interview.pk}/delete/")
    assert page.status_code == 404
    assert "Northwind Health" not in page.content.decode()
    assert client.post(f"/interviews/{interview.pk}/delete/").status_code == 404
    assert Interview.objects.filter(pk=interview.pk).exists()


def test_deleting_the_job_deletes_its_interviews(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice)
    response = alice_client.post(f"/grow/jobs/{interview.opportunity_id}/delete/", follow=True)
    assert "with its interviews and their debriefs" in response.content.decode()
    assert not Interview.objects.exists()


def test_deleting_one_with_no_debrief_says_no_debrief_went(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice)
    response = alice_client.post(f"/interviews/{interview.pk}/delete/", follow=True)
    text = response.content.decode()
    assert "Interview deleted. Questions already in your bank stay." in text
    assert "with its debrief" not in text
    assert not Interview.objects.exists()
