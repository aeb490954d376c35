"""Small text helpers shared by the judgements (`coach.text`)."""

import pytest

from prepcoach.coach.text import closing_stop


@pytest.mark.parametrize(
    ("quoted", "stop"),
    [
        ("We agreed on one definition within a week.", ""),
        ("Did it work?", ""),
        ("It worked!", ""),
        ("I listened to her reasons and…", ""),  # cut by the page: "…" ends it
        ("He said “we ship on Friday.”", ""),  # its own quote closes after the stop
        ("We agreed on one definition", "."),
        ("the migration of our billing system ", "."),
        ("", "."),
    ],
)
def test_a_quoted_sentence_that_ends_itself_gets_no_second_full_stop(
    quoted: str, stop: str
) -> None:
    """A report line ended "… is here as “We agreed on one definition within a week.”."."""
    assert closing_stop(quoted) == stop
