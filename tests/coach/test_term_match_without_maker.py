"""A job's product named with its maker ("Autodesk Revit", "Apache Airflow") is said by the
product's own name (`term_units.without_maker`): the labelled answers' "revit", "Airflow DAG"
and "ATT&CK techniques" were counted as not saying it. Not a tool named by a common English
word ("Microsoft Excel", "Microsoft Word"): a review found "had a word with" taken for one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.term_match import find_terms
from prepcoach.coach.term_not_done import said_not_done
from prepcoach.coach.term_units import without_maker, written_forms


def said(text: str, term: str) -> str | None:
    [found] = find_terms(text, [term])  # by word form: no sentence model
    return None if found is None else found.words


@pytest.mark.parametrize(
    ("text", "term", "words"),
    [
        ("I modelled the extension in revit and issued the drawings.", "Autodesk Revit", "revit"),
        (
            "I wrote an Airflow DAG that loads the weather data nightly.",
            "Apache Airflow",
            "Airflow",
        ),
        ("I mapped the alerts to ATT&CK techniques.", "MITRE ATT&CK", "ATT&CK"),
        ("I passed Security+ last spring.", "CompTIA Security+", "Security+"),
        ("I moved our month-end close into NetSuite.", "Oracle NetSuite", "NetSuite"),
    ],
)
def test_a_product_is_said_by_its_own_name(text: str, term: str, words: str) -> None:
    assert said(text, term) == words


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # A plain word of the name is no name: the trial's "Sage Payroll" by "payroll".
        ("I ran the monthly payroll for 400 staff.", "Sage Payroll"),
        ("We split the work between three teams.", "Microsoft Teams"),  # "Teams" reads as words
        ("I cleaned up our CRM before the migration.", "Salesforce CRM"),  # a kind of product
        ("I put the whole suite of tests on the build.", "Burp Suite"),
        ("I excel at keeping the ledgers tidy.", "Microsoft Excel"),  # the verb, not the tool
        # A tool named by a common word gets no short form (a review: taken for these).
        (
            "When suppliers kept missing deliveries, I had a word with each of them.",
            "Microsoft Word",
        ),
        ("I reviewed the outlook for the quarter and cut costs.", "Microsoft Outlook"),
        ("i did the flow calcs in excel before the review", "Microsoft Excel"),
    ],
)
def test_a_part_that_is_no_name_of_the_product_does_not_say_it(text: str, term: str) -> None:
    assert said(text, term) is None


def test_only_a_jobs_named_terms_get_the_short_form() -> None:
    assert written_forms("Autodesk Revit", names=True) == ["Autodesk Revit", "Revit"]
    assert written_forms("Autodesk Revit") == ["Autodesk Revit"]
    assert without_maker("Revit") is None
    assert without_maker("Microsoft Excel") is None
    assert without_maker("stakeholder management") is None


def test_the_short_form_said_as_someone_elses_work_is_quoted_as_not_used() -> None:
    text = "He keeps the programme in Revit, and I only read the drawings."
    [found] = find_terms(text, ["Autodesk Revit"])
    assert found is None
    [why] = said_not_done(text, ["Autodesk Revit"])
    assert why is not None
    assert why.words == "Revit"


@given(
    st.sampled_from(["Autodesk Revit", "Apache Airflow", "MITRE ATT&CK", "Oracle NetSuite"]),
    st.lists(
        st.sampled_from(["I", "we", "built", "the", "model", "in", "a", "tool", "revised",
                         "Autodesk", "Apache", "MITRE", "Oracle", "plans", "and", "reports"]),
        min_size=3, max_size=25,
    ),
)  # fmt: skip
def test_only_the_products_own_name_says_it(term: str, words: list[str]) -> None:
    # The maker alone, and any sentence without the product's own name, never says it.
    sentence = " ".join(words) + "."
    assert said(sentence, term) is None
    # With it, said; the quote ends at it (it may start at the maker, said just before).
    quoted = said(f"{sentence[:-1]} and {term.split()[-1]} too.", term)
    assert quoted is not None
    assert quoted.endswith(term.split()[-1])
