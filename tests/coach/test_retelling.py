"""Which of the user's stories an answer retells, by meaning (`coach.retelling`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prepcoach.coach import reader
from prepcoach.coach.retelling import RETOLD_CUT, retold_story

needs_model = pytest.mark.usefixtures("sentence_model")
DATA = Path(__file__).resolve().parents[1] / "data" / "relevance"

REFUNDS = {
    "situation": "Refunds at our online shop had doubled in a quarter and nobody knew why.",
    "task": "My manager asked me to find the cause before the peak season.",
    "action": "I went through six months of refund logs and saw that most refunds came from "
    "parcels one courier delivered late. I recommended we move those routes to another courier.",
    "result": "Refunds fell by 40 % within two months.",
}
ROTA = {
    "situation": "Our warehouse rota was made by hand every week and mistakes were common.",
    "action": "I built a shared spreadsheet that flagged clashes and holidays.",
    "result": "Rota mistakes stopped and the supervisor saved two hours a week.",
}
RETOLD = (
    "So, um, refunds had basically doubled over three months and nobody could say why. "
    "My boss wanted an answer before the busy season. "
    "I dug into half a year of refund records and noticed that late deliveries from one "
    "courier were behind most of them. "
    "I suggested switching those routes to a different courier, and within two months "
    "refunds were down by about forty percent."
)
OTHER_STORY = (
    "Our returns desk was slow because every return was typed in twice. "
    "I wrote a small form that filled both systems at once. "
    "Returns were processed in half the time."
)


def bank() -> list[tuple[object, str, dict[str, str]]]:
    return [("refunds", "The courier behind the refunds", REFUNDS), ("rota", "The rota", ROTA)]


@needs_model
def test_a_retold_story_is_named_with_a_sentence_of_each_as_evidence() -> None:
    found = retold_story(RETOLD, bank())
    assert found.key == "refunds"
    assert found.title == "The courier behind the refunds"
    assert found.coverage is not None
    assert found.coverage >= RETOLD_CUT
    theirs, here, similarity = found.pairs[0]
    assert theirs in [s for part in REFUNDS.values() for s in reader.sentences_of(part)]
    assert here in reader.sentences_of(RETOLD)
    assert similarity >= found.coverage  # the closest pair is at least the mean
    assert [key for key, _ in found.ranked] == ["refunds", "rota"]


@needs_model
def test_another_story_from_the_same_work_is_not_a_retelling() -> None:
    found = retold_story(OTHER_STORY, bank())
    assert found.key is None
    assert found.coverage is not None
    assert found.coverage < RETOLD_CUT
    assert "none of the stories" in found.reason


def test_it_says_when_it_cannot_tell() -> None:
    assert "can't tell" in retold_story("Teamwork.", bank()).reason
    assert retold_story("Teamwork.", bank()).key is None
    empty = retold_story(RETOLD, [("blank", "Only a title", {"situation": ""})])
    assert (empty.key, empty.reason) == (
        None, "no story has 3 sentences in its parts to compare with"
    )  # fmt: skip


@needs_model
def test_a_story_of_one_or_two_sentences_is_never_named() -> None:
    # One short sentence finds a close partner in many answers (the review: 0.797).
    short = {"result": "Refunds fell by 40 % within two months."}
    found = retold_story(RETOLD, [("short", "Refunds", short), ("rota", "The rota", ROTA)])
    assert found.key is None
    assert [key for key, _ in found.ranked] == ["rota"]


def test_without_the_sentence_model_it_cannot_tell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "embedder", lambda: None)
    found = retold_story(RETOLD, bank())
    assert (found.key, found.reason) == (None, "prepcoach can't tell: no sentence model installed")


@needs_model
def test_every_development_retelling_is_found_and_nothing_else_is() -> None:
    # The set the cut was chosen on (development): 60 retellings, 40 answers that retell none.
    banks = {b["id"]: b for b in json.loads((DATA / "stories_dev.json").read_text())}
    wrong = []
    for item in json.loads((DATA / "retold_dev.json").read_text()):
        stories = [
            (s["key"], s["title"], {p: s[p] for p in ("situation", "task", "action", "result")})
            for s in banks[item["bank"]]["stories"]
        ]
        if retold_story(item["answer"], stories).key != item["retells"]:
            wrong.append(item["id"])
    assert wrong == []
