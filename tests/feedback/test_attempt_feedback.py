"""The owner's feedback page: making a link, withdrawing it, and reading reviews beside the
owner's own rating and prepcoach's measures. Personas: alice (owner), bob (another user)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.access import link_digest
from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt
from tests.feedback.conftest import make_link, review_data

pytestmark = pytest.mark.usefixtures("sentence_model")


def test_a_link_is_shown_once_and_only_its_digest_is_kept(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    assert len(token) >= 32  # 24 random bytes, url-safe: 192 bits
    ask = FeedbackRequest.objects.get()
    assert ask.token_digest == link_digest(token)
    assert token not in ask.token_digest
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert token not in page  # never shown again
    again = alice_client.get(reverse("feedback:created", args=[ask.pk])).text  # a refresh
    assert token not in again
    assert "This link was shown once" in again
    assert FeedbackRequest.objects.count() == 1
    assert "Sam, my mentor" in page
    assert "open" in page


def test_a_bad_request_says_what_to_fix_and_makes_no_link(
    alice_client: Client, recorded: Attempt
) -> None:
    response = alice_client.post(
        reverse("feedback:ask", args=[recorded.pk]), {"reviewer_label": "", "days": 400}
    )
    assert response.status_code == 400
    assert "Say who the link is for" in response.text
    assert "at most 60 days" in response.text
    assert not FeedbackRequest.objects.exists()


def test_reviews_sit_beside_the_owners_rating_and_the_measures(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    reviewer = Client()
    reviewer.post(reverse("feedback:review", args=[token]), review_data())
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    # alice rated it 2, Sam 4: she judges herself more harshly than her reviewer.
    assert "You gave it 2 of 5; your reviewer gave it 4:" in page
    assert "more harshly" in page
    assert "this is where you lost me" in page
    assert 'data-seek="12.0"' in page
    assert "Good structure overall." in page
    assert page.count("prepcoach does not score this") == 2  # clarity, delivery


def test_the_rubric_says_what_its_numbers_are(alice_client: Client, recorded: Attempt) -> None:
    """A reviewers' cell reads as a score out of 2 and how many reviewers gave it, never a bare
    "2 (2)" (a new user's trial: the mean and the one reviewer's score side by side)."""
    token = make_link(alice_client, recorded)
    Client().post(reverse("feedback:review", args=[token]), review_data())
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert "Reviewers' score (0–2)" in page
    assert (
        '<td data-label="Reviewers">2 of 2 <span class="meta">from 1 reviewer</span></td>' in page
    )
    assert "(2)" not in page
    kim = review_data(reviewer_name="Kim", score_situation="1", score_action="1")
    Client().post(reverse("feedback:review", args=[token]), kim)
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert (
        '<td data-label="Reviewers">1.5 of 2 <span class="meta">mean of 2 reviewers: 2, 1</span></td>'
        in page
    )
    assert (
        '<td data-label="Reviewers">1 of 2 <span class="meta">mean of 2 reviewers: 1, 1</span></td>'
        in page
    )


def test_withdrawing_a_link_closes_it_and_keeps_the_feedback(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    Client().post(reverse("feedback:review", args=[token]), review_data())
    ask = FeedbackRequest.objects.get()
    alice_client.post(reverse("feedback:withdraw", args=[ask.pk]))
    ask.refresh_from_db()
    assert ask.revoked_at is not None
    assert Client().get(reverse("feedback:review", args=[token])).status_code == 404
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert "withdrawn" in page
    assert "this is where you lost me" in page


def test_nobody_else_sees_asks_or_withdraws(
    alice_client: Client, recorded: Attempt, bob: User
) -> None:
    make_link(alice_client, recorded)
    ask = FeedbackRequest.objects.get()
    bobs = Client()
    bobs.force_login(bob)
    assert bobs.get(reverse("feedback:attempt", args=[recorded.pk])).status_code == 404
    assert bobs.post(reverse("feedback:ask", args=[recorded.pk]), {"reviewer_label": "x",
                     "relation": "friend", "days": 3}).status_code == 404  # fmt: skip
    assert bobs.post(reverse("feedback:withdraw", args=[ask.pk])).status_code == 404
    ask.refresh_from_db()
    assert ask.revoked_at is None
    assert FeedbackRequest.objects.count() == 1
    anonymous = Client().get(reverse("feedback:attempt", args=[recorded.pk]))
    assert anonymous.status_code == 302  # to the sign-in page


def test_the_answer_page_leads_to_feedback(alice_client: Client, recorded: Attempt) -> None:
    page = alice_client.get(reverse("practice:attempt", args=[recorded.pk])).text
    assert reverse("feedback:attempt", args=[recorded.pk]) in page


def test_an_expired_link_shows_as_expired(alice_client: Client, recorded: Attempt) -> None:
    token = make_link(alice_client, recorded)
    FeedbackRequest.objects.update(expires_at=timezone.now())
    assert Client().get(reverse("feedback:review", args=[token])).status_code == 404
    assert "expired" in alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text


def test_a_typed_answer_is_read_not_heard_and_shown_beside_its_feedback(
    alice_client: Client, alice: User
) -> None:
    """A look at a typed answer's pages found "can listen and score this answer" on it, and its
    feedback page showing a reviewer's comments on it without the answer itself."""
    typed = Attempt.objects.create(
        user=alice, question_text="How would you design an API for a booking system?",
        text="First I would list what a booking must do.\nThen I would design the endpoints.",
        status=Attempt.Status.ANALYSED, analysis={},
    )  # fmt: skip
    answer = alice_client.get(reverse("practice:attempt", args=[typed.pk])).text
    assert "can read this answer and score it on the same rubric" in answer
    assert "listen" not in answer
    feedback = alice_client.get(reverse("feedback:attempt", args=[typed.pk])).text
    assert "<summary>Your answer, as typed</summary>" in feedback
    assert "First I would list what a booking must do.<br>Then I would design" in feedback


