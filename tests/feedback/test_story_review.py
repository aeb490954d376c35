"""The reviewer's page behind a story link: the story's title and its S/T/A/R text, scored on
the rubric without what only a recording shows; no recording, and nothing else of the owner's.
Personas: alice (owner), Kim (a reviewer with the link, no account), a stranger with a wrong,
old or withdrawn link."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.reflection.models import Story
from tests.feedback.conftest import PRIVATE_STORY, make_link_at
from tests.practice.conftest import tone_wav
from tests.support import close_response

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
    assert "without losing the reader" in page
    for heard in ("heard", "listen"):  # a story is read
        assert heard not in page.lower()
    assert "Thank you" in reviewer.post(url, REVIEW).text
    review = Review.objects.get()
    assert (review.overall, review.scores, review.comment) == (
        3,
        {"situation": 2},
        "The result is strong.",
    )
    assert "You already sent feedback on this story" in reviewer.get(url).text


def test_a_story_link_plays_nothing(
    alice_client: Client, story: Story, settings: object, tmp_path: Path
) -> None:
    """Alice's answers have real recordings, which her own media URL plays: a story link
    opens none of them, loose or in a mock interview."""
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    token = story_link(alice_client, story)
    session = MockSession.objects.create(user=story.user, question_texts=["Q?"])
    answers = []
    for extra in ({}, {"session": session, "mode": Attempt.Mode.MOCK}):
        answer = Attempt.objects.create(
            user=story.user, question_text="Private answer", media_type="audio/wav",
            status=Attempt.Status.ANALYSED, **extra,
        )  # fmt: skip
        answer.recording.save("answer.wav", ContentFile(tone_wav(1.0)))
        own = alice_client.get(reverse("practice:attempt_media", args=[answer.pk]))
        assert own.status_code == 200  # a recording that plays
        close_response(own)
        answers.append(answer)
    urls = [reverse("feedback:review_media", args=[token])]
    urls += [reverse("feedback:review_answer_media", args=[token, a.pk]) for a in answers]
    for url in urls:
        response = Client().get(url, HTTP_RANGE="bytes=0-99")
        assert response.status_code == 404
        assert "This link does not work" in response.text
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
        # A working link for another of her stories: no URL takes a story id beside a token,
        # so it opens that story and nothing of this one.
        token = story_link(alice_client, Story.objects.get(title=PRIVATE_STORY))
    url = reverse("feedback:review", args=[token])
    response = Client().get(url)
    for part in ("Late weekly reports", "our weekly reports to the board", "get them out on time"):
        assert part not in response.text
    posted = Client().post(url, REVIEW)
    assert not Review.objects.filter(request__story=story).exists()
    if change == "another story's":
        assert response.status_code == 200
        assert PRIVATE_STORY in response.text
        assert Review.objects.get().request.story.title == PRIVATE_STORY  # type: ignore[union-attr]
    else:
        for answer in (response, posted):
            assert answer.status_code == 404
            assert "This link does not work" in answer.text
            assert PRIVATE_STORY not in answer.text
        assert not Review.objects.exists()
