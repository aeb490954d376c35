"""A question asking for a success is read as one (thirtieth session): a trial's "Tell me about
your proudest achievement" was read as a failure question (kind "failure" at .69), and a story
of the achievement was told it "does not address" the question. A kind for successes is read
beside the verdict's (`relevance_model.UNTRAINED_TYPES`): the question's kind is named, and the
verdict, trained on kinds that hold none for a success, is withheld (tests/data/README.md, "a
kind for successes": a verdict retrained with it was not shipped)."""

from __future__ import annotations

import pytest

from prepcoach.coach.relevance import question_kind, question_relevance

pytestmark = pytest.mark.usefixtures("sentence_model")

PROUDEST = "Tell me about your proudest achievement."
# Written here, in the shape of the trial's answer: an achievement with its setback on the way.
ACHIEVEMENT = (
    "Last spring our warehouse was missing almost one order in ten because the picking lists "
    "were printed once a day and went stale by lunchtime. I asked my manager to let me trial a "
    "handheld scanner on one aisle, wrote the short guide for the pickers myself and ran the "
    "first week's shifts beside them. The first two days were rough, the scanners kept losing "
    "the signal, so I moved the router and re-did the aisle labels at night. By the end of the "
    "month mis-picks on that aisle fell to under one in a hundred, and the site rolled it out "
    "to every aisle. I'm proudest of that because I started it with nothing but a hunch."
)
MISTAKE = (
    "Early in my first job I sent a supplier the wrong delivery date for a whole week's stock. "
    "I had copied it from an old email without checking the new schedule, so three lorries "
    "arrived on a bank holiday when nobody was there to unload them. It was my fault and I "
    "told my manager straight away. We paid for a second delivery slot and lost a day of sales "
    "on two lines. Since then I check every date against the live schedule before I send it."
)


def test_an_achievement_question_is_read_as_one() -> None:
    assert question_kind(PROUDEST) == "success"
    assert question_kind("What achievement are you most proud of in your career?") == "success"
    # and a failure question is still a failure question
    assert question_kind("Tell me about a time you failed.") == "failure"


def test_a_story_of_the_achievement_is_never_told_it_misses_the_question() -> None:
    found = question_relevance(PROUDEST, ACHIEVEMENT)
    assert found.addresses is None  # was False: "does not address"
    assert found.kind == "success"
    assert found.reason == (
        "prepcoach can't tell: it does not yet judge answers to questions asking for a success "
        "or an achievement you are proud of"
    )


def test_a_mistake_told_for_an_achievement_is_never_called_an_answer() -> None:
    # Withheld too: the verdict read the question as a failure one and could call it an answer.
    assert question_relevance(PROUDEST, MISTAKE).addresses is None


def test_a_question_the_verdict_reads_keeps_its_verdict() -> None:
    # The strength given for a weakness is still said not to address it.
    from tests.relevance_samples import STRENGTHS, WEAKNESS

    found = question_relevance(WEAKNESS, STRENGTHS)
    assert found.kind == "weakness"
    assert found.addresses is False
