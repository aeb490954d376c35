"""The one rule for what text can be stored (issue 11, class 5)."""

import pytest

from prepcoach.coach.characters import text_problem


@pytest.mark.parametrize(
    ("text", "position", "named"),
    [("ab\x00c", 3, "NUL byte (U+0000)"), ("x\ud800", 2, "no other half"),
     ("\x0bsoft break", 1, "vertical tab"), ("esc\x1b[31m", 4, "escape (U+001B)"),
     ("c1 \x85", 4, "control character (U+0085)"), ("\udfff", 1, "U+DFFF")],
)  # fmt: skip
def test_a_character_no_database_stores_is_named_with_its_place(
    text: str, position: int, named: str
) -> None:
    problem = text_problem(text)
    assert problem is not None
    assert problem.position == position
    assert named in problem.message
    assert problem.message.endswith("remove it and send again.")


@pytest.mark.parametrize("text", ["", "tabs\tand\nlines\r\n", "café 😀 — “quotes”", "\u2028\ufeff"])
def test_text_people_type_is_accepted(text: str) -> None:
    assert text_problem(text) is None
