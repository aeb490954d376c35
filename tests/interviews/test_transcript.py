"""A transcript's page: the questions found with the user's answers, each answer read as a
practice answer is, who is who and how sure; owner only."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from tests.interviews.conftest import add_interview, add_job, add_transcript

PANEL = (
    "Kim: How are you? I am fine thanks.\nLee: Good. How was the trip? It was long.\n"
    "Kim: Did you find us easily? The map helped.\nLee: What is next? Lunch, I think.\n"
)


def url(transcript_id: int) -> str:
    return f"/interviews/transcripts/{transcript_id}/"


def test_the_questions_answers_and_their_reading(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, add_job(alice, "Acme"), hours=-3)
    transcript = add_transcript(interview)
    page = alice_client.get(url(transcript.pk)).content.decode()
    assert "You are <strong>Alice Doe</strong>; asking: Priya Shah." in page
    assert "Tell me about a time you improved a process." in page
    assert "Why do you want to work with us?" in page
    assert page.count(">Add to your bank</button>") == 2
    # The answer is read by the practice reader: the same findings, quoted.
    answer = (
        "Our monthly reports were always late. I was asked to fix it before the audit. "
        "I rebuilt the pipeline in SQL and added checks. Errors fell by 40 percent."
    )
    reading = analyse_answer(
        text=answer, question="Tell me about a time you improved a process."
    ).as_dict()["star"]
    assert reading["quantified_result"]["present"] is True  # type: ignore[index]
    first = page[page.index('id="pair-0"') : page.index('id="pair-1"')]
    assert "A result with a number: <strong>yes</strong> <q>Errors fell by 40 percent.</q>" in first
    for part in ("situation", "task", "action", "result"):
        shown = f"{part.title()}: <strong>found</strong>" in first
        assert shown is reading[part]["present"]  # type: ignore[index]
    assert f'href="/interviews/{interview.pk}/"' in page


def test_when_it_cannot_tell_the_user_picks(alice_client: Client, alice: User) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3), PANEL)
    page = alice_client.get(url(transcript.pk)).content.decode()
    assert "prepcoach cannot tell which speaker is you" in page
    assert "Both sides ask and answer alike" in page
    assert 'value="Kim"' in page
    assert 'value="Lee"' in page
    assert "Say which speaker you are, above" in page
    assert "Add to your bank" not in page


def test_bob_gets_404_and_a_deleted_interview_or_job_takes_it(
    client: Client, alice: User, bob: User
) -> None:
    job = add_job(alice)
    interview = add_interview(alice, job, hours=-3)
    transcript = add_transcript(interview)
    client.force_login(bob)
    response = client.get(url(transcript.pk))
    assert response.status_code == 404
    assert "Priya" not in response.content.decode()
    client.force_login(alice)
    assert client.get(url(transcript.pk)).status_code == 200
    job.delete()
    response = client.get(url(transcript.pk))
    assert response.status_code == 404
    assert "This transcript is not here" in response.content.decode()
