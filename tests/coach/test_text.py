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


def test_phrase_pattern_finds_a_whole_phrase_case_aside() -> None:
    from prepcoach.coach.text import phrase_pattern

    assert phrase_pattern("SQL").search("Python, sql and R")
    assert not phrase_pattern("SQL").search("PostgreSQL only")
    assert phrase_pattern("C++").search("Modern C++ (17)")  # escaped, not a regex
    hyphen = phrase_pattern("lean", r"[\w-]", "(?:s|es)?")
    assert not hyphen.search("a lean-to shed")
    assert hyphen.search("Leans toward")  # the tail's plural
    assert phrase_pattern("SQL") is phrase_pattern("SQL")  # compiled once
