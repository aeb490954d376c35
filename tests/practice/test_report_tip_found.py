"""A tip's quotes sit inside its closed "What prepcoach found", with the measure they back.

A new user's trial (trial 307) saw the disclosure's arrow closed and three quotes under it
anyway, while the closed part held "Hedges: 7": what was hidden and what was shown disagreed.

- alice: a typed answer with seven hedges, three of them quoted."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt

pytestmark = pytest.mark.usefixtures("sentence_model")

QUESTION = "Describe a situation where a misunderstanding caused a problem."
ANSWER = (
    "Basically a patient thought her prescription was ready, I think because the surgery told "
    "her so. I checked the system and rang the other branch, and she got it that afternoon."
)
HEDGES = {
    "rule": "Hedges: 7 (“basically”…)",
    "text": "Say it plainly: drop “basically” and “I think”.",
    "evidence": [
        {"text": quote, "start": None, "said": True} for quote in ("basically", "I think", "maybe")
    ],
}


def tips_of(client: Client, user: User) -> str:
    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    analysis["tips"] = [HEDGES]
    attempt = Attempt.objects.create(
        user=user, question_text=QUESTION, status="analysed", analysis=analysis
    )
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(r'<section class="card tips"[^>]*>(.*?)</section>', page, re.S)
    assert found is not None, "no tips"
    return found[1]


def test_the_quotes_are_inside_the_closed_part_with_the_measure(
    alice_client: Client, alice: User
) -> None:
    tips = tips_of(alice_client, alice)
    tip = tips[tips.index("<li><strong>") : tips.rindex("</ol>")]
    details = re.search(r"<details[^>]*>(.*?)</details>", tip, re.S)
    assert details is not None
    assert "open" not in tip[: tip.index(">", tip.index("<details"))]  # closed by default
    inside = details[1]
    assert "<summary>What prepcoach found</summary>" in inside
    assert "Hedges: 7 (“basically”…)" in inside
    # Every quote is in the closed part: none stands outside it under the closed arrow.
    for quote in ("“basically”", "“I think”", "“maybe”"):
        assert quote in inside
    outside = tip.replace(details[0], "")
    assert "“maybe”" not in outside
    assert '<ul class="evidence">' not in outside
