"""A reviewer's regressions in how a job's names are said: a tool or skill the model's
vocabulary holds ("python", "empathy") is no English word in need of capitals; one stray
capital ("the CFO", "on Monday") does not make every lower-case tool an ordinary word; a
Title-Case skill ("Customer Service") is still said in other words; a term an advert writes in
capitals ("EXCEL") is said in the answer's capitals; and "to" after a move ("from angular to
react") is a direction's, not an infinitive's."""

from __future__ import annotations

import pytest

from prepcoach.coach.term_match import find_terms

pytestmark = pytest.mark.usefixtures("sentence_model")


def used(text: str, terms: list[str]) -> list[str]:
    from prepcoach.coach.term_match import shared_embedder

    return [c.term for c in find_terms(text, terms, shared_embedder()) if c is not None]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I write python scripts to clean the data for the team at Tesco.", "Python"),
        ("I wrote the service in java and deployed it on AWS.", "Java"),
        ("I always act with honesty and integrity at Tesco.", "Integrity"),
        ("I showed real empathy when Mrs Jones was upset.", "Empathy"),
    ],
)
def test_a_tool_or_skill_that_is_no_common_word_is_said_in_any_case(text: str, term: str) -> None:
    assert used(text, [term]) == [term]


def test_one_stray_capital_does_not_hide_a_lower_case_tool() -> None:
    """An acronym or a day ("CFO", "AWS", "Monday") made the whole answer one that writes its
    names with capitals, so a tool in lower case read as the ordinary word everywhere in it;
    each occurrence is now read where it sits."""
    text = "I built dashboards in excel. We presented them to the CFO."
    assert used(text, ["Excel"]) == ["Excel"]
    front = "Our front end was written in react and typescript. We deployed on AWS."
    assert used(front, ["React"]) == ["React"]
    # The ordinary word beside a stray capital is still not the tool.
    assert used("We had to react fast when the CFO called.", ["React"]) == []
    assert used("We go back to the client on Monday.", ["Go"]) == []


def test_a_title_case_skill_is_still_said_in_other_words() -> None:
    text = "I handled customer complaints and queries every day at Tesco."
    assert used(text, ["customer service"]) == ["customer service"]
    assert used(text, ["Customer Service"]) == ["Customer Service"]
    plan = "I ran the project plan, milestones and risks for Acme."
    assert used(plan, ["Project Management"]) == ["Project Management"]


def test_a_term_in_capitals_is_said_in_the_answers_capitals() -> None:
    assert used("I use Excel daily.", ["EXCEL"]) == ["EXCEL"]
    assert used("We query it with Sql.", ["SQL"]) == ["SQL"]
    # An acronym spelled as a word is still said only in capitals.
    assert used("I send the reading plan home to parents every Friday.", ["SEND"]) == []


def test_to_after_a_move_is_a_direction_in_a_lower_case_answer() -> None:
    assert used("we migrated the app from angular to react last year", ["React"]) == ["React"]
    assert used("i moved all our reporting to excel", ["Excel"]) == ["Excel"]
    assert used("i had to react fast", ["React"]) == []
