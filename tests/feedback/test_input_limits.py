"""No feedback box cuts a long paste short: each is a text box without `maxlength` (Chromium
cuts a paste to it without a word, as a tester's 10,000 words were cut mid-word on another
form), and over its limit it is refused with the count, the text still in it.

Personas: alice (owner of an answer, a story and a job), Sam (a reviewer with a link)."""

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.feedback.models import MAX_COMMENT_CHARS, FeedbackRequest, InterviewerReply, Review
from prepcoach.practice.models import Attempt
from prepcoach.reflection.models import Story
from tests.feedback.conftest import make_link, make_link_at, review_data
from tests.feedback.test_interviewer import job_of

TEXTAREA = re.compile(r"<textarea[^>]*>")


def textareas(page: str) -> list[str]:
    found = TEXTAREA.findall(page)
    assert found, "the page has no text box"
    return found


def test_the_ask_for_feedback_note_takes_a_long_paste_and_refuses_it_with_its_count(
    alice_client: Client, recorded: Attempt
) -> None:
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert not any("maxlength" in box for box in textareas(page))
    url = reverse("feedback:ask", args=[recorded.pk])
    note = "Listen for pace. " * 100  # 1,699 characters as kept, less its end
    page = alice_client.post(url, {"reviewer_label": "Sam", "relation": "mentor", "days": 14,
                                   "note": note}).text  # fmt: skip
    assert "Keep the note under 1000 characters (this has 1699)" in page
    assert note.strip() in page  # what was typed comes back
    assert not FeedbackRequest.objects.exists()


def test_a_story_review_box_takes_a_long_paste_and_refuses_it_with_its_count(
    alice_client: Client, story: Story
) -> None:
    url = reverse("feedback:review", args=[
        make_link_at(alice_client, reverse("feedback:story_ask", args=[story.pk]))])  # fmt: skip
    sam = Client()
    assert not any("maxlength" in box for box in textareas(sam.get(url).text))
    words = "The result needs a number. " * 200  # 5,399 characters as sent, less its end
    data = {"reviewer_name": "Sam", "overall": "3", "comments": words}
    page = sam.post(url, data).text
    shown = (
        f"Keep the comments under {MAX_COMMENT_CHARS} characters (this has {len(words.strip())})"
    )
    assert shown in page
    assert words.strip() in page
    assert not Review.objects.exists()


def test_an_answer_review_box_with_pins_has_no_maxlength(
    alice_client: Client, recorded: Attempt
) -> None:
    url = reverse("feedback:review", args=[make_link(alice_client, recorded)])
    sam = Client()
    assert not any("maxlength" in box for box in textareas(sam.get(url).text))
    words = "0:12 — " + "too fast here " * 400
    page = sam.post(url, review_data(comments=words)).text
    assert f"Keep the comments under {MAX_COMMENT_CHARS} characters" in page
    assert not Review.objects.exists()


def test_the_interviewer_s_reply_box_has_no_maxlength(alice_client: Client, alice: User) -> None:
    job = job_of(alice)
    page = alice_client.get(reverse("feedback:interviewer", args=[job.pk])).text
    assert not any("maxlength" in box for box in textareas(page))
    reply = "Strong SQL. " * 1000  # 11,999 characters, less its end
    page = alice_client.post(reverse("feedback:interviewer", args=[job.pk]),
                             {"reply-received_on": "2026-12-12", "reply-text": reply}).text  # fmt: skip
    assert "Keep it under 10000 characters (this has 11999)" in page
    assert reply.strip()[:200] in page
    assert not InterviewerReply.objects.exists()
