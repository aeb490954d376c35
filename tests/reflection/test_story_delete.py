"""Deleting a story asks first: the story's edit page links to a page that says what goes with
it (its feedback links and the reviews given through them) and deletes only when that page's
form is sent (a new user's trial: one click deleted a story). Personas: alice (the story's
owner), bob (another user)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.reflection.models import Story


def alices_story(alice: User) -> Story:
    return Story.objects.create(
        user=alice, title="The late reports", situation="Reports were late.",
        task="Get them out on time.", action="I built a checklist.", result="Two days earlier.",
    )  # fmt: skip


@pytest.mark.parametrize("page_name", ["reflection:story_edit", "reflection:story"])
def test_the_story_and_its_edit_page_link_to_a_question_not_a_one_click_delete(
    alice_client: Client, alice: User, page_name: str
) -> None:
    # The story's own page too (a new user's trial: the delete was only at the edit form's foot).
    story = alices_story(alice)
    url = reverse("reflection:story_delete", args=[story.pk])
    page = alice_client.get(reverse(page_name, args=[story.pk])).text
    assert f'href="{url}"' in page
    assert f'action="{url}"' not in page


def test_the_question_says_what_goes_and_deletes_nothing(alice_client: Client, alice: User) -> None:
    story = alices_story(alice)
    for label, browser in (("Sam", "a"), ("Kim", "b")):
        link = FeedbackRequest.objects.create(
            owner=alice, story=story, reviewer_label=label, token_digest=label * 8,
            expires_at=timezone.now() + dt.timedelta(days=7),
        )  # fmt: skip
        Review.objects.create(request=link, reviewer_name=label, browser_key=browser, overall=4)
    response = alice_client.get(reverse("reflection:story_delete", args=[story.pk]))
    assert response.status_code == 200
    assert "Delete this story?" in response.text
    assert "“The late reports” leaves your story bank" in response.text
    assert "Its 2 feedback links stop working, and the 2 reviews people gave" in response.text
    assert f'href="{reverse("reflection:story", args=[story.pk])}">Keep it</a>' in response.text
    assert Story.objects.filter(pk=story.pk).exists()


def test_sending_the_question_deletes_the_story(alice_client: Client, alice: User) -> None:
    story = alices_story(alice)
    response = alice_client.post(reverse("reflection:story_delete", args=[story.pk]), follow=True)
    assert not Story.objects.filter(pk=story.pk).exists()
    assert "Story “The late reports” deleted." in response.text


def test_bob_can_neither_see_nor_send_the_question(client: Client, alice: User, bob: User) -> None:
    story = alices_story(alice)
    client.force_login(bob)
    url = reverse("reflection:story_delete", args=[story.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Story.objects.filter(pk=story.pk).exists()
