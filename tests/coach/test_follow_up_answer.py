"""The answer to a follow-up judged on what the follow-up asked for (a trial: two sentences of
numbers answering "How did you know it worked? What changed, in numbers?" read "2 of 4 STAR
parts", "3 of 5" and "Tell the whole story: add what you had to do and how it ended")."""

from __future__ import annotations

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.content import analyse_content
from prepcoach.coach.follow_up_answer import judge_follow_up, together
from prepcoach.coach.followups import (
    FIXED,
    PLAN_FIXED,
    PLAN_RULES,
    POINT_FIXED,
    RULES,
    asked_again,
    follow_up,
    rule_of,
)
from prepcoach.coach.mock_interview import figures_of
from prepcoach.coach.tips import asks_for_whole_story

PROCESS = "Tell me about a time you improved a process."
UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I rewrote the triage rules "
    "and trained two new starters. In the end the queue got much shorter and customers were "
    "happier."
)
IN_NUMBERS = "How did you know it worked? What changed, in numbers?"
NUMBERS = (
    "The average wait fell from nine hours to two within a month. Complaints dropped by 40 percent."
)
NO_NUMBERS = "I could just tell that people were happier, and my manager said so too."
HARDEST = "What was the hardest part for you?"
HARDEST_ANSWER = "The hardest part was getting the team to trust the new rules."


def read(text: str, question: str, follow_up: bool = True) -> dict[str, object]:
    return analyse_answer(text=text, question=question, follow_up=follow_up).as_dict()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        *[(question, rule) for rule, question in (*RULES, *PLAN_RULES)],
        *[(question, "fixed list") for question in FIXED],
        *[(question, "plan list") for question in PLAN_FIXED],
        *[(question, "point list") for question in POINT_FIXED],
        (asked_again(PROCESS, "a time you improved a process").text, "off topic"),
        (asked_again(PROCESS, None).text, "off topic"),
        ("What would your manager say about it?", None),  # no list asks it: judged as today
    ],
)
def test_a_follow_ups_words_give_back_its_rule(text: str, rule: str | None) -> None:
    assert rule_of(text) == rule


