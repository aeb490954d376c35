"""The progress page's STAR line for answers with a part prepcoach can't tell about or a part
not heard: they are left off the line, and the line says how many and why (they were dropped
without a word, while answers to questions asking for neither a story nor a plan were said).

- alice: has typed answers analysed: one whole story, two whose result the reader can't tell
  about, and one whose task was lost with the speech."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_reader_band import QUESTION, VAGUE
from tests.practice.test_progress_and_api import STRONG


def answered(user: User, question: Question, text: str, analysis: dict[str, Any]) -> None:
    Attempt.objects.create(
        user=user, question=question, question_text=question.text, text=text,
        status="analysed", analysis=analysis,
    )  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
def test_the_star_line_says_the_answers_it_left_off_and_why(
    alice_client: Client, alice: User
) -> None:
    asked = Question.objects.create(owner=alice, text=QUESTION)
    answered(alice, asked, STRONG, analyse_answer(text=STRONG, question=QUESTION).as_dict())
    vague = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    assert vague["star"]["result"]["present"] is None  # the premise: can't tell, not not heard
    assert "unsure" in vague["star"]["result"]
    answered(alice, asked, VAGUE, vague)
    answered(alice, asked, VAGUE, vague)
    lost = vague | {"star": vague["star"] | {"task": {"present": None, "evidence": []}}}
    answered(alice, asked, VAGUE, lost)
    page = html.unescape(alice_client.get(reverse("practice:progress")).text)
    assert "4 analysed answers" in page
    star = page[page.index("<strong>STAR parts present (of 4)</strong>") :]
    star = star[: star.index("</figure>")]
    assert "</strong>: 4 in the week of" in star  # the one whole story alone
    assert (
        "Not counted: 2 answers, as prepcoach can't tell whether they have every part; "
        "1 answer, as part of its speech was not heard."
    ) in star


@pytest.mark.usefixtures("sentence_model")
def test_a_line_whose_every_answer_was_left_off_says_so(alice_client: Client, alice: User) -> None:
    # The line used to be left off the page without a word when no answer could be counted.
    asked = Question.objects.create(owner=alice, text=QUESTION)
    vague = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    assert vague["star"]["result"]["present"] is None
    answered(alice, asked, VAGUE, vague)
    page = html.unescape(alice_client.get(reverse("practice:progress")).text)
    star = page[page.index("<strong>STAR parts present (of 4)</strong>") :]
    star = star[: star.index("</figure>")]
    assert "no answer counted yet" in star
    assert "Not counted: 1 answer, as prepcoach can't tell whether it has every part." in star
    assert "<svg" not in star
    assert "No line to draw yet." in star
