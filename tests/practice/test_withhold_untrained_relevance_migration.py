"""practice 0025 says a "does not address" stored for a question asking for a success (read as a
failure question before `relevance_model.UNTRAINED_TYPES`) as prepcoach says it now: withheld,
"prepcoach can't tell: it does not yet judge answers to questions asking for …"; no other
answer changes, the sentence model is loaded only when some answer stores such a verdict, and
without it nothing changes."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.coach import reader, relevance_model
from prepcoach.coach.answer import analyse_answer, measured_rating, misses_its_question
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_readings import talks_past
from prepcoach.coach.stored_relevance import withheld_in_analysis
from tests.coach.test_relevance_success import MISTAKE, PROUDEST
from tests.support import migrate, migrate_to_latest

BEFORE = [("practice", "0024_attempt_is_follow_up")]
AFTER = [("practice", "0025_withhold_untrained_relevance")]
FAILURE = "Tell me about a time you failed."
WITHHELD = (
    "prepcoach can't tell: it does not yet judge answers to questions asking for a success or "
    "an achievement you are proud of"
)


def stored_before(question: str, answer: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What prepcoach stored before it read a success question as one: a failure question."""
    with monkeypatch.context() as patch:
        patch.setattr(relevance_model, "untrained_kind", lambda *_a, **_k: None)
        return analyse_answer(text=answer, question=question).as_dict()


def answer(apps: Any, user: Any, question: str, analysis: dict[str, Any], **more: Any) -> Any:
    return apps.get_model("practice", "Attempt").objects.create(
        user_id=user.pk,
        question_text=question,
        text=analysis["transcript"],
        status="analysed",
        analysis=analysis,
        evidence=answer_evidence(analysis),
        **more,
    )


def stored(apps: Any, pk: int) -> tuple[dict[str, Any], dict[str, Any]]:
    row = apps.get_model("practice", "Attempt").objects.get(pk=pk)
    return row.analysis, row.evidence


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_a_stored_miss_on_a_success_question_is_withheld(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    missed = stored_before(PROUDEST, MISTAKE, monkeypatch)
    assert misses_its_question(missed)  # the fault
    assert talks_past(missed) is not None
    success = answer(old, user, PROUDEST, missed)
    follow_up = answer(old, user, PROUDEST, missed, is_follow_up=True)
    failure_analysis = stored_before(FAILURE, MISTAKE, monkeypatch)
    failure_analysis["relevance"] |= {"addresses": False, "probability": 0.04}
    failure = answer(old, user, FAILURE, failure_analysis)
    addresses = missed | {"relevance": missed["relevance"] | {"addresses": True}}
    answered = answer(old, user, PROUDEST, addresses)
    untouched = {pk: stored(old, pk) for pk in (follow_up.pk, failure.pk, answered.pk)}

    new = migrate(AFTER)
    analysis, evidence = stored(new, success.pk)
    assert analysis == withheld_in_analysis(missed, PROUDEST)
    assert (
        analysis["relevance"]
        == analyse_answer(text=MISTAKE, question=PROUDEST).as_dict()["relevance"]
    )  # as a fresh analysis stores it
    assert analysis["relevance"]["reason"] == WITHHELD
    assert evidence == answer_evidence(analysis)
    for pk, before in untouched.items():
        assert stored(new, pk) == before
    # The report, the 1–5 figure and the improvement areas read it as withheld.
    for read in (analysis, evidence):
        assert not misses_its_question(read)
        assert talks_past(read) is None  # not counted under "Answer the question that was asked"
    assert measured_rating(evidence) == measured_rating(analysis) == 4  # was capped at 2

    migrate_to_latest()
    from prepcoach.accounts.models import Profile, User

    client = Client()
    client.force_login(User.objects.get(pk=user.pk))
    Profile.objects.get_or_create(user_id=user.pk)
    page = client.get(reverse("practice:attempt", args=[success.pk])).text
    assert "does not yet judge answers to questions asking for a success" in page
    assert "does not address" not in page


@pytest.mark.django_db(transaction=True)
def test_an_empty_database_never_loads_the_sentence_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    migrate(BEFORE)

    def loaded() -> None:
        raise AssertionError("the sentence model was loaded")

    monkeypatch.setattr(reader, "embedder", loaded)
    migrate(AFTER)
    migrate_to_latest()


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_without_the_sentence_model_nothing_changes_and_it_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    missed = stored_before(PROUDEST, MISTAKE, monkeypatch)
    success = answer(old, user, PROUDEST, missed)
    before = stored(old, success.pk)
    monkeypatch.setattr(reader, "embedder", lambda: None)
    with caplog.at_level(logging.WARNING):
        new = migrate(AFTER)
    assert stored(new, success.pk) == before
    assert "no sentence model installed" in caplog.text
    migrate_to_latest()
