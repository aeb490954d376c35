"""`coach.shorten`: a line shortened at a sentence or clause, never mid-word."""

import pytest

from prepcoach.coach.shorten import as_label, shorten

GOAL = (
    "Complete three full mock interviews for data analyst roles in healthcare, each followed "
    "by a written review of what to improve, by the end of next month."
)


def test_text_that_fits_is_kept_whole() -> None:
    assert shorten("Write 3 STAR stories", 20) == "Write 3 STAR stories"
    assert shorten("Write  3 STAR\nstories", 20) == "Write 3 STAR stories"


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        # truncatechars:110 gave "…each followed by a written review o…".
        (GOAL, 110, "Complete three full mock interviews for data analyst roles in healthcare…"),
        (GOAL, 60, "Complete three full mock interviews for data analyst roles…"),
        (
            "Hey Alice, do not forget that the mock interview you planned is this week, and I "
            "would love to hear how it went afterwards.",
            80,
            "Hey Alice, do not forget that the mock interview you planned is this week…",
        ),
        # No clause ends in the room: cut after a whole word, not after "how" or "about".
        (
            "Describe a situation where team members had very different ideas about how to "
            "tackle a problem. How did you reach agreement?",
            80,
            "Describe a situation where team members had very different ideas…",
        ),
    ],
)
def test_a_long_text_is_cut_where_a_clause_ends_or_after_a_whole_word(
    text: str, limit: int, shown: str
) -> None:
    assert shorten(text, limit) == shown
    assert len(shown) <= limit


def test_asides_in_brackets_go_first() -> None:
    rule = (
        "no action of your own (“I…”, or “I would…” in a plan), or fewer than half the team's "
        "(“we…”): in 3 of the 5 answers it could judge"
    )
    assert shorten(rule, 90) == (
        "no action of your own, or fewer than half the team's: in 3 of the 5 answers it could judge"
    )


def test_a_quotation_cut_short_is_closed() -> None:
    said = "Say “I rewrote the whole triage process and the rules behind it” in every answer"
    assert shorten(said, 60) == "Say “I rewrote the whole triage process and the rules…”"
    assert shorten("(" + "word " * 30 + ")", 40).endswith("…)")
    # Straight quotation marks open and close alike (a review found one left open).
    typed = 'He said "we must finish the quarterly report before anyone leaves" and left'
    assert shorten(typed, 50) == 'He said "we must finish the quarterly report…"'
    assert shorten('"Done" is what he said, and then he left the room for good', 30) == (
        '"Done" is what he said…'
    )


def test_one_long_word_is_cut_within_the_limit() -> None:
    assert shorten("x" * 50, 10) == "x" * 9 + "…"


def test_a_label_drops_its_full_stop_only() -> None:
    assert as_label("Do 4 mock interviews by Friday.") == "Do 4 mock interviews by Friday"
    assert as_label("Why Acme?") == "Why Acme?"
    assert as_label("Wait for it...") == "Wait for it..."
