"""The transcript's key under the report names only what the transcript can mark.

- alice: types two answers, one with fillers and one without.

A trial's typed answer with no filler, to a question asking for no story, showed a lone
"filler" key above a transcript with nothing marked."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt

pytestmark = pytest.mark.usefixtures("sentence_model")

QUESTION = "Why should we hire you over other candidates?"
PLAIN = (
    "I bring three years of payroll for four hundred staff, accuracy under deadline pressure "
    "and calm with difficult queries. I rebuilt our month-end checklist, and corrections fell "
    "from six a month to one. I would bring the same care to your team."
)
UMS = "Um, I bring, um, three years of payroll, you know, and, uh, accuracy under pressure."


def legend(client: Client, user: User, text: str) -> str:
    analysis = analyse_answer(text=text, question=QUESTION).as_dict()
    attempt = Attempt.objects.create(
        user=user, question_text=QUESTION, status="analysed", analysis=analysis
    )
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(r'<p class="meta legend">(.*?)</p>', page, re.S)
    assert found is not None, "no key above the transcript"
    return found[1]


def test_no_filler_key_without_a_filler(alice_client: Client, alice: User) -> None:
    assert 'class="filler"' not in legend(alice_client, alice, PLAIN)


def test_the_filler_key_where_the_transcript_marks_fillers(
    alice_client: Client, alice: User
) -> None:
    assert '<mark class="filler">filler</mark>' in legend(alice_client, alice, UMS)
