"""`templating.both_ends`: a quote cut in the middle, so that both of its ends stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.templating import around, both_ends


def test_a_long_run_keeps_the_terms_words_at_both_ends() -> None:
    run = (
        "pivot tables to check the control account reconciliations every month before I "
        "signed them off and sent them to the financial controller in BrightPay"
    )
    quoted = both_ends(run, 80)
    assert quoted.startswith("pivot tables")
    assert quoted.endswith("in BrightPay")
    assert " … " in quoted
    assert len(quoted) <= 80


def test_a_short_quote_is_left_whole() -> None:
    assert both_ends("pivot tables", 80) == "pivot tables"
    assert both_ends(None, 80) == ""


@given(st.text(max_size=300), st.integers(min_value=5, max_value=200))
def test_never_longer_than_asked_and_whole_when_it_fits(text: str, length: int) -> None:
    quoted = both_ends(text, length)
    assert len(quoted) <= max(length, len(text) if len(text) <= length else length)
    if len(text) <= length:
        assert quoted == text
    else:
        assert quoted.startswith(text[: (length - 3) // 2].rstrip())


SENTENCE = (
    "For the last three years I have run the monthly payroll for four hundred staff across two "
    "sites, checked every control account before sign-off, and when the old system failed I "
    "set up BrightPay from scratch in a fortnight."
)


def test_a_long_sentence_is_quoted_around_the_words_it_is_quoted_for() -> None:
    quoted = around(SENTENCE, "BrightPay")
    assert "BrightPay" in quoted
    assert quoted.startswith("…")
    assert len(quoted) <= 160


def test_a_short_sentence_or_words_not_in_it() -> None:
    assert around("I use Excel.", "Excel") == "I use Excel."
    assert around(SENTENCE, "Sage").startswith("For the last three years")
    assert around(SENTENCE, "Sage").endswith("…")


@given(st.text(min_size=1, max_size=400), st.data())
def test_the_words_are_always_in_the_quote(sentence: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(sentence) - 1))
    part = sentence[start : start + data.draw(st.integers(1, 40))].strip()
    quoted = around(sentence, part)
    assert len(quoted) <= 160
    if part and sentence.find(part) >= 0:
        assert part in quoted


def test_a_sentence_is_cut_between_words_and_keeps_its_own_stop() -> None:
    long = "We " + "checked the ledgers again and " * 6 + "moved everything into Excel."
    quoted = around(long, "Excel")
    assert quoted.endswith("into Excel.")  # its own stop, no "…" after it
    assert quoted.startswith("…")
    first = quoted[1:].split()[0]
    assert first in long.split()  # a whole word, not the end of one


@given(
    st.text(alphabet="abc xyz.,", min_size=161, max_size=400),
    st.sampled_from(["BrightPay", "Excel", "pivot tables", "HMRC RTI"]),
    st.sampled_from(["", ".", " ", "!"]),
)
def test_words_at_the_very_end_of_a_long_sentence_stay_whole(
    text: str, words: str, stop: str
) -> None:
    sentence = f"{text} {words}{stop}"
    quoted = around(sentence, words)
    assert words in quoted
    assert len(quoted) <= 160


def test_one_long_run_of_letters_is_cut_inside_it_rather_than_dropped() -> None:
    quoted = around("x" * 200 + " BrightPay", "BrightPay")
    assert quoted.endswith("BrightPay")
    assert quoted.count("x") > 100
