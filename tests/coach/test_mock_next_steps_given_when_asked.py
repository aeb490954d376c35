"""A mock's next steps credit a part a follow-up asked for and got: after "What changed, in
numbers?" was answered with a number, the summary still said "Put a number on the result" as if
none was ever given, because the first answer lacked one. The step now says the number came only
when asked, quoting the follow-up's words; it still asks for it unasked (the areas' goals count
a part given only when asked as missing from the story told, `improvement.ASKED_AREAS`)."""

from __future__ import annotations

import datetime as dt

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.mock_interview import MockAnswer, summarise_mock

TODAY = dt.date(2026, 12, 4)
PROCESS = "Tell me about a time you improved a process."
CUSTOMER = "Tell me about a time you handled a difficult customer."
IN_NUMBERS = "How did you know it worked? What changed, in numbers?"
VAGUE_PROCESS = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "In the end the waits were much shorter and customers were happier."
)
VAGUE_CUSTOMER = (
    "Last year a client was furious about a late delivery. I had to keep the account. "
    "I called him every day and rebuilt the delivery plan with him. "
    "In the end he stayed with us and was happier."
)
NUMBER = "The average wait fell from 9 hours to 2 hours within a month."
CREDIT = (
    "Put a number on the result before you are asked: a result with a number came only when a "
    f"follow-up asked for it (“{NUMBER}”)."
)


def read(text: str, question: str) -> dict[str, object]:
    return analyse_answer(text=text, question=question).as_dict()


def asks_for_a_number(steps: tuple[str, ...]) -> list[str]:
    """The steps asking for a number as if none was given."""
    return [s for s in steps if s.startswith("Put a number on the result:")]


@pytest.mark.usefixtures("sentence_model")
def test_the_number_given_when_asked_is_credited_with_its_words() -> None:
    vague = read(VAGUE_PROCESS, PROCESS)
    number = read(NUMBER, IN_NUMBERS)
    answers = [
        MockAnswer(1, 1, PROCESS, False, "analysed", vague, TODAY),
        MockAnswer(2, 1, IN_NUMBERS, True, "analysed", number, TODAY, first=vague, follows=1),
    ]
    # The premise: alone, the first answer's step asks for the number.
    alone = summarise_mock([PROCESS], answers[:1], TODAY).next_steps
    assert asks_for_a_number(alone), alone
    steps = summarise_mock([PROCESS], answers, TODAY).next_steps
    assert not asks_for_a_number(steps), steps
    assert CREDIT in steps


@pytest.mark.usefixtures("sentence_model")
def test_the_area_credits_each_answer_followed_up_and_only_those() -> None:
    """Two first answers without a number raise the area; its step is the credit when a
    follow-up got the number for both, and keeps asking when one was never given."""
    process, customer = read(VAGUE_PROCESS, PROCESS), read(VAGUE_CUSTOMER, CUSTOMER)
    number = read(NUMBER, IN_NUMBERS)
    both = [
        MockAnswer(1, 1, PROCESS, False, "analysed", process, TODAY),
        MockAnswer(2, 1, IN_NUMBERS, True, "analysed", number, TODAY, first=process, follows=1),
        MockAnswer(3, 2, CUSTOMER, False, "analysed", customer, TODAY),
        MockAnswer(4, 2, IN_NUMBERS, True, "analysed", number, TODAY, first=customer, follows=3),
    ]
    steps = summarise_mock([PROCESS, CUSTOMER], both, TODAY).next_steps
    assert not asks_for_a_number(steps), steps
    assert CREDIT in steps
    # Only the first question's follow-up asked: the step asks still, crediting that one. The
    # follow-up is read as one story with its first answer (`MockAnswer.follows`), as the areas
    # page reads it: one story of two lacks a number, no area, and the tip's step says it (it
    # had counted the follow-up as an answer of its own, "in 2 of the 3 answers").
    one = [a for a in both if a.ref != 4]
    steps = summarise_mock([PROCESS, CUSTOMER], one, TODAY).next_steps
    assert (
        "Put a number on the result: how much, how many, how much faster; for 1 of them, a "
        f"result with a number came only when a follow-up asked for it (“{NUMBER}”)."
    ) in steps, steps


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_that_gave_no_number_credits_nothing() -> None:
    vague = read(VAGUE_PROCESS, PROCESS)
    still = read("Customers complained less and the team felt calmer.", IN_NUMBERS)
    answers = [
        MockAnswer(1, 1, PROCESS, False, "analysed", vague, TODAY),
        MockAnswer(2, 1, IN_NUMBERS, True, "analysed", still, TODAY, first=vague, follows=1),
    ]
    steps = summarise_mock([PROCESS], answers, TODAY).next_steps
    assert not any("came only when a follow-up asked" in s for s in steps), steps
    assert any(s.startswith("Put a number on the result") for s in steps), steps


