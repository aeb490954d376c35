"""Every labelled answer set (tests/data/answers/*.json) has the guide's shape
(tests/data/answers/GUIDE.md), so a bench figure is never computed over a malformed answer. The
checks read the labels' structure only, and a failure names the file and the answer's id, never
its text: the held-out sets stay unread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ANSWERS = Path(__file__).resolve().parents[1] / "data" / "answers"
SETS = sorted(ANSWERS.glob("*.json"))
# A second labeller's labels of a set (`bench_reader.two_labellers`): the same answers.
SECOND = sorted((ANSWERS / "second").glob("*.json"))
PARTS = {"situation", "task", "action", "result", "other"}
OWNERS = {"i", "we", "other", "none"}
LEVELS = {"entry", "mid", "senior"}
STYLES = {"typed", "spoken"}


def _answers(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        pytest.fail(f"{path.name}: not a list of answers")
    return data


def _problems(answer: dict[str, Any]) -> list[str]:
    """What is wrong with one answer's shape, in words that quote none of it."""
    problems = []
    if not isinstance(answer.get("question"), str) or not answer["question"].strip():
        problems.append("no question")
    if not isinstance(answer.get("addresses_question"), bool):
        problems.append("addresses_question is not true or false")
    if answer.get("level") not in LEVELS or answer.get("style") not in STYLES:
        problems.append("level or style not the guide's")
    if not isinstance(answer.get("field"), str) or not answer["field"].strip():
        problems.append("no field")
    sentences = answer.get("sentences")
    if not isinstance(sentences, list) or not sentences:
        return [*problems, "no sentences"]
    for index, sentence in enumerate(sentences):
        if not isinstance(sentence.get("text"), str) or not sentence["text"].strip():
            problems.append(f"sentence {index}: no text")
        if sentence.get("part") not in PARTS or sentence.get("owner") not in OWNERS:
            problems.append(f"sentence {index}: part or owner not the guide's")
        if not isinstance(sentence.get("quantified"), bool):
            problems.append(f"sentence {index}: quantified is not true or false")
        # The guide: true only for a result sentence that states an amount.
        elif sentence["quantified"] and sentence.get("part") != "result":
            problems.append(f"sentence {index}: quantified but not a result")
        # The short sets (`short_dev.json`, `short_heldout.json`) name the other parts a
        # sentence carries in a subordinate or second clause: parts, none of them its own.
        also = sentence.get("also", [])
        if not isinstance(also, list) or not set(also) <= PARTS - {sentence.get("part")}:
            problems.append(f"sentence {index}: also is not a list of other parts")
    return problems


def test_the_sets_are_found() -> None:
    assert {"dev.json", "heldout7.json", "heldout8.json", "heldout9.json"} <= {
        path.name for path in SETS
    }


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_each_answer_and_sentence_has_the_guides_labels(path: Path) -> None:
    found = {
        f"{answer.get('id')}": problems
        for answer in _answers(path)
        if (problems := _problems(answer))
    }
    assert found == {}, path.name


def test_the_shape_check_finds_what_is_wrong() -> None:
    good = {"text": "I rebuilt the rota.", "part": "action", "owner": "i", "quantified": False}
    answer = {
        "question": "Tell me about a time…", "addresses_question": True, "field": "nursing",
        "level": "mid", "style": "typed",
        "sentences": [
            good, {**good, "quantified": True}, {**good, "owner": "me"},
            {**good, "also": ["result"]}, {**good, "also": ["action"]}, {**good, "also": "task"},
        ],
    }  # fmt: skip
    assert _problems(answer) == [
        "sentence 1: quantified but not a result",
        "sentence 2: part or owner not the guide's",
        "sentence 4: also is not a list of other parts",
        "sentence 5: also is not a list of other parts",
    ]
    assert _problems({**answer, "sentences": [good]}) == []


def test_no_answer_id_is_in_two_sets() -> None:
    seen: dict[str, str] = {}
    for path in SETS:
        for answer in _answers(path):
            assert answer["id"] not in seen, (
                f"{answer['id']}: {seen.get(answer['id'])}, {path.name}"
            )
            seen[answer["id"]] = path.name


def test_the_second_labellings_are_found() -> None:
    assert {"heldout7.json", "heldout10.json"} <= {path.name for path in SECOND}


@pytest.mark.parametrize("path", SECOND, ids=lambda path: f"second/{path.name}")
def test_a_second_labelling_labels_the_same_sentences_by_the_guide(path: Path) -> None:
    first = {answer["id"]: answer for answer in _answers(ANSWERS / path.name)}
    second = {answer["id"]: answer for answer in _answers(path)}
    assert second.keys() == first.keys(), path.name
    differ = [
        i
        for i, answer in second.items()
        if [s.get("text") for s in answer["sentences"]]
        != [s["text"] for s in first[i]["sentences"]]
        or any(key not in answer for key in ("field", "level", "style", "question"))
    ]
    assert differ == [], path.name
    found = {i: problems for i, answer in second.items() if (problems := _problems(answer))}
    assert found == {}, path.name