def test_the_trials_follow_up_is_read_back_to_the_rule_it_was_asked_by() -> None:
    asked = follow_up(analyse_content(UNQUANTIFIED), asks="story")
    assert (asked.text, asked.rule) == (IN_NUMBERS, "result without a number")
    assert rule_of(asked.text) == asked.rule


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_giving_the_number_asked_for_is_judged_on_it_alone() -> None:
    first, then = read(UNQUANTIFIED, PROCESS, follow_up=False), read(NUMBERS, IN_NUMBERS)
    judged = judge_follow_up(IN_NUMBERS, then, first)
    assert (judged.rule, judged.part, judged.given) == ("result without a number",
                                                        "quantified_result", True)  # fmt: skip
    assert judged.words == (
        "Asked for: a result with a number — given: “The average wait fell from nine hours to "
        "two within a month.”"
    )
    # The whole story, over both answers: the first's scene and actions, the follow-up's number.
    assert judged.story is not None
    assert judged.story["action"]["present"] is True
    assert judged.story["result"]["present"] is True
    assert judged.story["quantified_result"]["present"] is True
    # Never told to tell the whole story, nor given a figure weighing the parts not asked.
    assert not any(asks_for_whole_story(str(t.get("rule", ""))) for t in then["tips"])  # type: ignore[attr-defined]
    assert judged.tips(then["tips"], NUMBERS) == []  # type: ignore[arg-type]
    figures = figures_of(then, "story", IN_NUMBERS, first)
    assert figures is not None
    assert figures.measured is None
    assert figures.unmeasured_words == (
        "no 1–5 figure: a follow-up is judged only on what it asked for (a result with a number)"
    )
    assert figures.asked_words == judged.words
    assert figures.star_words.endswith("over the first answer and this one together")
    assert figures.number is True
    assert figures.tip == ""


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_not_giving_what_was_asked_is_told_so_first() -> None:
    first, then = read(UNQUANTIFIED, PROCESS, follow_up=False), read(NO_NUMBERS, IN_NUMBERS)
    judged = judge_follow_up(IN_NUMBERS, then, first)
    assert judged.given is False
    assert judged.words == "Asked for: a result with a number — not given"
    tips = judged.tips(then["tips"], NO_NUMBERS)  # type: ignore[arg-type]
    assert tips[0]["text"].startswith(
        "Answer what was asked: how you knew it worked, with a number"
    )
    assert tips[0]["evidence"] == [{"text": NO_NUMBERS}]
    assert not any("Tell the whole story" in tip["text"] for tip in tips)
    figures = figures_of(then, "story", IN_NUMBERS, first)
    assert figures is not None
    assert figures.tip == tips[0]["text"]
    assert "Asked for: a result with a number — not given" in figures.row_words


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_from_the_list_asked_in_turn_is_a_reflection_on_the_story() -> None:
    """A story's list asked in turn asks for a reflection, not a story (a trial's lesson read
    3 of 5 with three STAR tips): judged on no STAR part, its story read over both answers."""
    first, then = read(UNQUANTIFIED, PROCESS, follow_up=False), read(HARDEST_ANSWER, HARDEST)
    judged = judge_follow_up(HARDEST, then, first)
    assert (judged.rule, judged.part, judged.given) == ("fixed list", "reflection", None)
    assert judged.words == (
        "Asked for: the hardest part for you — a reflection on the story, not judged as a story"
    )
    assert judged.story is not None
    figures = figures_of(then, "story", HARDEST, first)
    assert figures is not None
    assert figures.asked_words == judged.words
    assert figures.measured is None
    assert figures.star_words.endswith("over the first answer and this one together")
    assert "Tell the whole story" not in figures.tip
    # An answer read before follow-ups lost the tip keeps it stored: the page leaves it out.
    old = {**then, "tips": [{"rule": "STAR: 12 words, with no action or result",
                             "text": "Tell the whole story: add how it ended.", "evidence": []}]}  # fmt: skip
    assert figures_of(old, "story", HARDEST, first).tip == ""  # type: ignore[union-attr]
    # The same answer read as a first answer is still told to tell it.
    alone = read(HARDEST_ANSWER, PROCESS, follow_up=False)
    assert any(asks_for_whole_story(str(t["rule"])) for t in alone["tips"])  # type: ignore[attr-defined]


def test_a_part_is_found_in_either_answer_and_cant_tell_stays_so() -> None:
    first = {"star": {"situation": {"present": True, "evidence": ["A."]},
                      "result": {"present": None, "evidence": [], "unsure": "B."},
                      "task": {"present": False, "evidence": []}}}  # fmt: skip
    then = {"star": {"situation": {"present": False, "evidence": []},
                     "result": {"present": False, "evidence": []},
                     "task": {"present": None, "evidence": []}}}  # fmt: skip
    parts = together(first, then)
    assert parts["situation"] == {"present": True, "evidence": ["A."]}
    assert parts["result"] == {"present": None, "evidence": [], "unsure": "B."}
    assert parts["task"] == {"present": None, "evidence": []}  # not heard in the follow-up
    assert parts["action"] == {"present": False, "evidence": []}


def test_what_you_did_yourself_quotes_an_action_said_with_i() -> None:
    """A reviewer saw "We agreed a new rota as a team…" quoted as what the speaker did."""
    question = dict(RULES)["no personal action"]
    answer = (
        "We agreed a new rota as a team, and we split the calls between us. "
        "I decided who took the angriest clients."
    )
    judged = judge_follow_up(question, analyse_answer(text=answer, question=question).as_dict())
    assert judged.words == (
        "Asked for: what you did yourself — given: “I decided who took the angriest clients.”"
    )
