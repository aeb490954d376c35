"""What counts a sentence towards a story told to a question that asks for none: a verb in the
past, not a past form used as an adjective or in a present passive (`past_tense.in_the_past`)."""

import pytest

from prepcoach.coach.past_tense import in_the_past
from prepcoach.coach.relevance import question_relevance

PAST = (
    "I rebuilt the rota.",
    "The team that built it left.",
    "We were behind.",
    "I had to fix it.",
    "It fell to me.",
    "I was so tired.",
    "I got lost on the way.",
    "Our supplier delayed the delivery by a week.",
    "This reduced errors by 30 percent.",
    "Some left early.",
    "Each answered in a day.",
)
NOT_PAST = (
    "Then I walk the day shift manager round the floor and point out anything unsafe, like a "
    "damaged racking bay.",
    "We both sign the handover sheet so nothing gets lost.",
    "I am very experienced in SQL.",
    "My job is to keep the finished reports tidy.",
    "Every shared document is checked twice.",
    "I'm organised and I plan my week on Mondays.",
)


@pytest.mark.parametrize("sentence", PAST)
def test_a_verb_in_the_past_tells_of_the_past(sentence: str) -> None:
    assert in_the_past(sentence)


@pytest.mark.parametrize("sentence", NOT_PAST)
def test_a_past_form_as_an_adjective_or_a_present_passive_does_not(sentence: str) -> None:
    assert not in_the_past(sentence)


@pytest.mark.usefixtures("sentence_model")
def test_a_routine_told_in_the_present_is_not_said_to_tell_a_story() -> None:
    """A trial's handover routine, to a question asking how they go about it, was said to tell
    a story ("2 of 3 sentences in the past"), quoting a sentence in the present."""
    found = question_relevance(
        "How do you give a clear and safe handover to the next shift?",
        "Twenty minutes before the end of my shift I write up where every trailer is, which "
        "orders are still open, any stock discrepancies in the WMS and who is off sick. Then I "
        "walk the day shift manager round the floor and point out anything unsafe, like a "
        "damaged racking bay. We both sign the handover sheet so nothing gets lost.",
    )
    assert found.question_asks == "neither"
    assert found.check is not True
    assert "tells one" not in found.reason
