"""practice 0025 says a "does not address" stored for a question asking for a success (read as a
failure question before `relevance_model.UNTRAINED_TYPES`) as prepcoach says it now: withheld,
"prepcoach can't tell: it does not yet judge answers to questions asking for …"; no other
answer changes, the sentence model is loaded only when some answer stores such a verdict, and
without it nothing changes."""

from __future__ import annotations

import html
import importlib
import logging
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.coach import reader
from prepcoach.coach.answer import analyse_answer, measured_rating, misses_its_question
from prepcoach.coach.answer_evidence import answer_evidence
from prepcoach.coach.area_readings import talks_past
from prepcoach.coach.stored_relevance import REWRITTEN, withheld_in_analysis
from tests.coach.test_relevance_success import MISTAKE, PROUDEST
from tests.relevance_samples import name_kinds_as_before_successes
from tests.support import migrate, migrate_to_latest

BEFORE = [("practice", "0024_attempt_is_follow_up")]
AFTER = [("practice", "0025_withhold_untrained_relevance")]
FAILURE = "Tell me about a time you failed."
NAME = "practice.0025_withhold_untrained_relevance"
MIGRATION = importlib.import_module(
    "prepcoach.practice.migrations.0025_withhold_untrained_relevance"
)
WITHHELD = (
    "prepcoach can't tell: it does not yet judge answers to questions asking for a success or "
    "an achievement you are proud of"
)


def stored_before(question: str, answer: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What prepcoach stored before it read a success question as one: a failure question."""
    with monkeypatch.context() as patch:
        name_kinds_as_before_successes(patch)
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
    # A follow-up's answer whose flag was not set (`follow_up_to` alone says it is one).
    linked = answer(old, user, PROUDEST, missed, follow_up_to_id=failure.pk)
    untouched = {pk: stored(old, pk) for pk in (follow_up.pk, failure.pk, answered.pk, linked.pk)}

    new = migrate(AFTER)
    analysis, evidence = stored(new, success.pk)
    assert analysis == withheld_in_analysis(missed, PROUDEST, kinds=("success",), by=NAME)
    assert analysis[REWRITTEN] == NAME
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
    page = html.unescape(client.get(reverse("practice:attempt", args=[success.pk])).text)
    assert "does not yet judge answers to questions asking for a success" in page
    assert "does not address" not in page
    # The tips the old verdict held back are not made again: "Analyse again" for them, never
    # "Nothing stands out", on the report and on the mock's short report.
    unread = (
        "prepcoach reads questions asking for a success or an achievement you are proud of "
        "differently since this answer was analysed:"
    )
    reanalyse = reverse("practice:attempt_reanalyse", args=[success.pk])
    assert unread in page
    assert f'action="{reanalyse}"' in page.split(unread, 1)[1].split("</div>", 1)[0]
    assert "Nothing stands out" not in page
    from prepcoach.practice.models import Attempt, MockSession

    mock = MockSession.objects.create(user_id=user.pk, question_ids=[], question_texts=[PROUDEST])
    Attempt.objects.filter(pk=success.pk).update(session=mock)
    short = html.unescape(client.get(reverse("practice:mock_answer", args=[success.pk])).text)
    assert unread in short
    assert f'action="{reanalyse}"' in short
    assert "Nothing stands out" not in short


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


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_only_the_kinds_it_pins_are_rewritten(monkeypatch: pytest.MonkeyPatch) -> None:
    # What 0025 rewrites is pinned in it (`KINDS`), never read from the live
    # `relevance_model.UNTRAINED_TYPES`: pinned to none, nothing changes.
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    success = answer(old, user, PROUDEST, stored_before(PROUDEST, MISTAKE, monkeypatch))
    before = stored(old, success.pk)
    assert MIGRATION.KINDS == ("success",)
    monkeypatch.setattr(MIGRATION, "KINDS", (), raising=False)
    new = migrate(AFTER)
    assert stored(new, success.pk) == before
    migrate_to_latest()


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_each_batch_is_its_own_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not atomic: a batch done stays done when a later one fails, and the run, made again,
    # finishes the rest (a rewritten verdict is no longer a miss).
    assert MIGRATION.Migration.atomic is False
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    missed = stored_before(PROUDEST, MISTAKE, monkeypatch)
    first, second = (answer(old, user, PROUDEST, missed) for _ in range(2))
    monkeypatch.setattr(MIGRATION, "BATCH", 1)
    from prepcoach.coach import stored_relevance

    real = stored_relevance.withheld_in_analysis
    calls: list[int] = []

    def fails_second(*args: Any, **kwargs: Any) -> dict[str, Any] | None:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("stopped halfway")
        return real(*args, **kwargs)

    monkeypatch.setattr(stored_relevance, "withheld_in_analysis", fails_second)
    with pytest.raises(RuntimeError, match="stopped halfway"):
        migrate(AFTER)
    done = old.get_model("practice", "Attempt").objects.get(pk=first.pk).analysis
    assert done[REWRITTEN] == NAME
    assert stored(old, second.pk)[0] == missed
    monkeypatch.setattr(stored_relevance, "withheld_in_analysis", real)
    new = migrate(AFTER)
    assert stored(new, first.pk)[0] == done
    assert stored(new, second.pk)[0][REWRITTEN] == NAME
    migrate_to_latest()
