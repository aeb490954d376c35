"""An action told in an irregular past is its verb's form of a term: "I built a checklist"
says "building checklists" (a suffix never finds "build" in "built"; the phrase "checklist and"
that had covered it reads as one word of the term, 8caba01)."""

import pytest

from prepcoach.coach.term_match import find_terms, word_root


def test_an_irregular_past_is_read_as_its_verb() -> None:
    assert word_root("built") == word_root("building") == word_root("build")
    assert word_root("wrote") == word_root("writing")
    assert word_root("Led") == word_root("lead")
    assert word_root("checklists") == word_root("checklist")  # regular forms as before


@pytest.mark.parametrize(
    ("said", "term", "words"),
    [
        ("Um, so I built a checklist and, uh, I trained the team.", "building checklists",
         "built a checklist"),
        ("I wrote the weekly report for the board.", "report writing", "wrote the weekly report"),
        ("I taught the new starters how to use the till.", "teaching", "taught"),
    ],
)  # fmt: skip
def test_a_story_told_in_an_irregular_past_says_the_term_by_its_words(
    said: str, term: str, words: str
) -> None:
    found = find_terms(said, [term], None)[0]
    assert found is not None
    assert (found.by, found.words) == ("word form", words)
