"""Writing the debrief: saved with its questions, body language, ratings and outcome; long
boxes refused with nothing lost; a deleted interview or job says so and shows what was typed."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.interviews.models import AskedQuestion, Debrief
from tests.interviews.conftest import add_debrief, add_interview, debrief_post


def url(interview_id: int) -> str:
    return f"/interviews/{interview_id}/debrief/"


def test_alice_writes_her_debrief(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "How did it go?" in page
    assert "I kept eye contact" in page
    assert "Communication" in page
    response = alice_client.post(
        url(interview.pk),
        debrief_post(
            went_well="Clear SQL walk-through", went_badly="Rambled on salary",
            **{"asked-0-text": "  Tell me about   messy data ", "asked-0-went": "well",
               "asked-1-text": "Why us?", "asked-1-went": "badly", "asked-1-notes": "Too vague",
               "body_eye_contact": "yes", "body_hands": "partly", "rating_communication": "4",
               "outcome": "next", "feedback": "Strong on SQL"},
        ),
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == f"/interviews/{interview.pk}/#debrief"
    debrief = Debrief.objects.get()
    assert debrief.interview == interview
    assert debrief.outcome == "next"
    assert debrief.body_language == {"eye_contact": "yes", "hands": "partly"}
    assert debrief.ratings == {"communication": 4}
    texts = list(AskedQuestion.objects.values_list("text", "went", "notes"))
    assert texts == [("Tell me about messy data", "well", ""), ("Why us?", "badly", "Too vague")]
    page = alice_client.get(f"/interviews/{interview.pk}/").content.decode()
    assert "Clear SQL walk-through" in page
    assert "Next round" in page
    assert "Communication: <strong>4 of 5</strong>" in page
    assert "A thank-you note to send" in page
    assert "prepcoach never sends it" in page


def test_editing_keeps_one_debrief_and_replaces_its_rows(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    add_debrief(interview, "Old question")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert 'value="Old question"' in page
    alice_client.post(url(interview.pk), debrief_post(**{"asked-0-text": "New question"}))
    assert Debrief.objects.count() == 1
    assert list(AskedQuestion.objects.values_list("text", flat=True)) == ["New question"]


def test_a_10000_character_box_is_refused_and_everything_kept(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    huge = "x" * 10_000
    response = alice_client.post(
        url(interview.pk),
        debrief_post(went_well=huge, went_badly="Salary talk",
                     **{"asked-0-text": "Why us?", "asked-0-notes": "vague"}),
    )  # fmt: skip
    assert response.status_code == 422
    page = response.content.decode()
    assert "Keep it under 5000 characters (this has 10000)" in page
    assert huge in page
    assert "Salary talk" in page
    assert 'value="Why us?"' in page
    assert "maxlength" not in page
    assert not Debrief.objects.exists()


def test_notes_without_a_question_are_questioned(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    response = alice_client.post(url(interview.pk), debrief_post(**{"asked-0-notes": "hmm"}))
    assert response.status_code == 422
    assert "Write the question these notes are about." in response.content.decode()


def test_a_deleted_job_gives_a_clear_message_and_keeps_what_was_typed(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    interview.opportunity.delete()
    assert alice_client.get(url(interview.pk)).status_code == 404
    response = alice_client.post(url(interview.pk), debrief_post(went_well="My careful notes"))
    assert response.status_code == 404
    page = response.content.decode()
    assert "This interview is not here" in page
    assert "the job it belonged to was" in page
    assert "My careful notes" in page
    assert not Debrief.objects.exists()


def test_bobs_interview_looks_like_a_deleted_one(alice_client: Client, bob: User) -> None:
    interview = add_interview(bob, hours=-3)
    response = alice_client.post(url(interview.pk), debrief_post(went_well="x"))
    assert response.status_code == 404
    assert "This interview is not here" in response.content.decode()
    assert not Debrief.objects.exists()


def test_before_the_interview_the_page_points_to_preparing(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=72)
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "This interview is still ahead" in page
    assert "It starts in 3 days." in page
    assert f'href="/ready/{interview.pk}/"' in page
    assert "How did it go?" not in page
    assert "Save the debrief" not in page


def test_a_debrief_posted_from_an_older_page_is_still_saved(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=72)
    response = alice_client.post(url(interview.pk), debrief_post(went_well="Kept"))
    assert response.status_code == 302
    assert Debrief.objects.get().went_well == "Kept"


def test_a_phone_interview_is_asked_about_the_voice_not_eye_contact_or_posture(
    alice_client: Client, alice: User
) -> None:
    """A trial's phone debrief asked about eye contact and posture, which the interviewer
    never saw: it asks the voice item alone, and keeps an answer given before to the rest."""
    interview = add_interview(alice, hours=-3, format="phone")
    add_debrief(interview, body_language={"eye_contact": "no"})
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "Your voice: did you…" in page
    assert "I spoke at a calm pace and paused before answering" in page
    for seen in ("Body language", "eye contact", "upright", "hands", "smiled"):
        assert seen not in page, seen
    response = alice_client.post(url(interview.pk), debrief_post(body_pace="partly"))
    assert response.status_code == 302
    assert Debrief.objects.get().body_language == {"eye_contact": "no", "pace": "partly"}
    post = alice_client.post(url(interview.pk), debrief_post(body_eye_contact="yes"))
    assert post.status_code == 302  # a field it does not ask is ignored
    assert Debrief.objects.get().body_language == {"eye_contact": "no"}


def test_a_take_home_task_has_no_body_language_check(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3, format="take-home")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "How did it go?" in page
    assert "did you…" not in page
    assert "eye contact" not in page
