"""The reviewer's page behind a story link: the story's title and its S/T/A/R text, scored on
the rubric without what only a recording shows; no recording, and nothing else of the owner's.
Personas: alice (owner), Kim (a reviewer with the link, no account), a stranger with a wrong,
old or withdrawn link."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt
from prepcoach.reflection.models import Story
from tests.feedback.conftest import PRIVATE_STORY, make_link_at

pytestmark = pytest.mark.usefixtures("sentence_model")

REVIEW = {"reviewer_name": "Kim", "overall": "3", "score_situation": "2",
          "comments": "The result is strong."}  # fmt: skip


def story_link(client: Client, story: Story) -> str:
    return make_link_at(client, reverse("feedback:story_ask", args=[story.pk]))


def test_kim_reads_the_story_and_scores_it_without_delivery(
    alice_client: Client, story: Story
) -> None:
    token = story_link(alice_client, story)
    reviewer = Client()
    url = reverse("feedback:review", args=[token])
    page = reviewer.get(url).text
    assert "Your feedback on an interview story" in page
    assert "Late weekly reports" in page
    for part in ("our weekly reports to the board", "get them out on time", "automated the data",
                 "two days earlier, for the next 40 weeks", "2 days earlier"):  # fmt: skip
        assert part in page
    assert PRIVATE_STORY not in page
    assert "<audio" not in page
    assert "data-pin" not in page
    assert "Delivery: Pace" not in page
    assert "Clarity: Easy to follow" in page
    assert "Overall, how well does the story work? (1–5)" in page
    assert "Thank you" in reviewer.post(url, REVIEW).text
    review = Review.objects.get()
    assert (review.overall, review.scores, review.comment) == (
        3,
        {"situation": 2},
        "The result is strong.",
    )
    assert "You already sent feedback on this story" in reviewer.get(url).text


def test_a_story_link_plays_nothing(alice_client: Client, story: Story) -> None:
    token = story_link(alice_client, story)
    answer = Attempt.objects.create(user=story.user, question_text="Private answer")
    for url in (reverse("feedback:review_media", args=[token]),
                reverse("feedback:review_answer_media", args=[token, answer.pk])):  # fmt: skip
        response = Client().get(url)
        assert response.status_code == 404
        assert "Private answer" not in response.text


def test_bad_comments_get_a_message_and_html_stays_text(alice_client: Client, story: Story) -> None:
    token = story_link(alice_client, story)
    url = reverse("feedback:review", args=[token])
    huge = "z" * 10_000
    response = Client().post(url, REVIEW | {"comments": huge})
    assert response.status_code == 422
    assert "Keep the comments under 5000 characters (this has 10000)" in response.text
    assert huge in response.text
    assert not Review.objects.exists()
    Client().post(url, REVIEW | {"comments": "<img src=x onerror=alert(1)>"})
    page = alice_client.get(reverse("feedback:story", args=[story.pk])).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("change", ["mistyped", "expired", "withdrawn", "another story's"])
def test_a_link_that_does_not_work_says_so_and_hints_at_nothing(
    alice_client: Client, story: Story, change: str
) -> None:
    token = story_link(alice_client, story)
    if change == "mistyped":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif change == "expired":
        FeedbackRequest.objects.update(expires_at=timezone.now())
    elif change == "withdrawn":
        FeedbackRequest.objects.update(revoked_at=timezone.now())
    else:
        # The link opens its own story only: no URL takes a story id beside a token.
        page = Client().get(reverse("feedback:review", args=[token])).text
        assert PRIVATE_STORY not in page
        return
    response = Client().get(reverse("feedback:review", args=[token]))
    assert response.status_code == 404
    assert "This link does not work" in response.text
    assert "Late weekly reports" not in response.text
    assert Client().post(reverse("feedback:review", args=[token]), REVIEW).status_code == 404
    assert not Review.objects.exists()
