"""An interview's page: when, with whom, the debrief with its questions and the thank-you
note; owner only."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_debrief, add_interview, add_job, london


def url(interview_id: int) -> str:
    return f"/interviews/{interview_id}/"


def test_an_upcoming_interview_counts_down_and_waits_for_its_debrief(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, starts_at=london(3, 14), interviewers="Ana Lee, Head of Data")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "First round" in page
    assert "Northwind Health" in page
    assert "<strong>in 3 days</strong>" in page
    assert page.count(interview.starts_at.astimezone(london(0, 0).tzinfo).strftime("%a ")) == 1
    assert "After the interview, write its debrief here." in page
    assert "How did it go?" not in page


def test_a_finished_interview_asks_for_its_debrief(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-2)
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "How did it go?" in page
    assert "Write the debrief" in page


def test_the_debrief_its_questions_and_the_thank_you_note(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice, "Acme", "Analyst")
    interview = add_interview(alice, job, hours=-30, interviewers="Ana Lee, Head of Data")
    add_debrief(interview, "Why Acme?", "Walk me through a dashboard", went_well="SQL")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert page.count(">Add to your bank</button>") == 2
    assert "Dear Ana," in page
    assert "the Analyst role at Acme" in page
    assert "Alice Doe" in page  # signed with her name
    assert "How did it go?" not in page  # written


def test_bob_sees_nothing_of_alices(client: Client, alice: User, bob: User) -> None:
    interview = add_interview(alice, hours=-30)
    add_debrief(interview, "ALICE question")
    client.force_login(bob)
    response = client.get(url(interview.pk))
    assert response.status_code == 404
    assert "ALICE question" not in response.content.decode()
    assert "Northwind" not in response.content.decode()
    # Nothing was typed, so nothing is said to be lost; and no claim that it was deleted alone
    # (a trial's second user read "It was deleted … Nothing was saved" of Alice's interview).
    assert "Nothing was saved" not in response.content.decode()
    assert "or it is not one of yours" in response.content.decode()


def test_a_debrief_written_ahead_drafts_no_thank_you_note(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, starts_at=london(3, 14), interviewers="Ana Lee")
    add_debrief(interview, "Why Acme?", went_well="SQL")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "SQL" in page  # what she wrote is kept and shown
    assert "A thank-you note to send" not in page
    assert "Thank you for taking the time" not in page


def test_a_phone_interviews_debrief_shows_only_the_voice_check(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3, format="phone")
    add_debrief(interview, body_language={"eye_contact": "no", "pace": "yes"})
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "I spoke at a calm pace and paused before answering: <strong>yes</strong>" in page
    assert "Your voice" in page
    assert "eye contact" not in page
    assert "Body language" not in page
