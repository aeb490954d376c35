"""The comment boxes of a mock-interview review are keyed by the answer they sit under, never
by their place: an answer its owner deletes (or retakes) while the reviewer has the page open
moves no comment onto another answer, and loses none. A reviewer's words outlive the answer
they are on. What a reviewer wrote under one answer without a time stays with that answer, so
a long review reopened and sent unchanged is accepted.

Personas: alice (owner of the mock interview), Sam (a reviewer with the link, no account)."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.feedback.models import AnswerNote, Pin, Review
from prepcoach.practice.models import Attempt, MockSession
from tests.feedback.conftest import MOCK_QUESTIONS, OTHER_SESSION_TEXT, make_link_at

pytestmark = pytest.mark.usefixtures("sentence_model")

BOXES = re.compile(r'<textarea name="(comments|answer_[0-9]+)"[^>]*>(.*?)</textarea>', re.S)
FOLLOW_UP = "What was the outcome?"


def answers_of(session: MockSession) -> dict[str, Attempt]:
    return {a.question_text: a for a in session.attempts.all()}


def open_link(alice_client: Client, session: MockSession) -> str:
    token = make_link_at(alice_client, reverse("feedback:session_ask", args=[session.pk]))
    return reverse("feedback:review", args=[token])


def boxes_on(page: str) -> dict[str, str]:
    """The comment boxes of a page as a browser sends them back (Django's leading newline of a
    textarea is not part of its value)."""
    return {name: html.unescape(value.removeprefix("\n")) for name, value in BOXES.findall(page)}


def test_comments_stay_on_their_answer_when_another_is_deleted_while_the_page_is_open(
    alice_client: Client, mock_session: MockSession
) -> None:
    url = open_link(alice_client, mock_session)
    sam = Client()
    page = sam.get(url).text
    answers = answers_of(mock_session)
    first, follow_up, last = (
        answers[MOCK_QUESTIONS[0]],
        answers[FOLLOW_UP],
        answers[MOCK_QUESTIONS[1]],
    )
    assert list(boxes_on(page)) == [f"answer_{a.pk}" for a in (first, follow_up, last)] + [
        "comments"
    ]
    # While Sam reads, alice deletes her first answer (and would retake it).
    alice_client.post(reverse("practice:attempt_delete", args=[first.pk]))
    done = sam.post(url, {
        "reviewer_name": "Sam", "overall": "3", "comments": "Calm throughout.",
        f"answer_{first.pk}": "0:04 — ABOUT THE FIRST ANSWER\nIts opening drags.",
        f"answer_{follow_up.pk}": "Good number.",
        f"answer_{last.pk}": "0:09 — ABOUT THE LAST ANSWER",
    })  # fmt: skip
    assert done.status_code == 200
    assert "1 answer you commented on was removed" in done.text
    assert "is kept with your feedback" in done.text
    # Each comment is on the answer it was written under; the deleted one's are kept, unplaced.
    pins = {(p.attempt_id, p.text) for p in Pin.objects.all()}
    assert pins == {(None, "ABOUT THE FIRST ANSWER"), (last.pk, "ABOUT THE LAST ANSWER")}
    notes = {(n.attempt_id, n.text) for n in AnswerNote.objects.all()}
    assert notes == {(None, "Its opening drags."), (follow_up.pk, "Good number.")}
    assert Review.objects.get().comment == "Calm throughout."
    owner = alice_client.get(reverse("feedback:session", args=[mock_session.pk])).text
    assert (
        'On an answer since removed</span> <span class="meta">0:04</span> ABOUT THE FIRST' in owner
    )
    assert f'data-player="play-{last.pk}" aria-label="Play answer 2 from 0:09"' in owner
    # Sent again from the same open page, the removed answer's words are kept once.
    sam.post(url, {"reviewer_name": "Sam", "overall": "4", "comments": "Calm throughout.",
                   f"answer_{first.pk}": "0:04 — ABOUT THE FIRST ANSWER\nIts opening drags."})  # fmt: skip
    assert Pin.objects.filter(attempt=None).count() == 1
    assert AnswerNote.objects.filter(attempt=None).count() == 1


def test_deleting_an_answer_keeps_the_words_reviewers_left_on_it(
    alice_client: Client, mock_session: MockSession
) -> None:
    url = open_link(alice_client, mock_session)
    sam = Client()
    first = answers_of(mock_session)[MOCK_QUESTIONS[0]]
    sam.post(url, {"reviewer_name": "Sam", "overall": "3",
                   f"answer_{first.pk}": "0:04 — you lost me here\nToo long a setup."})  # fmt: skip
    alice_client.post(reverse("practice:attempt_delete", args=[first.pk]))
    assert not Attempt.objects.filter(pk=first.pk).exists()
    assert [(p.attempt_id, p.text) for p in Pin.objects.all()] == [(None, "you lost me here")]
    owner = alice_client.get(reverse("feedback:session", args=[mock_session.pk])).text
    assert "On an answer since removed" in owner
    assert "Too long a setup." in owner
    # Sam sees them kept when reopening, and updating the review does not drop them.
    again = sam.get(url).text
    assert "Your comments on answers removed since" in again
    assert "0:04 — you lost me here" in again
    assert "0:04 — you lost me here" not in "".join(boxes_on(again).values())
    sam.post(url, {"reviewer_name": "Sam", "overall": "4"} | boxes_on(again))
    assert Pin.objects.filter(attempt=None).count() == 1
    assert AnswerNote.objects.filter(attempt=None).count() == 1


def test_a_box_for_an_answer_the_link_does_not_open_pins_nothing_to_it(
    alice_client: Client, mock_session: MockSession
) -> None:
    url = open_link(alice_client, mock_session)
    elsewhere = Attempt.objects.get(question_text=OTHER_SESSION_TEXT)  # alice's, another mock
    response = Client().post(url, {"reviewer_name": "Sam", "overall": "3",
                                   f"answer_{elsewhere.pk}": "0:01 — guessed"})  # fmt: skip
    assert response.status_code == 200
    assert not Pin.objects.filter(attempt=elsewhere).exists()
    assert Pin.objects.get().attempt is None  # kept, on no answer
    assert OTHER_SESSION_TEXT not in response.text


def test_a_long_review_reopened_and_sent_unchanged_is_accepted(
    alice_client: Client, mock_session: MockSession
) -> None:
    url = open_link(alice_client, mock_session)
    answers = answers_of(mock_session)
    first, last = answers[MOCK_QUESTIONS[0]], answers[MOCK_QUESTIONS[1]]
    # Near the limit in every box: the general comment, lines without a time under an answer,
    # and fifty pins typed the short way ("5s …"), which come back as "0:05 — …".
    pinned = "\n".join(f"{n}s {'w' * 90}" for n in range(1, 51)) + "\n" + "u" * 380
    sent = {"reviewer_name": "Sam", "overall": "4", "comments": "g" * 4990,
            f"answer_{first.pk}": "n" * 4990, f"answer_{last.pk}": pinned}  # fmt: skip
    sam = Client()
    assert "Thank you" in sam.post(url, sent).text
    review = Review.objects.get()
    assert review.comment == "g" * 4990
    page = sam.get(url).text
    boxes = boxes_on(page)
    assert boxes["comments"] == "g" * 4990
    assert boxes[f"answer_{first.pk}"] == "n" * 4990  # in its own box, not the general one
    assert len(boxes[f"answer_{last.pk}"]) > 5000  # the times written back take more room
    again = sam.post(url, {"reviewer_name": "Sam", "overall": "4"} | boxes)
    assert again.status_code == 200, re.findall(r'class="error"[^>]*>([^<]*)', again.text)
    assert "Your feedback is updated" in again.text
    assert Pin.objects.filter(attempt=last).count() == 50
    assert [n.text for n in AnswerNote.objects.filter(attempt=first)] == ["n" * 4990]
    # The limit is on what was written in one box.
    too_much = sam.post(url, sent | {f"answer_{first.pk}": "n" * 5001})
    assert too_much.status_code == 422
    assert "Keep the comments under 5000 characters (this has 5001)" in too_much.text


def test_a_review_of_an_interview_whose_answers_are_all_gone_keeps_its_words_apart(
    alice_client: Client, mock_session: MockSession
) -> None:
    url = open_link(alice_client, mock_session)
    sam = Client()
    first = answers_of(mock_session)[MOCK_QUESTIONS[0]]
    sam.post(url, {"reviewer_name": "Sam", "overall": "3", "comments": "Calm.",
                   f"answer_{first.pk}": "0:04 — you lost me here"})  # fmt: skip
    for attempt in mock_session.attempts.all():
        alice_client.post(reverse("practice:attempt_delete", args=[attempt.pk]))
    again = sam.get(url).text
    assert boxes_on(again) == {"comments": "Calm."}  # the pin is not put in the general box
    assert "0:04 — you lost me here" in again  # it is shown as kept
    sam.post(url, {"reviewer_name": "Sam", "overall": "4"} | boxes_on(again))
    assert Review.objects.get().comment == "Calm."
    assert [(p.attempt_id, p.text) for p in Pin.objects.all()] == [(None, "you lost me here")]
