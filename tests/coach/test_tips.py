"""The tips for a STAR part the report marks missing (a new user's trial: "✗ task" beside
"Nothing else stands out to fix in this answer")."""

from __future__ import annotations

import pytest

from prepcoach.coach.answer import analyse_answer

QUESTION = "Tell me about a time you fixed a backlog."
WITH_TASK = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)
NO_TASK = (
    "Last spring our support queue doubled after a product launch. I rewrote the triage rules "
    "and trained two new starters. Within a month the average wait fell from 9 hours to 2 hours."
)
TASK_TIP = "Before the actions, say in one sentence what was asked of you"

needs_model = pytest.mark.usefixtures("sentence_model")


def tips(text: str) -> list[dict[str, object]]:
    return analyse_answer(text=text, question=QUESTION).as_dict()["tips"]  # type: ignore[no-any-return]


@needs_model
def test_a_story_with_no_task_gets_a_tip_quoting_its_first_action() -> None:
    report = analyse_answer(text=NO_TASK, question=QUESTION).as_dict()
    assert report["star"]["task"]["present"] is False
    found = [t for t in report["tips"] if str(t["text"]).startswith(TASK_TIP)]
    assert len(found) == 1
    evidence = found[0]["evidence"]
    # The sentence alone: the report puts each piece of evidence in quotes once.
    assert evidence == [
        {"text": "I rewrote the triage rules and trained two new starters.", "start": None}
    ]


@needs_model
def test_a_story_with_its_task_gets_no_such_tip() -> None:
    assert not [t for t in tips(WITH_TASK) if str(t["text"]).startswith(TASK_TIP)]


def test_too_few_words_to_read_get_no_part_tips() -> None:
    assert not [t for t in tips("I fixed it.") if "STAR" in str(t["rule"])]
