"""The report's STAR card and the reverse page say "can't tell" for a part the reader can't
tell about (`reader.UNSURE_FROM`), quoting the sentence nearest to it, never "✗"."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_reader_band import QUESTION, VAGUE, VAGUE_END


@pytest.mark.usefixtures("sentence_model")
def test_the_star_card_says_it_cannot_tell_and_quotes_the_nearest_sentence(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=QUESTION, status="analysed",
        analysis=analyse_answer(text=VAGUE, question=QUESTION).as_dict(),
    )  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    card = page[page.index('<ul class="star-mini">') :]
    card = card[: card.index("</ul>")]
    result = card[card.index("result") - 80 : card.index("result with a number")]
    assert 'class="verdict-unknown">? result' in result
    assert (
        "(can't tell: nearest “Looking back it was the right call, and I would do it again.”)"
        in result
    )
    assert "✗ result" not in card
    assert "can't tell whether the answer says how it ended" in page.replace("&#x27;", "'")
    assert VAGUE_END.replace("'", "&#x27;") in page
