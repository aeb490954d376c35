"""The report's card "Your rating and the measures" when the measures give no figure: it says
why, and never calls a STAR part the reader can't tell about (`answer.unmeasured_for`) "nothing
measured".

- alice: rates her own typed answers."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_reader_band import QUESTION, VAGUE


def _card(client: Client, attempt: Attempt) -> str:
    page = html.unescape(client.get(reverse("practice:attempt", args=[attempt.pk])).text)
    card = page[page.index("Your rating") :]
    return card[: card.index("</div>")]


@pytest.mark.usefixtures("sentence_model")
def test_a_part_it_cannot_tell_about_is_why_the_measures_give_no_figure(
    alice_client: Client, alice: User, question: Question
) -> None:
    """Alice rated an answer whose ending the reader can't tell about: the measures withhold
    their figure (it would be 3 read missing, 4 read found), and the card said "this answer has
    nothing measured to compare"."""
    analysis = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=QUESTION, status="analysed",
        analysis=analysis, rating=4,
    )  # fmt: skip
    card = _card(alice_client, attempt)
    assert "4 of 5" in card
    assert (
        "the measures give no figure, since prepcoach can't tell whether the answer has its "
        "result, and the figure turns on it"
    ) in card
    assert "nothing measured to compare" not in card
    # A part lost with the speech is not "can't tell": the card keeps its plain words.
    star = analysis["star"] | {"result": {"present": None, "evidence": []}}  # type: ignore[operator]
    attempt.analysis = analysis | {"star": star}
    attempt.save()
    card = _card(alice_client, attempt)
    assert "this answer has nothing measured to compare" in card
    assert "can't tell" not in card
