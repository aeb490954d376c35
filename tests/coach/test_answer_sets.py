"""Every labelled answer set (tests/data/answers/*.json) has the guide's shape
(tests/data/answers/GUIDE.md), so a bench figure is never computed over a malformed answer. The
checks read the labels' structure only and print no answer: the held-out sets stay unread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ANSWERS = Path(__file__).resolve().parents[1] / "data" / "answers"
SETS = sorted(ANSWERS.glob("*.json"))
PARTS = {"situation", "task", "action", "result", "other"}
OWNERS = {"i", "we", "other", "none"}


def _answers(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text())
    assert isinstance(data, list)
    return data


def test_the_sets_are_found() -> None:
    assert {"dev.json", "heldout7.json", "heldout8.json"} <= {path.name for path in SETS}


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_each_sentence_has_a_part_an_owner_and_a_quantity_only_in_a_result(path: Path) -> None:
    for answer in _answers(path):
        problem = f"{path.name}: {answer.get('id')}"
        assert isinstance(answer["question"], str), problem
        assert answer["question"].strip(), problem
        assert isinstance(answer["addresses_question"], bool), problem
        assert answer["sentences"], problem
        for sentence in answer["sentences"]:
            assert isinstance(sentence["text"], str), problem
            assert sentence["text"].strip(), problem
            assert sentence["part"] in PARTS, problem
            assert sentence["owner"] in OWNERS, problem
            assert isinstance(sentence["quantified"], bool), problem
            # The guide: true only for a result sentence that states an amount.
            assert not sentence["quantified"] or sentence["part"] == "result", problem


def test_no_answer_id_is_in_two_sets() -> None:
    seen: dict[str, str] = {}
    for path in SETS:
        for answer in _answers(path):
            assert answer["id"] not in seen, (
                f"{answer['id']}: {seen.get(answer['id'])}, {path.name}"
            )
            seen[answer["id"]] = path.name