def test_a_recorded_answer_is_listened_to(alice_client: Client, recorded: Attempt) -> None:
    page = alice_client.get(reverse("practice:attempt", args=[recorded.pk])).text
    assert "can listen to this answer and score it on the same rubric" in page
    feedback = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert "Your answer, as typed" not in feedback


TYPED_STORY = (
    "Our weekly reports were late. My task was to fix that. I built a checklist and trained "
    "the team. Reports went out two days earlier."
)


def test_a_typed_answer_is_reviewed_for_reading_with_no_delivery(
    alice_client: Client, alice: User
) -> None:
    """A trial: a typed answer's review form asked for "Delivery" and its help said "The button
    under the player adds the current time"; the ask form said "What you would like them to
    listen for"; the owner's table showed a "Delivery … not scored" row. A typed answer is read:
    its rubric has no delivery, shown or saved, and every help speaks of reading it."""
    typed = Attempt.objects.create(
        user=alice, question_text="Tell me about a time you fixed a process.", text=TYPED_STORY,
        status=Attempt.Status.ANALYSED, analysis={"version": 3, "transcript": TYPED_STORY},
    )  # fmt: skip
    owner = alice_client.get(reverse("feedback:attempt", args=[typed.pk])).text
    assert "What you would like them to look at as they read." in owner
    assert "listen for" not in owner
    assert 'name="show_measures"' not in owner  # a typed answer has no pace or fillers to show
    token = make_link(alice_client, typed)
    form = Client().get(reverse("feedback:review", args=[token])).text
    assert 'name="score_delivery"' not in form
    assert "Delivery" not in form
    assert "without losing the reader" in form
    assert "button under the player" not in form
    assert "Quote the words you mean." in form
    assert TYPED_STORY in form  # its words, whatever the link says of a transcript
    Client().post(
        reverse("feedback:review", args=[token]), review_data(score_delivery="2", comments="Clear.")
    )
    review = Review.objects.get()
    assert "delivery" not in review.scores  # posted, never saved: it was not asked
    owner = alice_client.get(reverse("feedback:attempt", args=[typed.pk])).text
    assert "Delivery" not in owner
    assert "not scored" not in owner
