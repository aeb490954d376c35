"""Deleting an answer asks first: the answer's page links to a page that says what goes with it
(its recording, report, feedback links and their reviews) and deletes only when that page's
form is sent (a new user's trial: one click deleted an answer). The recorder's retake, which
asks in the page, still deletes with one POST. Personas: alice (the answer's owner), bob."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, Question


def typed(alice: User, question: Question) -> Attempt:
    return Attempt.objects.create(
        user=alice, question=question, question_text=question.text,
        text="I built a checklist and the reports went out two days earlier.", status="saved",
    )  # fmt: skip


def test_the_answer_page_links_to_a_question_not_a_one_click_delete(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = typed(alice, question)
    url = reverse("practice:attempt_delete", args=[attempt.pk])
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert f'href="{url}"' in page
    assert f'action="{url}"' not in page


def test_the_question_says_what_goes_and_deletes_nothing(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = typed(alice, question)
    link = FeedbackRequest.objects.create(
        owner=alice, attempt=attempt, reviewer_label="Sam", token_digest="s" * 64,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    Review.objects.create(request=link, reviewer_name="Sam", browser_key="a", overall=3)
    response = alice_client.get(reverse("practice:attempt_delete", args=[attempt.pk]))
    assert response.status_code == 200
    assert "Delete this answer?" in response.text
    assert "Its 1 feedback link stops working, and the 1 review people gave" in response.text
    assert f'href="{attempt.get_absolute_url()}">Keep it</a>' in response.text
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_links_and_reviews_are_counted_once_each(
    alice_client: Client, alice: User, question: Question
) -> None:
    # Two links, one with three reviews: a count over the joined reviews said "4 links" (the
    # review of this change).
    attempt = typed(alice, question)
    for n, label in enumerate(("Sam", "Priya")):
        link = FeedbackRequest.objects.create(
            owner=alice, attempt=attempt, reviewer_label=label, token_digest=f"{n}" * 64,
            expires_at=timezone.now() + dt.timedelta(days=7),
        )  # fmt: skip
    for key in "abc":
        Review.objects.create(request=link, reviewer_name="Priya", browser_key=key, overall=3)
    page = alice_client.get(reverse("practice:attempt_delete", args=[attempt.pk])).text
    assert "Its 2 feedback links stop working, and the 3 reviews people gave" in page


def test_sending_the_question_deletes_the_answer(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = typed(alice, question)
    response = alice_client.post(reverse("practice:attempt_delete", args=[attempt.pk]))
    assert response.url == reverse("practice:question", args=[question.pk])  # type: ignore[attr-defined]
    assert not Attempt.objects.filter(pk=attempt.pk).exists()


def test_the_recorders_retake_still_deletes_with_one_post(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = typed(alice, question)
    url = reverse("practice:attempt_delete", args=[attempt.pk])
    response = alice_client.post(url, headers={"Accept": "application/json"})
    assert response.json() == {"deleted": attempt.pk}
    assert not Attempt.objects.exists()


def test_bob_can_neither_see_nor_send_the_question(
    client: Client, alice: User, bob: User, question: Question
) -> None:
    attempt = typed(alice, question)
    client.force_login(bob)
    url = reverse("practice:attempt_delete", args=[attempt.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_the_question_quoted_before_a_comma_loses_its_full_stop(
    alice_client: Client, alice: User
) -> None:
    """ "Your typed answer to “Tell me about a time you led a team.”, 3 December…": a full stop
    before the comma, as the mock's "Went best" quote had."""
    asked = Question.objects.create(owner=alice, text="Tell me about a time you led a team.")
    attempt = typed(alice, asked)
    page = alice_client.get(reverse("practice:attempt_delete", args=[attempt.pk])).text
    assert "answer to “Tell me about a time you led a team”, " in page
    assert ".”," not in page
