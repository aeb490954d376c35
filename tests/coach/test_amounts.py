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
