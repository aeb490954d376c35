"""A job's term that names a thing is said by meaning only in a sentence that names it
(`term_match._anchor`, `Matcher._names_it`): the guide's labellers tick a tool, a product or a
qualification only where the answer names it, in any form, and a sentence near it in meaning
only describes something like it. A word with a capital inside it is a name whatever its ending
(`term_match.CAMEL_RE`), and a term that gives its initials in brackets is said by either
(`term_match.written_forms`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prepcoach.coach import term_match
from prepcoach.coach.term_match import find_terms, is_name, written_forms


def used(text: str, terms: list[str]) -> dict[str, tuple[str, str]]:
    """Each used term with how it is said and the words that say it."""
    found = find_terms(text, terms, term_match.shared_embedder())
    return {c.term: (c.by, c.words) for c in found if c is not None}


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("text", "term"),
    [
        # No word of the name in the sentence (0.53 from "Spring Boot" before).
        ("After that I did a twelve-week bootcamp where we worked in teams of four.", "Spring Boot"),
        # "QuickBooks" read as a plural, and so as a skill, came 0.47 from "doing bookkeeping".
        ("This summer I was mostly doing bookkeeping for sole traders on Xero.", "QuickBooks"),
        # The name's word inside another name: a different product, a different level.
        ("At the end I set three exit questions on Google Forms and read them that evening.",
         "Google Classroom"),
        ("I have my NVQ Level 2 and a blue CSCS card.", "NVQ Level 3 Carpentry"),
    ],
)  # fmt: skip
def test_a_sentence_that_does_not_name_a_thing_does_not_say_it(text: str, term: str) -> None:
    assert used(text, [term]) == {}


@pytest.mark.usefixtures("sentence_model")
def test_a_thing_named_by_part_of_its_name_is_still_said() -> None:
    """A brand's own word ("Dynamics"), a camel-case name in its parts ("dev tools"); and a
    skill whose first word is a name is a skill ("A/B testing" told as a test)."""
    assert used("We use Dynamics for the whole pipeline.", ["Microsoft Dynamics 365"]) == {
        "Microsoft Dynamics 365": ("meaning", "use Dynamics")
    }
    said = "So I opened Chrome dev tools and recorded a performance profile."
    assert used(said, ["Chrome DevTools"]) == {"Chrome DevTools": ("meaning", "Chrome dev")}
    assert "A/B testing" in used("I wrote the test plan for the checkout split test.", [
        "A/B testing"
    ])  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
def test_a_term_is_said_by_the_initials_it_gives_in_brackets() -> None:
    term = "Customs Declaration Service (CDS)"
    assert used("We file every import declaration through CDS now.", [term]) == {
        term: ("word form", "CDS")
    }
    diploma = "Diploma in Education and Training (DET)"
    assert used("i hold my level 5 teaching qualification, the det, and i mark for the board.", [
        diploma
    ]) == {diploma: ("word form", "det")}  # fmt: skip
    assert written_forms("Excel (advanced)") == ["Excel (advanced)"]  # a qualifier, not initials
    assert written_forms("paid search (PPC)") == ["paid search (PPC)", "paid search", "PPC"]


def test_a_word_with_a_capital_inside_is_a_name() -> None:
    assert is_name("QuickBooks")
    assert is_name("DevTools")
    assert not is_name("Renewals")  # a capitalised plural is as often a skill
    assert not is_name("KPIs")


ANSWERS = (
    "I ran the weekly payroll for 80 staff in Sage and fixed the pension errors myself.",
    "We use Dynamics for the whole pipeline, and I built the renewal dashboards in Power BI.",
    "i haven't used tableau yet, but i write python scripts to clean the exports every week.",
    "I check the rankings in Search Console and rewrote twelve guides around what people search.",
)
TERMS = (
    "payroll", "Sage", "Microsoft Dynamics 365", "Power BI", "Tableau", "Python", "SEO",
    "Google Search Console", "data cleaning", "pension administration",
)  # fmt: skip
UNRELATED = (
    "my manager is called sam and she is lovely.",
    "we moved office in the spring.",
    "i don't drive, i take the train.",
    "it was a busy year for everyone.",
)


@pytest.mark.usefixtures("sentence_model")
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(ANSWERS), st.sampled_from(UNRELATED), st.booleans())
def test_an_unrelated_sentence_never_takes_a_used_term_away(
    answer: str, other: str, before: bool
) -> None:
    """Each sentence is read on its own (its units, its negations, the names it holds), so one
    more sentence, even one with a negation, only adds (in the answer's own case)."""
    said = set(used(answer, list(TERMS)))
    text = (
        f"{other.capitalize() if answer[0].isupper() else other} {answer}"
        if before
        else (f"{answer} {other}")
    )
    assert said <= set(used(text, list(TERMS)))
