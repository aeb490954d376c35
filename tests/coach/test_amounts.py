from decimal import Decimal

from prepcoach.coach.amounts import amount, singular_unit


def test_one_is_singular_and_many_or_none_plural() -> None:
    assert amount(Decimal("1.00"), "mock interviews") == "1 mock interview"
    assert amount(Decimal("2.00"), "mock interviews") == "2 mock interviews"
    assert amount(Decimal("0"), "mock interviews") == "0 mock interviews"
    assert amount(Decimal("1.50"), "hours") == "1.5 hours"


def test_the_head_noun_is_made_singular_not_the_last_word() -> None:
    assert singular_unit("hours of practice") == "hour of practice"
    assert singular_unit("answers that meet it") == "answer that meets it"
    assert singular_unit("people") == "person"
    assert singular_unit("coffee chats") == "coffee chat"
    assert singular_unit("") == ""


def test_a_word_that_only_looks_plural_or_a_participle_is_left_as_typed() -> None:
    assert amount(1, "applications sent") == "1 application sent"
    assert amount(1, "answers that were recorded") == "1 answer that was recorded"
    assert amount(1, "answers that passed") == "1 answer that passed"
    assert amount(1, "status") == "1 status"
    assert amount(1, "bus") == "1 bus"
    assert amount(1, "boxes") == "1 box"
    assert amount(1, "analysis") == "1 analysis"
    assert amount(1, "kg lost") == "1 kg lost"
    assert amount(1, "courses") == "1 course"
