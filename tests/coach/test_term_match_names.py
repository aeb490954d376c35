"""A tool whose name is an English word too ("React", "Excel", "Go", "SEND") is said only where
an answer writes it as the name. A tester found "React" credited for "we had to react fast" (by
word form, and 0.73 by meaning), as "Excel" was for "I excel at", "Go" for "I go back" and
"Word" for "a word bank" in the development answers."""

from __future__ import annotations

import pytest

from prepcoach.coach.term_match import find_terms

pytestmark = pytest.mark.usefixtures("sentence_model")


def used(text: str, terms: list[str]) -> list[str]:
    from prepcoach.coach.term_match import shared_embedder

    return [c.term for c in find_terms(text, terms, shared_embedder()) if c is not None]


def test_an_ordinary_word_spelled_as_a_tool_does_not_say_it() -> None:
    """A text that writes names with capitals ("Tesco", "Priya") writes the tool so too, as
    a speech engine does; the word in lower case is the ordinary word."""
    text = (
        "We had to react fast when the release broke, and I excel at staying calm at Tesco. "
        "I go back and write the tests on Fridays with Priya. How did the team react?"
    )
    assert used(text, ["React", "Excel", "Go"]) == []
    assert used("I send the reading plan home to parents every Friday.", ["SEND"]) == []
    # Written as the name, it is used.
    named = "I built the screens in React and kept the budget in Excel. Go was our back end."
    assert used(named, ["React", "Excel", "Go"]) == ["React", "Excel", "Go"]
    assert used("Monday is for SEND reviews with the SENCO.", ["SEND"]) == ["SEND"]


def test_an_answer_typed_in_lower_case_is_read_by_where_the_word_sits() -> None:
    """A typed answer that capitalises no name has no capitals to tell by: the word says the
    tool unless it sits where a verb does (after a subject, a modal or "to")."""
    typed = "i built the screens in react and kept the budget in excel."
    assert used(typed, ["React", "Excel"]) == ["React", "Excel"]
    assert used("i had to react fast when the release broke.", ["React"]) == []
    assert used("honestly i excel at planning.", ["Excel"]) == []


def test_a_tool_is_not_used_because_a_sentence_means_it() -> None:
    """A tool named by an English word is never matched by meaning, as a tool nobody named is
    not ("Looker"): MiniLM reads "Excel" near any spreadsheet (0.80) and "React" as the verb."""
    assert used("I corrected the spreadsheet and told my supervisor.", ["Excel"]) == []


def test_a_name_of_several_words_is_not_used_by_meaning_through_its_ordinary_words() -> None:
    """The development answers credited "Microsoft Teams" by meaning for "data teams" (0.73)
    and "building teams" (0.71), and "Care Certificate" for "care records" (0.69): in a text
    that writes names with capitals, the name's words in lower case are ordinary words."""
    text = "Our data teams in Leeds were small. I kept the care records for Mrs Jones."
    assert used(text, ["Microsoft Teams", "Care Certificate"]) == []
    named = "We moved all our meetings to Microsoft Teams. I hold the Care Certificate."
    assert used(named, ["Microsoft Teams", "Care Certificate"]) == [
        "Microsoft Teams", "Care Certificate"
    ]  # fmt: skip


def test_an_acronym_ending_in_s_is_a_name_not_a_plural() -> None:
    """A trial's story "Second, the e-obs rollout." was credited with the job's "ECDS" (the
    Emergency Care Data Set) by meaning (0.45): its S was read as a plural's, so the acronym was
    no name and any sentence near it by meaning said it. Said by its letters, it still counts."""
    from prepcoach.coach.term_names import is_name

    assert [is_name(w) for w in ("ECDS", "AWS", "ICS", "Onboarding", "KPIs")] == [
        True, True, True, False, False,
    ]  # fmt: skip
    story = "Second, the e-obs rollout. I trained forty nurses to chart on tablets."
    assert used(story, ["ECDS"]) == []
    assert used("I checked our ECDS returns every week.", ["ECDS"]) == ["ECDS"]
    # In a term of several words an acronym that is an English word too stays a word, so a
    # description of the thing still says it: "handheld scanners" for "RF scanners".
    assert used("We use handheld scanners in the warehouse.", ["RF scanners"]) == ["RF scanners"]
