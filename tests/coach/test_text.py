"""Small text helpers shared by the judgements (`coach.text`)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.text import (
    FILLER_PHRASES,
    FILLER_WORDS,
    STOPWORDS,
    closing_stop,
    only_fillers,
)


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


@pytest.mark.parametrize(
    ("quoted", "kept"),
    [
        ("Describe a time you led a team.", "Describe a time you led a team"),
        ("Describe a time you led a team. ", "Describe a time you led a team"),
        ("Why this role?", "Why this role?"),
        ("It worked!", "It worked!"),
        ("Tell me about a time you…", "Tell me about a time you…"),  # cut by the page
        ("Tell me about a time you led a team", "Tell me about a time you led a team"),
    ],
)
def test_a_quotation_before_a_comma_loses_its_own_full_stop(quoted: str, kept: str) -> None:
    """The mock's "Went best: “Tell me about a time you improved a process.”, 4 of 5 …": a
    full stop ends a sentence, so before a comma the quotation drops it."""
    from prepcoach.coach.text import before_comma

    assert before_comma(quoted) == kept


def test_a_length_in_seconds_is_written_to_one_decimal_rounded_half_up() -> None:
    """One pause, one figure on every face (a trial saw 3.55 s, 3.6 s and 3.5 s): from the
    hundredths the analysis keeps, rounded half up."""
    from prepcoach.coach.text import seconds

    assert seconds(3.55) == seconds(9.55 - 6.0) == seconds(3.5499999999) == "3.6"
    assert seconds(3.0) == "3.0"
    assert seconds(12.25) == "12.3"
    assert seconds(2.44) == "2.4"


def test_markup_is_a_web_pages_tags_not_words_in_brackets() -> None:
    from prepcoach.coach.text import markup_tags

    advert = '<div class="job"><h1>Data analyst</h1><p>SQL &amp; Tableau</p></div>'
    assert markup_tags(advert) == ["div", "h1", "h1", "p", "p", "div"]
    for words in (
        "Press <Enter> to send it, then <Tab> to move on, and <Esc> to close the dialog.",
        "I replaced <b> with <strong> and <i> with <em> across 40 templates.",
        "Optional<User> and List<Order> are the types; a < b and b > c.",
        "Master <table> and </div> layouts by June",
        "In React I wrote <Button onClick={save}>Save</Button> and the bug went away.",
        "<table> and </table> by Friday",
    ):
        assert markup_tags(words) == []
    # Two tags around words are markup too: a browser check saved "<b>Learn R</b>" as a goal.
    assert markup_tags("<b>Learn R</b>") == ["b", "b"]


def test_another_language_needs_more_of_its_function_words_than_englishs() -> None:
    from prepcoach.coach.text import other_language

    assert other_language("quiero aprender sql antes del viernes".split())
    assert other_language("ich habe in meinem projekt ein team geleitet am ende".split())
    assert not other_language("read die zeit and le monde by friday".split())
    assert not other_language("do 3 mock interviews for the role at le monde".split())


# Fillers: one list for every reading that says a text is "only filler words".

FILLERS_SAID = st.lists(
    st.one_of(st.sampled_from(sorted(FILLER_WORDS)).map(lambda w: [w]),
              st.sampled_from(FILLER_PHRASES).map(list)),
    min_size=1, max_size=8,
).map(lambda pieces: [w for piece in pieces for w in piece])  # fmt: skip


@given(FILLERS_SAID)
def test_fillers_and_filler_phrases_alone_are_only_fillers(said: list[str]) -> None:
    assert only_fillers(said)


@given(FILLERS_SAID, st.sampled_from(["team", "reports", "the", "led", "Python"]), st.data())
def test_one_word_more_than_fillers_is_more_than_fillers(
    said: list[str], word: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(said)))
    assert not only_fillers([*said[:at], word.lower(), *said[at:]])


def test_a_word_of_a_filler_phrase_is_no_filler_alone() -> None:
    """Answers and adverts counted "I", "you", "know" and "mean" as fillers one by one: "I
    know you, I know you." was "only filler words"; a goal read them as phrases only."""
    assert not only_fillers(["i", "know", "you"])
    assert not only_fillers(["kind", "people"])
    assert only_fillers(["well", "basically", "you", "know", "right"])
    assert not (FILLER_WORDS & {"i", "you", "know", "mean", "kind", "sort", "of"})
    assert {"the", "and"} <= STOPWORDS - FILLER_WORDS
