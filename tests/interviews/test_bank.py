"""A question asked, into the question bank in one click: the user's own, tagged with the
company and round, never twice for the same text."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.interviews.conftest import add_debrief, add_interview, add_job


def url(asked_id: int) -> str:
    return f"/interviews/asked/{asked_id}/bank/"


def test_one_click_adds_it_tagged_and_a_second_adds_nothing(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, add_job(alice, "Acme"), hours=-3, round_name="Final round")
    asked = add_debrief(interview, "Why Acme?").questions.get()
    response = alice_client.post(url(asked.pk))
    assert response.status_code == 302
    assert response["Location"] == f"/interviews/{interview.pk}/#asked-{asked.pk}"
    question = Question.objects.get(owner=alice)
    assert (question.text, question.company, question.interview_round) == (
        "Why Acme?", "Acme", "Final round",
    )  # fmt: skip
    assert question.source.startswith("Acme, Final round, ")
    page = alice_client.get(response["Location"]).content.decode()
    assert "Added to your question bank: “Why Acme?”." in page
    assert "In your bank" in page
    alice_client.post(url(asked.pk))
    assert Question.objects.filter(owner=alice).count() == 1
    bank = alice_client.get("/improve/questions/?mine=on").content.decode()
    assert "Why Acme?" in bank
    assert "asked at Acme, final round" in bank


def test_the_same_text_in_any_case_is_not_added_twice(alice_client: Client, alice: User) -> None:
    Question.objects.create(owner=alice, text="why acme?")
    asked = add_debrief(add_interview(alice, hours=-3), "Why  ACME?").questions.get()
    response = alice_client.post(url(asked.pk), follow=True)
    assert "Already in your question bank" in response.content.decode()
    assert Question.objects.filter(owner=alice).count() == 1


def test_a_starter_bank_question_is_not_copied(alice_client: Client, alice: User) -> None:
    starter = Question.objects.filter(owner__isnull=True).first()
    assert starter is not None
    asked = add_debrief(add_interview(alice, hours=-3), starter.text.upper()).questions.get()
    alice_client.post(url(asked.pk))
    assert not Question.objects.filter(owner=alice).exists()


def test_htmx_gets_the_row_back(alice_client: Client, alice: User) -> None:
    asked = add_debrief(add_interview(alice, hours=-3), "<b>Why</b> us?").questions.get()
    response = alice_client.post(url(asked.pk), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.startswith(f'<li id="asked-{asked.pk}">')
    assert "Added to your bank" in page
    assert "&lt;b&gt;Why&lt;/b&gt; us?" in page


def test_bobs_question_cannot_be_added(alice_client: Client, alice: User, bob: User) -> None:
    asked = add_debrief(add_interview(bob, hours=-3), "Bob's secret").questions.get()
    assert alice_client.post(url(asked.pk)).status_code == 404
    assert alice_client.get(url(asked.pk)).status_code == 405
    assert not Question.objects.filter(text="Bob's secret").exists()
