"""A question found in a transcript into the bank in one click, by the debrief's own path:
tagged with the company and round, never twice."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.interviews.conftest import add_interview, add_job, add_transcript


def url(transcript_id: int, index: int) -> str:
    return f"/interviews/transcripts/{transcript_id}/bank/{index}/"


def test_one_click_adds_it_tagged_and_a_second_adds_nothing(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, add_job(alice, "Acme"), hours=-3, round_name="Final round")
    transcript = add_transcript(interview)
    response = alice_client.post(url(transcript.pk, 1))
    assert response["Location"] == f"/interviews/transcripts/{transcript.pk}/#pair-1"
    question = Question.objects.get(owner=alice)
    assert (question.text, question.company, question.interview_round) == (
        "Why do you want to work with us?", "Acme", "Final round",
    )  # fmt: skip
    assert question.source.startswith("Acme, Final round, ")
    page = alice_client.get(response["Location"]).content.decode()
    assert "Added to your question bank: “Why do you want to work with us?”." in page
    assert page.count(">Add to your bank</button>") == 1
    assert f'href="/improve/questions/{question.pk}/"' in page
    response = alice_client.post(url(transcript.pk, 1), follow=True)
    assert "Already in your question bank" in response.content.decode()
    assert Question.objects.filter(owner=alice).count() == 1


def test_a_question_no_longer_there_adds_nothing(alice_client: Client, alice: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3))
    response = alice_client.post(url(transcript.pk, 7), follow=True)
    assert "That question is not in the transcript any more" in response.content.decode()
    assert not Question.objects.filter(owner=alice).exists()


def test_bob_cannot_add_alices_and_a_deleted_job_adds_nothing(
    client: Client, alice: User, bob: User
) -> None:
    job = add_job(alice)
    transcript = add_transcript(add_interview(alice, job, hours=-3))
    client.force_login(bob)
    assert client.post(url(transcript.pk, 0)).status_code == 404
    client.force_login(alice)
    assert client.get(url(transcript.pk, 0)).status_code == 405
    job.delete()
    assert client.post(url(transcript.pk, 0)).status_code == 404
    assert not Question.objects.filter(owner__isnull=False).exists()
