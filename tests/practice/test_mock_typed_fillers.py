"""A typed answer's fillers, said in the mock as its report says them: free practice's report
shows "Fillers 2 in the text" (typed words have fillers to count, and no time to make a rate of
them), where the mock's short report said of the same kind of answer "a typed answer has no pace
or fillers to measure" (`coach.fillers_said`, one set of words).

- alice: types the same answer, with an "um" and a "like", in free practice and in a mock."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.practice.mock_sessions import answered, short_report

STORY = "Tell me about a time you improved a process."
UMS = (
    "Um, so last year our month-end close took ten days. I, like, mapped every step and cut "
    "the ones nobody used. The close now takes six days."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_a_typed_answers_fillers_as_free_practice_does(
    alice_client: Client, alice: User
) -> None:
    session, _, in_mock = answered(alice_client, alice, STORY, UMS)
    alice_client.post(reverse("practice:typed_create", args=[session.question_ids[0]]),
                      {"text": UMS})  # fmt: skip
    practised = Attempt.objects.get(user=alice, session=None)
    in_mock.refresh_from_db()
    assert practised.status == in_mock.status == Attempt.Status.ANALYSED
    count = practised.analysis["fillers"]["count"]
    assert count == in_mock.analysis["fillers"]["count"] >= 2
    report = html.unescape(alice_client.get(reverse("practice:attempt", args=[practised.pk])).text)
    card = re.search(r'<h3 class="h-small">Fillers</h3><p class="big">(\d+)</p>'
                     r'<p class="meta">([^<]+)</p>', report)  # fmt: skip
    assert card is not None
    assert (int(card[1]), card[2]) == (count, "in the text")  # free practice's, unchanged

    shown = short_report(alice_client, in_mock)
    assert f"<li>{count} fillers {card[2]}</li>" in shown  # the mock's, in the same words
    assert "no pace or fillers" not in shown
    assert "a typed answer has no pace to measure, and its fillers are counted in the text" in shown
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    assert f"{count} fillers in the text" in summary
