"""The drill page says its counts right for none, one and many, and a grade in plain words
("Marked “Again”: you will see it again in ..."), never "Graded again" (read as "graded a
second time"). Alice drills the starter bank's questions."""

import html

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import DrillCard, Question


def stats_of(client: Client) -> str:
    page = html.unescape(client.get(reverse("practice:drills")).text)
    return page[page.index('aria-label="Retention"') :]


def test_with_nothing_reviewed_it_says_so_plainly(alice_client: Client, question: Question) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    stats = stats_of(alice_client)
    assert "No cards reviewed yet" in stats
    assert "No reviews yet" in stats
    assert "0 cards" not in stats
    assert "of 0 reviews" not in stats


def test_again_says_when_the_card_comes_back(
    alice_client: Client, alice: User, question: Question
) -> None:
    alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    card = DrillCard.objects.get(user=alice)
    response = alice_client.post(
        reverse("practice:drill_grade", args=[card.pk]), {"grade": "again"}, follow=True
    )
    page = html.unescape(response.text)
    assert "Marked “Again”: you will see it again in 1 minute." in page
    assert "Graded again" not in page
    stats = stats_of(alice_client)
    assert "the one card you have reviewed" in stats
    assert "of 1 review:" in stats
    assert "each of the 1 card" not in stats


def test_many_cards_are_counted_in_the_plural(alice_client: Client, alice: User) -> None:
    for question in Question.objects.filter(owner__isnull=True).order_by("pk")[:2]:
        alice_client.post(reverse("practice:drill_add", args=[question.pk]))
    for card in DrillCard.objects.filter(user=alice):
        alice_client.post(reverse("practice:drill_grade", args=[card.pk]), {"grade": "good"})
    stats = stats_of(alice_client)
    assert "each of the 2 cards you have reviewed" in stats
    assert "of 2 reviews:" in stats


def test_the_drills_a_day_card_is_set_apart_from_the_stats_above() -> None:
    # The settings card is a <form class="card"> after the stats grid: like every section card
    # it gets the usual 1rem gap instead of touching the cards above.
    import re
    from pathlib import Path

    import prepcoach

    css = (Path(prepcoach.__file__).parent / "static/prepcoach/css/app.css").read_text()
    rule = re.search(r"(?m)^([^{}]*\bform\.card\b[^{}]*)\{([^}]*)\}", css)
    assert rule is not None
    assert "margin: 1rem 0" in rule.group(2)
