"""How far a negation reaches (`term_negation.denied`): across a list of things it governs ("I
haven't used Tableau, Power BI or Looker"), through the phrase a negative determiner or
preposition opens ("no experience with Tableau", "without Excel") and no further ("without any
help I migrated the data to SQL"), and not at all where its scope is moved onto a focus word
("not only X but also Y", "not just X")."""

from __future__ import annotations

import pytest

from prepcoach.coach import term_match
from prepcoach.coach.term_match import find_terms
from prepcoach.coach.term_negation import denied


def at(sentence: str, words: str) -> bool:
    """Whether `words`, where `sentence` first says them, are denied."""
    start = sentence.index(words)
    return denied(sentence, start, start + len(words))


def used(text: str, terms: list[str]) -> dict[str, tuple[str, str]]:
    """Each used term with how it is said and the words that say it."""
    found = find_terms(text, terms, term_match.shared_embedder())
    return {c.term: (c.by, c.words) for c in found if c is not None}


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("I haven't used Tableau, Power BI or Looker.", ["Tableau", "Power BI", "Looker"]),
        ("I haven't used Tableau, Power BI, and Looker yet.", ["Power BI", "Looker"]),
        ("i havent used tableau, power bi or looker", ["power bi", "looker"]),
        ("We didn't have SQL and Python skills in the team.", ["SQL", "Python"]),
        ("I never touched Tableau, Looker or Qlik, but I'd like to.", ["Looker", "Qlik"]),
        ("I haven't used Tableau, Power BI or Looker on a real project yet.", ["Looker"]),
        ("I have no experience with Tableau, Power BI or Looker.", ["Power BI", "Looker"]),
    ],
)
def test_a_negated_list_is_denied_to_its_last_item(sentence: str, items: list[str]) -> None:
    """A comma or an "and" ends a negation's clause, but not inside a list the negation
    governs: "I haven't used Tableau, Power BI or Looker" credited Power BI and Looker."""
    for item in items:
        assert at(sentence, item), item


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("We didn't have SQL or Python skills.", "Python"),
        ("I have never touched Tableau.", "Tableau"),
        ("i haven't used java or c# in anger", "c#"),
    ],
)
def test_what_was_denied_before_still_is(sentence: str, words: str) -> None:
    """An "or" never ended a negation's clause, and "never" was a negation already."""
    assert at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I have no experience with Tableau.", "Tableau"),
        ("No exposure to payroll so far.", "payroll"),
        ("I did the whole analysis without Excel.", "Excel"),
        ("I built it without any SQL or Python.", "Python"),
        ("I've used neither Tableau nor Looker.", "Tableau"),
    ],
)
def test_a_negative_phrase_denies_its_words(sentence: str, words: str) -> None:
    assert at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I not only built the dashboards in Power BI but also trained the team", "Power BI"),
        ("I not only built the dashboards in Power BI but also trained the team", "trained"),
        ("It's not just Excel, I use Python every day.", "Excel"),
        ("I don't just use Excel, I write the macros too.", "Excel"),
        ("without any help I migrated the data to SQL", "SQL"),
        ("without any help I migrated the data to SQL", "migrated"),
        ("no problem, I used Excel", "Excel"),
        ("Without it we'd have lost a week, so I rebuilt the model in Python.", "Python"),
        ("so a no is just one of the nineteen, you know", "one of the nineteen"),
    ],
)
def test_what_a_focused_or_ended_negation_leaves_said(sentence: str, words: str) -> None:
    """A negation moved onto "only" or "just" denies that X is all there is, and so affirms
    X; a negative phrase ends where a new subject begins, or at a comma that opens no list."""
    assert not at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # A comma's next words are an item only where a coordinator ends the list.
        ("I didn't do any SQL there, it was all Excel, but I've done SQL at uni.", "Excel"),
        ("i haven't used java or c# in anger, the bootcamp was all js, but", "js"),
        ("I haven't used Tableau yet, but I ran the weekly payroll.", "payroll"),
        ("I haven't used Tableau, just Excel and SQL.", "Excel"),
        ("I haven't used Tableau, just Excel and SQL.", "SQL"),
        ("I haven't done payroll, invoicing and month-end were mine.", "invoicing"),
        ("I haven't used Tableau, Power BI was what we had.", "Power BI"),
        # A bare "and" before a word in lower case opens a clause as before.
        ("I don't post an advert and wait, I go on LinkedIn", "wait"),
        ("I didn't do payroll and I ran the ledger in Sage.", "Sage"),
        ("I haven't used Tableau, Power BI or Looker, and I learnt Qlik", "Qlik"),
        # Runs of clauses after a comma, as the labelled answers tell them, are no lists.
        ("We had no budget, deploys took an hour, and two teams shared a database.", "shared"),
        ("I rang them early, not at the desk, offered a free taxi, and a voucher.", "free taxi"),
        ("So I remade it, no argument, and gave her a cookie.", "gave her a cookie"),
        ("the two workflows the ATS couldn't do, and set up a QBR with her", "QBR"),
        ("invoices we never received, or an invoice posted twice", "invoice posted"),
    ],
)
def test_a_negation_still_ends_where_no_list_goes_on(sentence: str, words: str) -> None:
    assert not at(sentence, words)


@pytest.mark.usefixtures("sentence_model")
def test_a_term_denied_by_scope_is_not_used() -> None:
    """By word form and by meaning alike."""
    terms = ["Tableau", "Power BI", "Looker"]
    assert used("I haven't used Tableau, Power BI or Looker.", terms) == {}
    assert used("We didn't have SQL and Python skills.", ["SQL", "Python"]) == {}
    assert used("I have no experience with stakeholder management.", [
        "stakeholder management"
    ]) == {}  # fmt: skip
    assert used("I did the whole analysis without Excel.", ["Excel"]) == {}
    assert used("I not only built the dashboards in Power BI but also trained the team.", [
        "Power BI"
    ]) == {"Power BI": ("word form", "Power BI")}  # fmt: skip
    assert used("Without any help I migrated the data to SQL.", ["SQL"]) == {
        "SQL": ("word form", "SQL")
    }
    assert used("No problem, I used Excel.", ["Excel"]) == {"Excel": ("word form", "Excel")}


def test_a_subject_after_a_list_opens_a_clause() -> None:
    """A list's last item ends where a subject begins, and the negation with it."""
    assert not at("I haven't used Tableau, and um I used Looker instead.", "Looker")
    said = "I haven't used Tableau, Power BI or Looker we did it all in Excel"
    assert at(said, "Looker")
    assert not at(said, "Excel")
