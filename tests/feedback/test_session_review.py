"""The reviewer's page behind a mock-interview link: every answer of that interview in order
with its question and recording, pins under each answer, one rubric review for the whole; and
nothing else. Personas: alice (owner), Sam (a reviewer with the link, no account), a stranger
with a wrong, old or withdrawn link."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Pin, Review
from prepcoach.practice.models import Attempt, MockSession
from tests.feedback.conftest import MOCK_QUESTIONS, OTHER_SESSION_TEXT, make_link_at
from tests.support import close_response

pytestmark = pytest.mark.usefixtures("sentence_model")


def session_link(client: Client, session: MockSession, **extra: object) -> str:
    return make_link_at(client, reverse("feedback:session_ask", args=[session.pk]), **extra)


def media(token: str, attempt: Attempt) -> str:
    return reverse("feedback:review_answer_media", args=[token, attempt.pk])


def answers_of(session: MockSession) -> dict[str, Attempt]:
    return {a.question_text: a for a in session.attempts.all()}


def box(session: MockSession, question: str) -> str:
    """The name of the comment box of the answer to `question`: keyed by the answer's id."""
    return f"answer_{answers_of(session)[question].pk}"


REVIEW = {"reviewer_name": "Sam", "overall": "4", "score_situation": "2", "score_delivery": "1",
          "comments": "Good pace overall."}  # fmt: skip


def review_of(session: MockSession) -> dict[str, str]:
    return REVIEW | {box(session, MOCK_QUESTIONS[0]): "0:05 — slow start\nThe opening drags.",
                     box(session, MOCK_QUESTIONS[1]): "0:10 — this is where you lost me"}  # fmt: skip


