import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, DrillCard, DrillReview, Question


def test_no_drills_yet_says_how_to_start(alice_client: Client) -> None:
    assert "No drills yet" in alice_client.get(reverse("practice:drills")).text


def test_add_a_question_then_grade_it(
    alice_client: Client, alice: User, question: Question
) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    page = alice_client.get(reverse("practice:drills")).text
    assert question.text in page
    assert "in 10 minutes" in page  # what "Good" would do, on its button
    card = DrillCard.objects.get(user=alice)
    response = alice_client.post(
        reverse("practice:drill_grade", args=[card.pk]),
        {"grade": "easy", "text": "I led the team..."},
        follow=True,
    )
    assert "Marked “Easy”: you will see it again in" in response.text
    card.refresh_from_db()
    assert card.reviews == 1
    assert card.due > timezone.now() + dt.timedelta(days=1)
    review = DrillReview.objects.get()
    assert review.attempt == Attempt.objects.get(mode="drill")
    assert "Nothing is due right now" in alice_client.get(reverse("practice:drills")).text


def test_expected_recall_after_again_is_believable(
    alice_client: Client, alice: User, question: Question
) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    card = DrillCard.objects.get(user=alice)
    alice_client.post(reverse("practice:drill_grade", args=[card.pk]), {"grade": "again"})
    page = alice_client.get(reverse("practice:drills")).text
    recall = page[page.index("Expected recall now") :]
    assert '<p class="big">0%</p>' in recall[:200]  # not 100 % a second after "Again"
    assert "one you last graded “Again” counts as forgotten until you pass it" in recall
    assert "the one card you have reviewed" in recall
    assert "FSRS" not in page  # the scheduler's name is not the user's word (issue 12, class 1)


def test_add_ten_prefers_the_target_field(alice_client: Client, alice: User) -> None:
    alice_client.post(reverse("practice:drill_add_some"))
    cards = DrillCard.objects.filter(user=alice)
    assert cards.count() == 10
    fields = list(
        Question.objects.filter(pk__in=cards.values("object_id")).values_list("field", flat=True)
    )
    assert fields.count("data") >= 5  # alice is a data analyst


def test_the_daily_target_caps_new_cards(alice_client: Client, alice: User) -> None:
    alice_client.post(
        reverse("practice:drill_settings"), {"daily_target": "3", "speak_questions": "on"}
    )
    alice_client.post(reverse("practice:drill_add_some"))
    assert "3 due" in alice_client.get(reverse("practice:drills")).text


def test_a_made_up_grade_is_refused(alice_client: Client, alice: User, question: Question) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    card = DrillCard.objects.get()
    response = alice_client.post(
        reverse("practice:drill_grade", args=[card.pk]), {"grade": "perfect"}, follow=True
    )
    assert "Choose Again, Hard, Good or Easy" in response.text
    assert DrillCard.objects.get().reviews == 0


def test_bob_cannot_grade_alices_cards(
    client: Client, alice_client: Client, bob: User, question: Question
) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    client_b = Client()
    client_b.force_login(bob)
    card = DrillCard.objects.get()
    assert (
        client_b.post(
            reverse("practice:drill_grade", args=[card.pk]), {"grade": "good"}
        ).status_code
        == 404
    )


def test_deleting_a_drilled_question_removes_its_card(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    alice_client.post(reverse("practice:drill_add", args=[alices_question.pk]))
    alice_client.post(reverse("practice:question_delete", args=[alices_question.pk]))
    assert not DrillCard.objects.exists()
    assert alice_client.get(reverse("practice:drills")).status_code == 200


def test_grading_twice_from_the_same_page_records_one_review(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A double-click on "Good" for a new card (issue 11, class 7): one review, and the card
    comes back in 10 minutes, not in 2 days."""
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    card = DrillCard.objects.get(user=alice)
    page = alice_client.get(reverse("practice:drills")).text
    assert '<input type="hidden" name="version" value="0">' in page
    url = reverse("practice:drill_grade", args=[card.pk])
    first = alice_client.post(url, {"grade": "good", "version": "0", "text": "I led it."})
    twin = alice_client.post(url, {"grade": "good", "version": "0", "text": "I led it."})
    assert first.status_code == twin.status_code == 302
    card.refresh_from_db()
    assert card.reviews == 1
    assert DrillReview.objects.count() == 1
    assert Attempt.objects.filter(mode="drill").count() == 1
    assert card.due < timezone.now() + dt.timedelta(minutes=11)
    said = alice_client.get(reverse("practice:drills")).text
    assert "That card was already graded; nothing was recorded twice." in said
    # The next look at the card (version 1) is a new review.
    alice_client.post(url, {"grade": "good", "version": "1"})
    card.refresh_from_db()
    assert (card.reviews, DrillReview.objects.count()) == (2, 2)


@pytest.mark.django_db(transaction=True)
def test_concurrent_twins_record_one_review(alice: User, alices_question: Question) -> None:
    """Two requests at once, each on its own connection: the conditional update lets one move
    the card and the other records nothing. (Alice's own question: a transactional test may
    run after another has emptied the starter bank.)"""
    question = alices_question
    import threading

    from django.db import connection

    clients = [Client(), Client()]
    for client in clients:
        client.force_login(alice)
    clients[0].post(reverse("practice:drill_add", args=[question.pk]))
    card = DrillCard.objects.get(user=alice)
    url = reverse("practice:drill_grade", args=[card.pk])
    start = threading.Barrier(2)
    statuses: list[int] = []

    def grade(client: Client) -> None:
        try:
            start.wait()
            statuses.append(client.post(url, {"grade": "good", "version": "0"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=grade, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302, 302]
    card.refresh_from_db()
    assert card.reviews == 1
    assert DrillReview.objects.filter(card=card).count() == 1