HARDEST = "What was the hardest part for you?"  # asks for no part of the story
HARDEST_ANSWER = "The hardest part was getting the team to trust the new rules."


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_of_a_follow_up_credits_the_answer_its_links_lead_to() -> None:
    """Through the follow-up between them, the number credits the story first answered; with
    that story deleted (the first follow-up's link gone, `follows` None) or out of the mock,
    it credits none, not the answer given to the question again after the deletion (a review
    found that one's "Put a number on the result" turned into the deleted story's credit)."""
    vague, hardest = read(VAGUE_PROCESS, PROCESS), read(HARDEST_ANSWER, HARDEST)
    number = read(NUMBER, IN_NUMBERS)
    chain = [
        MockAnswer(1, 1, PROCESS, False, "analysed", vague, TODAY),
        MockAnswer(2, 1, HARDEST, True, "analysed", hardest, TODAY, first=vague, follows=1),
        MockAnswer(3, 1, IN_NUMBERS, True, "analysed", number, TODAY, first=vague, follows=2),
    ]
    assert CREDIT in summarise_mock([PROCESS], chain, TODAY).next_steps
    retold = MockAnswer(4, 1, PROCESS, False, "analysed", vague, TODAY)
    for gone in (None, 99):  # deleted, or an answer of no answer in the mock
        orphan = MockAnswer(2, 1, HARDEST, True, "analysed", hardest, TODAY, follows=gone)
        steps = summarise_mock([PROCESS], [orphan, chain[2], retold], TODAY).next_steps
        assert not any("came only when a follow-up asked" in s for s in steps), (gone, steps)
        assert asks_for_a_number(steps), (gone, steps)


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_whose_story_was_deleted_credits_the_story_told_again_nothing() -> None:
    """Its link gone (`follows` None), a follow-up had been taken to follow up the first
    answers to its question: the story told again after the deletion, never followed up. The
    mock's steps are those of that story alone."""
    vague, number = read(VAGUE_PROCESS, PROCESS), read(NUMBER, IN_NUMBERS)
    retold = MockAnswer(3, 1, PROCESS, False, "analysed", vague, TODAY)
    orphan = MockAnswer(2, 1, IN_NUMBERS, True, "analysed", number, TODAY)
    alone = summarise_mock([PROCESS], [retold], TODAY).next_steps
    assert asks_for_a_number(alone), alone
    assert summarise_mock([PROCESS], [orphan, retold], TODAY).next_steps == alone


@pytest.mark.usefixtures("sentence_model")
def test_a_mock_without_follow_ups_keeps_its_steps() -> None:
    """No follow-up, no credit: the steps ask for the number as they always did."""
    process, customer = read(VAGUE_PROCESS, PROCESS), read(VAGUE_CUSTOMER, CUSTOMER)
    answers = [
        MockAnswer(1, 1, PROCESS, False, "analysed", process, TODAY),
        MockAnswer(2, 2, CUSTOMER, False, "analysed", customer, TODAY),
    ]
    steps = summarise_mock([PROCESS, CUSTOMER], answers, TODAY).next_steps
    assert steps == (
        "Put a number on the result: a result without a number: in 2 of the 2 answers it could "
        "judge.",
    )


def stored_before_star_parts(analysis: dict[str, object]) -> dict[str, object]:
    """An analysis kept from before STAR parts were stored: its tips, no `star` (the areas do
    not read it, so a tip it shares with another answer is a step of its own)."""
    return {k: v for k, v in analysis.items() if k != "star"}


@pytest.mark.usefixtures("sentence_model")
def test_a_tip_credited_for_some_of_its_answers_says_how_many_of_them() -> None:
    """A tip's step credited for some of the answers it is for says "for 1 of them", as an
    area's does: it had said "for 1 other answer", though that answer is one of them."""
    process = stored_before_star_parts(read(VAGUE_PROCESS, PROCESS))
    customer = stored_before_star_parts(read(VAGUE_CUSTOMER, CUSTOMER))
    number = read(NUMBER, IN_NUMBERS)
    answers = [
        MockAnswer(1, 1, PROCESS, False, "analysed", process, TODAY),
        MockAnswer(2, 1, IN_NUMBERS, True, "analysed", number, TODAY, first=process, follows=1),
        MockAnswer(3, 2, CUSTOMER, False, "analysed", customer, TODAY),
    ]
    steps = summarise_mock([PROCESS, CUSTOMER], answers, TODAY).next_steps
    assert (
        "Put a number on the result: how much, how many, how much faster; for 1 of them, a "
        f"result with a number came only when a follow-up asked for it (“{NUMBER}”)."
    ) in steps, steps