def test_sam_hears_every_answer_in_order_and_nothing_else(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = session_link(alice_client, mock_session)
    page = Client().get(reverse("feedback:review", args=[token])).text
    assert "Your feedback on a mock interview" in page
    assert "Alice Doe asked you for feedback on this mock interview" in page
    first, second = (page.index(q) for q in MOCK_QUESTIONS)
    assert first < page.index("What was the outcome?") < second  # the follow-up in its place
    answers = answers_of(mock_session)
    for question in MOCK_QUESTIONS:
        assert media(token, answers[question]) in page
    assert "I built a checklist" in page  # the owner let them read transcripts
    assert "every week since" in page  # the typed follow-up
    assert "words a minute" not in page  # but not the measures
    assert OTHER_SESSION_TEXT not in page
    assert "Delivery: Pace, pauses" in page  # the interview was heard: delivery is scored
    assert f'data-pin-for="id_{box(mock_session, MOCK_QUESTIONS[0])}"' in page
    assert f'name="{box(mock_session, MOCK_QUESTIONS[1])}"' in page
    assert OTHER_SESSION_TEXT not in page


def test_recordings_play_with_byte_ranges_only_for_this_interviews_answers(
    alice_client: Client, mock_session: MockSession, alice: User, bob: User
) -> None:
    token = session_link(alice_client, mock_session)
    reviewer = Client()
    answer = answers_of(mock_session)[MOCK_QUESTIONS[1]]
    ranged = reviewer.get(media(token, answer), HTTP_RANGE="bytes=0-99")
    assert ranged.status_code == 206
    assert ranged["Content-Range"].startswith("bytes 0-99/")
    assert "no-store" in ranged["Cache-Control"]
    whole = reviewer.get(media(token, answer))
    assert whole.status_code == 200
    close_response(whole)
    elsewhere = Attempt.objects.get(question_text=OTHER_SESSION_TEXT)  # alice's, another mock
    loose = Attempt.objects.create(user=alice, question_text="Loose answer")
    bobs = Attempt.objects.create(user=bob, question_text="Bob's", session=mock_session)
    for other in (elsewhere, loose, bobs):
        refused = reviewer.get(media(token, other))
        assert refused.status_code == 404
        assert "This link does not work" in refused.text
    # The one-answer media address opens nothing for a mock-interview link.
    assert reviewer.get(reverse("feedback:review_media", args=[token])).status_code == 404


def test_one_review_for_the_interview_with_pins_under_each_answer(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = session_link(alice_client, mock_session)
    reviewer = Client()
    url = reverse("feedback:review", args=[token])
    done = reviewer.post(url, review_of(mock_session))
    assert "Thank you" in done.text
    review = Review.objects.get()
    assert review.overall == 4
    assert review.scores == {"situation": 2, "delivery": 1}
    answers = answers_of(mock_session)
    pins = {(p.attempt_id, p.at_s, p.text) for p in Pin.objects.all()}
    assert pins == {
        (answers[MOCK_QUESTIONS[0]].pk, 5.0, "slow start"),
        (answers[MOCK_QUESTIONS[1]].pk, 10.0, "this is where you lost me"),
    }
    # A line without a time stays with its answer, not folded into the general comment.
    assert review.comment == "Good pace overall."
    assert [(n.attempt_id, n.text) for n in review.notes.all()] == [
        (answers[MOCK_QUESTIONS[0]].pk, "The opening drags.")
    ]
    again = reviewer.get(url).text
    assert "You already sent feedback on this mock interview" in again
    assert "0:05 — slow start\nThe opening drags.</textarea>" in again  # each box as it was left
    reviewer.post(url, review_of(mock_session) | {box(mock_session, MOCK_QUESTIONS[0]): "",
                                                  "overall": "5"})  # fmt: skip
    review.refresh_from_db()
    assert review.overall == 5
    assert Pin.objects.count() == 1
    assert Review.objects.count() == 1


def test_bad_comments_get_a_message_and_html_stays_text(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = session_link(alice_client, mock_session)
    url = reverse("feedback:review", args=[token])
    huge = "y" * 10_000
    follow_up = box(mock_session, "What was the outcome?")
    response = Client().post(url, review_of(mock_session) | {follow_up: huge})
    assert response.status_code == 422
    assert "Keep the comments under 5000 characters (this has 10000)" in response.text
    assert huge in response.text  # nothing typed is lost
    assert not Review.objects.exists()
    missing = Client().post(url, {follow_up: "kept"})
    assert "overall score from 1 to 5" in missing.text
    assert "kept" in missing.text
    Client().post(url, REVIEW | {"reviewer_name": "<b>Sam</b>",
                                 follow_up: "0:02 — <script>alert(1)</script>"})  # fmt: skip
    page = alice_client.get(reverse("feedback:session", args=[mock_session.pk])).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;Sam&lt;/b&gt;" in page


@pytest.mark.parametrize("change", ["mistyped", "expired", "withdrawn", "empty"])
def test_a_link_that_does_not_work_says_so_and_hints_at_nothing(
    alice_client: Client, mock_session: MockSession, change: str
) -> None:
    token = session_link(alice_client, mock_session)
    answer = answers_of(mock_session)[MOCK_QUESTIONS[0]]
    if change == "mistyped":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif change == "expired":
        FeedbackRequest.objects.update(expires_at=timezone.now())
    elif change == "withdrawn":
        FeedbackRequest.objects.update(revoked_at=timezone.now())
    else:
        token = "x"
    for url in (reverse("feedback:review", args=[token]), media(token, answer)):
        response = Client().get(url)
        assert response.status_code == 404
        assert "This link does not work" in response.text
        assert "Sam, my mentor" not in response.text
        assert MOCK_QUESTIONS[0] not in response.text
    assert Client().post(reverse("feedback:review", args=[token]), REVIEW).status_code == 404
    assert not Review.objects.exists()


def test_measures_show_only_when_the_owner_chose(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = session_link(alice_client, mock_session, show_measures="on", show_transcript="")
    page = Client().get(reverse("feedback:review", args=[token])).text
    assert "140 words a minute" in page
    assert "I built a checklist" not in page
