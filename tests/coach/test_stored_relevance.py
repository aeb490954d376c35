"""A "does not address" stored before the verdict was withheld on questions asking for a success
(`relevance_model.UNTRAINED_TYPES`) is said as a fresh analysis says it now
(`coach.stored_relevance`): the verdict withheld, the same reason, the kind named. Any other
stored verdict, and any other question, is left as it is."""

from __future__ import annotations

from typing import Any

import pytest

from prepcoach.coach import reader
from prepcoach.coach.answer import (
    OFF_QUESTION_MOST,
    analyse_answer,
    measured_rating,
    misses_its_question,
)
from prepcoach.coach.area_readings import talks_past
from prepcoach.coach.stored_relevance import (
    REWRITTEN,
    tips_unread,
    withheld_in_analysis,
    withheld_untrained,
)
from tests.coach.test_relevance_success import ACHIEVEMENT, MISTAKE, PROUDEST
from tests.relevance_samples import name_kinds_as_before_successes

pytestmark = pytest.mark.usefixtures("sentence_model")

FAILURE = "Tell me about a time you failed."
# Read as asking for no story (`asks_for_neither`): a story told to it raises the story check.
SUCCESS_NO_STORY = "What is your biggest success?"
# The kinds practice 0025 pins, and what it names itself in the analyses it rewrites.
KINDS = ("success",)
BY = "practice.0025_withhold_untrained_relevance"


def stored_before(question: str, answer: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The analysis prepcoach stored before it read a kind it was not trained on: no question
    read as one (`name_kinds_as_before_successes`), so a success question was read as a failure one."""
    with monkeypatch.context() as patch:
        name_kinds_as_before_successes(patch)
        return analyse_answer(text=answer, question=question).as_dict()


def fresh(question: str, answer: str) -> dict[str, Any]:
    return analyse_answer(text=answer, question=question).as_dict()


def test_a_stored_miss_on_a_success_question_is_withheld_as_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = stored_before(PROUDEST, ACHIEVEMENT, monkeypatch)
    assert misses_its_question(old)  # the fault: "does not address", as a failure question
    assert old["relevance"]["kind"] == "failure"
    now = withheld_untrained(old["relevance"], PROUDEST, kinds=KINDS)
    assert now == fresh(PROUDEST, ACHIEVEMENT)["relevance"]
    assert now is not None
    assert now["addresses"] is None
    assert now["kind"] == "success"
    assert now["reason"] == (
        "prepcoach can't tell: it does not yet judge answers to questions asking for a success "
        "or an achievement you are proud of"
    )


def test_the_story_checks_prompt_is_read_from_the_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh reading ends the reason with the story check's prompt, naming the story's
    # sentences: the stored verdict's reason had none.
    expected = fresh(SUCCESS_NO_STORY, ACHIEVEMENT)["relevance"]
    assert expected["check"] is True
    stored = expected | {
        "addresses": False,
        "probability": 0.04,
        "reason": "it does not address the question: the question asks for something that "
        "went wrong and involved you, and the answer talks about this",
        "gist": ACHIEVEMENT.split(". ")[0] + ".",
        "asks": "something that went wrong and involved you",
        "kind": "failure",
    }
    assert withheld_untrained(stored, SUCCESS_NO_STORY, answer=ACHIEVEMENT, kinds=KINDS) == expected
    # Without the answer the prompt cannot be said: left as it was, never said wrongly.
    assert withheld_untrained(stored, SUCCESS_NO_STORY, kinds=KINDS) is None


def test_a_miss_on_a_failure_question_is_unchanged() -> None:
    stored = fresh(FAILURE, ACHIEVEMENT)["relevance"] | {"addresses": False, "probability": 0.04}
    assert withheld_untrained(stored, FAILURE, kinds=KINDS) is None


def test_a_stored_addresses_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    old = stored_before(PROUDEST, ACHIEVEMENT, monkeypatch)["relevance"]
    assert (
        withheld_untrained(old | {"addresses": True, "probability": 0.97}, PROUDEST, kinds=KINDS)
        is None
    )
    # and a "can't tell" already, or a verdict from before the trained one
    assert (
        withheld_untrained(old | {"addresses": None, "probability": 0.5}, PROUDEST, kinds=KINDS)
        is None
    )
    assert withheld_untrained(old | {"probability": None}, PROUDEST, kinds=KINDS) is None


def test_without_the_sentence_model_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    old = stored_before(PROUDEST, ACHIEVEMENT, monkeypatch)["relevance"]
    monkeypatch.setattr(reader, "embedder", lambda: None)
    assert withheld_untrained(old, PROUDEST, kinds=KINDS) is None


def test_the_analysis_loses_the_verdicts_tip_cap_and_area(monkeypatch: pytest.MonkeyPatch) -> None:
    old = stored_before(PROUDEST, MISTAKE, monkeypatch)
    assert [tip["rule"] for tip in old["tips"]] == [
        "Relevance: prepcoach's check finds the answer does not address the question"
    ]
    assert talks_past(old) is not None
    now = withheld_in_analysis(old, PROUDEST, kinds=KINDS, by=BY)
    assert now is not None
    assert now["relevance"] == fresh(PROUDEST, MISTAKE)["relevance"]
    # The off-topic tip is dropped; the tips the old verdict held back, which a fresh analysis
    # gives, are not made again: the analysis says so, for the pages' "Analyse again".
    assert not [tip for tip in now["tips"] if tip["rule"].startswith("Relevance:")]
    assert fresh(PROUDEST, MISTAKE)["tips"]
    assert now[REWRITTEN] == BY
    assert tips_unread(now) == (
        "prepcoach reads questions asking for a success or an achievement you are proud of "
        "differently since this answer was analysed"
    )
    assert tips_unread(old) == tips_unread(fresh(PROUDEST, MISTAKE)) == ""
    assert {k: v for k, v in now.items() if k not in ("relevance", "tips", REWRITTEN)} == {
        k: v for k, v in old.items() if k not in ("relevance", "tips")
    }
    assert not misses_its_question(now)
    assert talks_past(now) is None  # no longer counted under "Answer the question that was asked"
    assert withheld_in_analysis(now, PROUDEST, kinds=KINDS, by=BY) is None  # said once
    assert withheld_in_analysis(fresh(FAILURE, MISTAKE), FAILURE, kinds=KINDS, by=BY) is None
    # the figure is no longer capped for missing the question: as a fresh analysis measures it
    assert measured_rating(old) == OFF_QUESTION_MOST
    assert measured_rating(now) == measured_rating(fresh(PROUDEST, MISTAKE)) == 4


def test_only_the_kinds_pinned_are_rewritten(monkeypatch: pytest.MonkeyPatch) -> None:
    # Practice 0025 pins what it rewrites (`KINDS`): a kind withheld on later is not its business.
    old = stored_before(PROUDEST, MISTAKE, monkeypatch)
    for kinds in ((), ("failure",)):
        assert withheld_untrained(old["relevance"], PROUDEST, kinds=kinds) is None
        assert withheld_in_analysis(old, PROUDEST, kinds=kinds, by=BY) is None
    assert withheld_untrained(old["relevance"], PROUDEST, kinds=KINDS) is not None
