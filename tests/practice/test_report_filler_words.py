"""The Fillers card names the fillers it counts, each once with how often (a browser check: the
card said "2 in the text" and the user could not tell which words were counted)."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.report import filler_words

TYPED = (
    "Um, so in my last job I ran the payroll in Sage, like, every month. I handled starters, "
    "like new contracts, um, and leavers. It was, you know, busy."
)


def test_the_card_names_each_filler_counted(
    alice_client: Client, alice: User, question: Question
) -> None:
    analysis: dict[str, Any] = analyse_answer(text=TYPED, settings=DeliverySettings()).as_dict()
    assert filler_words(analysis) == [("um", 2), ("like", 1), ("you know", 1)]
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    card = re.search(r'<p class="meta filler-words">(.*?)</p>', page, re.S)
    assert card is not None
    assert html.unescape(card.group(1)) == "“um” ×2, “like”, “you know”"


def test_no_filler_and_odd_stored_items_name_none(
    alice_client: Client, alice: User, question: Question
) -> None:
    analysis: dict[str, Any] = analyse_answer(
        text="I ran the payroll for 400 staff.", settings=DeliverySettings()
    ).as_dict()
    assert filler_words(analysis) == []
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text,
                                     status="analysed", analysis=analysis)  # fmt: skip
    assert (
        "filler-words" not in alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    )
    assert filler_words({"fillers": {"items": [5, {"text": None}, {"text": "um"}]}}) == [("um", 1)]
    assert filler_words({"fillers": 3}) == []
