"""The owner's feedback page for a STAR story: asked for from the story's page, the link shown
once, withdrawn, and reviews read beside prepcoach's reading of the story, with the
differences named. Personas: alice (owner of the story), bob (another user), anonymous."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.reflection.models import Story
from tests.feedback.conftest import PRIVATE_STORY, make_link_at

pytestmark = pytest.mark.usefixtures("sentence_model")


def ask_url(story: Story) -> str:
    return reverse("feedback:story_ask", args=[story.pk])


def page_url(story: Story) -> str:
    return reverse("feedback:story", args=[story.pk])


def test_the_story_leads_to_feedback_and_the_form_asks_only_what_applies(
    alice_client: Client, story: Story
) -> None:
    assert page_url(story) in alice_client.get(story.get_absolute_url()).text
    page = alice_client.get(page_url(story)).text
    assert "Feedback on your story “Late weekly reports”" in page
    assert "I built a checklist, automated the data pull" in page
    assert PRIVATE_STORY not in page
    # A story has no recording: nothing to say about transcripts or measures.
    assert 'name="show_transcript"' not in page
    assert 'name="show_measures"' not in page
    assert "private link for this one story" in page
    assert "What you would like them to look at as they read." in page
    for heard in ("heard", "listen"):  # a story is read
        assert heard not in page.lower()


def test_a_link_is_made_for_the_story_and_shown_once(alice_client: Client, story: Story) -> None:
    token = make_link_at(alice_client, ask_url(story), show_measures="on")
    ask = FeedbackRequest.objects.get()
    assert (ask.story, ask.attempt, ask.session) == (story, None, None)
    assert not ask.show_transcript
    assert not ask.show_measures
    assert token not in alice_client.get(page_url(story)).text
    assert token not in alice_client.get(reverse("feedback:created", args=[ask.pk])).text


def test_reviews_sit_beside_prepcoachs_reading_of_the_story(
    alice_client: Client, story: Story
) -> None:
    token = make_link_at(alice_client, ask_url(story))
    Client().post(reverse("feedback:review", args=[token]), {
        "reviewer_name": "Kim", "overall": "4", "score_result": "0", "score_clarity": "2",
        "score_delivery": "2",  # not on a story's rubric: ignored
        "comments": "0:42 — not a time in a story\nStrong numbers.",
    })  # fmt: skip
    review = Review.objects.get()
    assert review.scores == {"result": 0, "clarity": 2}
    assert not review.pins.exists()  # a story has no moments to pin to
    page = alice_client.get(page_url(story)).text
    assert "Your reviewer gave it 4 of 5." in page
    assert "Rate it yourself" not in page  # a story has no rating of its own
    assert "Your reviewer found less of a result in it than prepcoach did" in page
    assert page.count("prepcoach does not score this") == 1  # clarity: it read the story
    assert "without losing the reader" in page
    for heard in ("heard", "listen"):  # a story is read
        assert heard not in page.lower()
    assert ">Delivery" not in page
    assert "0:42 — not a time in a story" in page


def test_withdrawing_the_link_closes_it_and_keeps_the_feedback(
    alice_client: Client, story: Story
) -> None:
    token = make_link_at(alice_client, ask_url(story))
    Client().post(reverse("feedback:review", args=[token]),
                  {"reviewer_name": "Kim", "overall": "2", "comments": "Kept"})  # fmt: skip
    ask = FeedbackRequest.objects.get()
    assert alice_client.post(reverse("feedback:withdraw", args=[ask.pk])).url == page_url(story)
    assert Client().get(reverse("feedback:review", args=[token])).status_code == 404
    page = alice_client.get(page_url(story)).text
    assert "withdrawn" in page
    assert "Kept" in page


def test_deleting_the_story_ends_its_links(alice_client: Client, story: Story) -> None:
    token = make_link_at(alice_client, ask_url(story))
    alice_client.post(reverse("reflection:story_delete", args=[story.pk]))
    assert not FeedbackRequest.objects.exists()
    response = Client().get(reverse("feedback:review", args=[token]))
    assert response.status_code == 404
    assert "This link does not work" in response.text


def test_nobody_else_sees_asks_or_withdraws(alice_client: Client, story: Story, bob: User) -> None:
    make_link_at(alice_client, ask_url(story))
    ask = FeedbackRequest.objects.get()
    bobs = Client()
    bobs.force_login(bob)
    assert bobs.get(page_url(story)).status_code == 404
    made = bobs.post(ask_url(story), {"reviewer_label": "x", "relation": "friend", "days": 3})
    assert made.status_code == 404
    assert bobs.post(reverse("feedback:withdraw", args=[ask.pk])).status_code == 404
    assert FeedbackRequest.objects.count() == 1
    assert Client().get(page_url(story)).status_code == 302
