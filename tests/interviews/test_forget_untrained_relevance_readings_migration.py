"""interviews 0004 forgets a transcript's kept reading of an answer that holds the off-topic tip
("Answer the question that was asked.") where its question asks for a success (read as a
failure question before `relevance_model.UNTRAINED_TYPES`), so the page reads that answer again
as it reads one now; every other reading is kept, the sentence model is loaded only when some
reading holds the tip, and without it nothing changes."""

from __future__ import annotations

import html
import importlib
import logging
from typing import Any

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.coach import reader
from prepcoach.interviews.models import Transcript
from prepcoach.interviews.transcripts import key_of, read_answer, reading_of
from tests.coach.test_relevance_success import MISTAKE, PROUDEST
from tests.interviews.conftest import add_interview, add_job, add_transcript
from tests.relevance_samples import name_kinds_as_before_successes
from tests.support import migrate, migrate_to_latest

BEFORE = [("interviews", "0003_interview_moved_to_jobs")]
AFTER = [("interviews", "0004_forget_untrained_relevance_readings")]
MIGRATION = importlib.import_module(
    "prepcoach.interviews.migrations.0004_forget_untrained_relevance_readings"
)
FAILURE = "Tell me about a time you failed."
OFF_TOPIC = "Answer the question that was asked."
TEXT = (
    f"Priya Shah: {PROUDEST}\nAlice Doe: {MISTAKE}\n"
    f"Priya Shah: {FAILURE}\nAlice Doe: {MISTAKE}\n"
    "Priya Shah: Why do you want to work with us?\n"
    "Alice Doe: Your work on patient outcomes is what I want to do next.\n"
)


def read_before(transcript: Transcript, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The readings the page kept before it read a success question as one: a failure
    question, its answer (a failure) told to "Answer the question that was asked"; the failure
    question's answer given the same tip, as a stored reading may hold it."""
    found = reading_of(transcript)
    with monkeypatch.context() as patch:
        name_kinds_as_before_successes(patch)
        readings = {key_of(p): read_answer(transcript.interview, p) for p in found.pairs}
    success, failure, _ = (key_of(p) for p in found.pairs)
    assert [tip for tip in readings[success]["tips"] if tip.startswith(OFF_TOPIC)]  # the fault
    off_topic = f"{OFF_TOPIC} The question asks for something that went wrong and involved you"
    readings[failure] = readings[failure] | {"tips": [off_topic, *readings[failure]["tips"]]}
    return readings


def keys(transcript: Transcript) -> tuple[str, ...]:
    return tuple(key_of(p) for p in reading_of(transcript).pairs)


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_a_success_questions_off_topic_reading_is_read_again(
    monkeypatch: pytest.MonkeyPatch, alice: User
) -> None:
    transcript = add_transcript(add_interview(alice, add_job(alice, "Acme"), hours=-3), TEXT)
    success, failure, other = keys(transcript)
    migrate(BEFORE)
    old = read_before(transcript, monkeypatch)
    Transcript.objects.filter(pk=transcript.pk).update(readings=old)
    untouched = add_transcript(transcript.interview, "", readings=old)  # no longer reads

    migrate(AFTER)
    kept = Transcript.objects.get(pk=transcript.pk).readings
    assert success not in kept
    assert kept == {failure: old[failure], other: old[other]}
    assert Transcript.objects.get(pk=untouched.pk).readings == old

    migrate_to_latest()
    client = Client()
    client.force_login(alice)
    page = html.unescape(client.get(transcript.get_absolute_url()).text)
    first = page[page.index('id="pair-0"') : page.index('id="pair-1"')]
    second = page[page.index('id="pair-1"') : page.index('id="pair-2"')]
    assert OFF_TOPIC not in first  # read again, as now
    assert OFF_TOPIC in second  # kept as stored


@pytest.mark.django_db(transaction=True)
def test_no_reading_with_the_tip_never_loads_the_sentence_model(
    monkeypatch: pytest.MonkeyPatch, alice: User
) -> None:
    add_transcript(add_interview(alice, hours=-3), TEXT, readings={"k": {"tips": ["Be brief."]}})
    migrate(BEFORE)

    def loaded() -> None:
        raise AssertionError("the sentence model was loaded")

    monkeypatch.setattr(reader, "embedder", loaded)
    migrate(AFTER)
    migrate_to_latest()


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.django_db(transaction=True)
def test_without_the_sentence_model_nothing_changes_and_it_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, alice: User
) -> None:
    transcript = add_transcript(add_interview(alice, hours=-3), TEXT)
    migrate(BEFORE)
    old = read_before(transcript, monkeypatch)
    Transcript.objects.filter(pk=transcript.pk).update(readings=old)
    monkeypatch.setattr(reader, "embedder", lambda: None)
    with caplog.at_level(logging.WARNING):
        migrate(AFTER)
    assert Transcript.objects.get(pk=transcript.pk).readings == old
    assert "no sentence model installed" in caplog.text
    migrate_to_latest()


def test_it_pins_its_kinds_and_is_not_atomic() -> None:
    assert MIGRATION.KINDS == ("success",)
    assert MIGRATION.Migration.atomic is False
